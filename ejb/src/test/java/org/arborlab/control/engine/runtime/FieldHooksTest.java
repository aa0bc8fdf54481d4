package org.arborlab.control.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.Choice;
import org.arborlab.spi.Currency;

/** Start-up check of methods named like field hooks: a hook Arbor would not call stops start-up and says why. */
class FieldHooksTest {

    /** Every hook as Arbor calls it, and helper methods that only look a little like hooks. */
    public static class Fine extends BasePlayer<org.arborlab.spi.BaseGroup<?, ?>, org.arborlab.spi.BaseSubsession<?, ?>> {
        public Integer age;
        public Currency offer;
        public String color;
        public int count;

        public Integer ageMin() {
            return 18;
        }

        public int ageMax() {
            return 99;
        }

        public Currency offerMax() {
            return Currency.cu(10);
        }

        public List<Choice> colorChoices() {
            return List.of(Choice.of("red", "Red"));
        }

        public String ageErrorMessage(Integer value) {
            return null;
        }

        public String countErrorMessage(int value) {
            return null;
        }

        /** No field is called "total": not a hook. */
        public int totalMax() {
            return 0;
        }

        public String admin() {
            return "";
        }
    }

    private static String problem(Class<?> model) {
        return problem(model, Map.of());
    }

    private static String problem(Class<?> model, Map<String, List<FieldSpec>> others) {
        return assertThrows(IllegalStateException.class,
                () -> FieldHooks.check(model, Object.class, FieldSpec.of(model, Object.class), others))
                .getMessage();
    }

    @org.junit.jupiter.api.Test
    void hooksThatFitPass() {
        assertDoesNotThrow(() -> FieldHooks.check(Fine.class, BasePlayer.class,
                FieldSpec.of(Fine.class, BasePlayer.class), Map.of()));
    }

    /** The field is Integer, the hook takes int: Arbor would never call it. */
    public static class PrimitiveParameter {
        public Integer sentAmount;

        public String sentAmountErrorMessage(int value) {
            return null;
        }
    }

    public static class MaxWithParameter {
        public Integer age;

        public Integer ageMax(Integer limit) {
            return limit;
        }
    }

    public static class MaxOfText {
        public String name;

        public Integer nameMax() {
            return 3;
        }
    }

    public static class ChoicesNotAList {
        public String color;

        public String colorChoices() {
            return "red";
        }
    }

    public static class ErrorMessageNotText {
        public Integer age;

        public boolean ageErrorMessage(Integer value) {
            return false;
        }
    }

    public static class OtreeSpelling {
        public Integer sentAmount;

        public Integer sent_amount_max() {
            return 3;
        }
    }

    public static class OtherCase {
        public Integer age;

        public Integer AgeMax() {
            return 3;
        }
    }

    public static class StaticHook {
        public Integer age;

        public static Integer ageMin() {
            return 3;
        }
    }

    @org.junit.jupiter.api.Test
    void aMethodNamedLikeAHookThatDoesNotFitStopsStartUp() {
        assertEquals("PrimitiveParameter.sentAmountErrorMessage(int) is named like the ErrorMessage hook of field"
                + " sentAmount, but it takes int where Arbor passes the field's Integer. It must be public String"
                + " sentAmountErrorMessage(Integer value), returning a message or null", problem(PrimitiveParameter.class));
        assertEquals("MaxWithParameter.ageMax(Integer) is named like the Max hook of field age, but it takes"
                + " parameters. It must be public Integer ageMax()", problem(MaxWithParameter.class));
        assertEquals("MaxOfText.nameMax() is named like the Max hook of field name, but only number fields have a"
                + " min or max. It must be public String nameMax()", problem(MaxOfText.class));
        assertEquals("ChoicesNotAList.colorChoices() is named like the Choices hook of field color, but it returns"
                + " String, not a list. It must be public List<String> colorChoices() (or List<Choice>)",
                problem(ChoicesNotAList.class));
        assertEquals("ErrorMessageNotText.ageErrorMessage(Integer) is named like the ErrorMessage hook of field age,"
                + " but it returns boolean, not a String. It must be public String ageErrorMessage(Integer value),"
                + " returning a message or null", problem(ErrorMessageNotText.class));
        assertEquals("StaticHook.ageMin() is named like the Min hook of field age, but it is static. It must be"
                + " public Integer ageMin()", problem(StaticHook.class));
    }

    @org.junit.jupiter.api.Test
    void aHookSpelledAnotherWayStopsStartUp() {
        assertEquals("OtreeSpelling.sent_amount_max() is not called by Arbor: the Max hook of field sentAmount is"
                + " named sentAmountMax. It must be public Integer sentAmountMax()", problem(OtreeSpelling.class));
        assertEquals("OtherCase.AgeMax() is not called by Arbor: the Max hook of field age is named ageMax. It must"
                + " be public Integer ageMax()", problem(OtherCase.class));
    }

    /** A group's hook for a player field. */
    public static class GroupWithPlayerHook {
        public Integer total;

        public Integer ageMax() {
            return 3;
        }
    }

    @org.junit.jupiter.api.Test
    void aHookInTheWrongClassStopsStartUp() {
        assertEquals("GroupWithPlayerHook.ageMax() is named like a hook of field age, which is a field of Player,"
                + " not of GroupWithPlayerHook: put the hook in Player",
                problem(GroupWithPlayerHook.class, Map.of("Player", FieldSpec.of(MaxWithParameter.class, Object.class)
                        .stream().toList())));
    }
}
