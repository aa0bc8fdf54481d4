package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.errors;
import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.arborlab.control.engine.runtime.Visits.where;
import static org.arborlab.spi.Currency.cu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Currency;
import org.arborlab.spi.Field;
import org.arborlab.spi.FormValues;
import org.arborlab.spi.Page;
import org.arborlab.spi.Widget;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** Form parsing and every validation message a participant can get, for every kind of field. */
class FormsTest {

    /** One page with a field of every kind and rule. */
    static class Forms extends App<Forms.Player, Forms.Group, Forms.Subsession> {
        static int pageChecks;

        @Override
        public String name() {
            return "forms";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            @Field(min = "1", max = "10")
            public Integer count;
            @Field(label = "Ratio of the two", min = "0.5", max = "2.5")
            public Double ratio;
            @Field(min = "0")
            public Currency amount;
            @Field(maxLength = 5)
            public String nickname;
            public Boolean agree;
            @Field(choices = {"red", "green"}, choiceLabels = {"Red", "Green"})
            public String color;
            @Field(choices = {"1", "2", "3"})
            public Integer level;
            @Field(blank = true)
            public String comment;
            @Field(widget = Widget.CHECKBOX)
            public Boolean newsletter;
            @Field(blank = true)
            public BigDecimal exact;
            @Field(blank = true)
            public Long big;
            public Integer lucky;

            public Currency amountMax() {
                return cu(5);
            }

            public String luckyErrorMessage(Integer value) {
                return value == 13 ? "Not 13." : null;
            }
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Answer(), new Done());
        }

        static class Answer extends Page<Player> {
            Answer() {
                form("count", "ratio", "amount", "nickname", "agree", "color", "level", "comment", "newsletter",
                        "exact", "big", "lucky");
            }

            @Override
            public String errorMessage(Player player, FormValues values) {
                pageChecks++;
                return values.getInteger("count") < values.getInteger("level") ? "The count must be at least the level."
                        : null;
            }
        }

        static class Done extends Page<Player> {
        }
    }

    private static Map<String, String> valid() {
        Map<String, String> form = new HashMap<>();
        form.put("count", "4");
        form.put("ratio", "1.5");
        form.put("amount", "3");
        form.put("nickname", " Ann");
        form.put("agree", "1");
        form.put("color", "red");
        form.put("level", "2");
        form.put("exact", "0.125");
        form.put("big", "5000000000");
        form.put("lucky", "7");
        return form;
    }

    private static Map<String, String> valid(String field, String value) {
        Map<String, String> form = valid();
        form.put(field, value);
        return form;
    }

    private static TestSession started() {
        TestSession s = TestSession.of(new Forms()).participants(1).start();
        open(s, 1);
        return s;
    }

    @Test
    void aValidSubmissionIsStoredInTheFieldsTypes() {
        TestSession s = started();
        assertEquals("Done", where(submit(s, 1, valid())));
        Forms.Player p = (Forms.Player) s.scope().player(s.participants().get(0), "forms", 1);
        assertEquals(4, p.count);
        assertEquals(1.5, p.ratio);
        assertEquals(cu(3), p.amount);
        assertEquals(" Ann", p.nickname, "text is kept as typed");
        assertEquals(Boolean.TRUE, p.agree);
        assertEquals("red", p.color);
        assertEquals(2, p.level);
        assertNull(p.comment, "a blank optional field stays null");
        assertEquals(Boolean.FALSE, p.newsletter, "an unticked checkbox is not sent and means no");
        assertEquals(new BigDecimal("0.125"), p.exact);
        assertEquals(5_000_000_000L, p.big);
        assertEquals(7, p.lucky);
    }

    @Test
    void requiredFieldsLeftBlank() {
        TestSession s = started();
        Outcome again = submit(s, 1, Map.of());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("", "Please fix the errors in the form.");
        for (String field : List.of("count", "ratio", "amount", "nickname", "agree", "color", "level", "lucky")) {
            expected.put(field, "This field is required.");
        }
        assertEquals(expected, errors(again), "comment, exact and big may be blank; the checkbox means no");
    }

    @Test
    void textThatIsNotAValueOfTheFieldsType() {
        TestSession s = started();
        assertEquals(Map.of("", "Please fix the errors in the form.", "count", "Enter a whole number.",
                "ratio", "Enter a number.", "amount", "Ensure that there are no more than 0 decimal places.",
                "agree", "Select Yes or No.", "nickname", "Ensure this value has at most 5 characters (it has 7).",
                "exact", "Enter a number.", "big", "Enter a whole number."),
                errors(submit(s, 1, Map.of("count", "4.5", "ratio", "1,5", "amount", "2.5", "agree", "maybe",
                        "nickname", "Annabel", "exact", "x", "big", "1e3", "color", "red", "level", "1",
                        "lucky", "1"))));
    }

    @Test
    void boundsChoicesAndTheFieldsOwnCheck() {
        TestSession s = started();
        assertEquals("Ensure this value is greater than or equal to 1.", errors(submit(s, 1, valid("count", "0"))).get("count"));
        assertEquals("Ensure this value is less than or equal to 10.", errors(submit(s, 1, valid("count", "11"))).get("count"));
        assertEquals("Ensure this value is greater than or equal to 0.5.", errors(submit(s, 1, valid("ratio", "0.4"))).get("ratio"));
        assertEquals("Ensure this value is less than or equal to 2.5.", errors(submit(s, 1, valid("ratio", "2.6"))).get("ratio"));
        assertEquals("Ensure this value is greater than or equal to 0.", errors(submit(s, 1, valid("amount", "-1"))).get("amount"));
        assertEquals("Ensure this value is less than or equal to 5.", errors(submit(s, 1, valid("amount", "6"))).get("amount"),
                "amountMax() sets the bound");
        assertEquals("Select a valid choice.", errors(submit(s, 1, valid("color", "blue"))).get("color"));
        assertEquals("Select a valid choice.", errors(submit(s, 1, valid("color", "Red"))).get("color"), "labels are not values");
        assertEquals("Select a valid choice.", errors(submit(s, 1, valid("level", "4"))).get("level"));
        assertEquals("Not 13.", errors(submit(s, 1, valid("lucky", "13"))).get("lucky"));
        assertEquals("Answer", where(open(s, 1)), "a refused submission stays on the page");
        assertNull(((Forms.Player) s.scope().player(s.participants().get(0), "forms", 1)).count,
                "and stores nothing");
    }

    @Test
    void thePagesCheckRunsOnlyOnValuesThatPassedTheirOwnChecks() {
        TestSession s = started();
        Forms.pageChecks = 0;
        submit(s, 1, valid("count", "x"));
        assertEquals(0, Forms.pageChecks);
        Outcome again = submit(s, 1, valid("level", "3").entrySet().stream().collect(HashMap::new,
                (m, e) -> m.put(e.getKey(), e.getKey().equals("count") ? "2" : e.getValue()), HashMap::putAll));
        assertEquals(Map.of("", "The count must be at least the level."), errors(again));
        assertEquals(1, Forms.pageChecks);
    }

    @Test
    void theFormShowsEachFieldsInputAndWhatWasTyped() {
        TestSession s = started();
        PageView first = Visits.page(open(s, 1));
        Map<String, PageView.FieldView> fields = new HashMap<>();
        first.fields().forEach(f -> fields.put(f.name(), f));
        assertEquals("number", fields.get("count").input());
        assertEquals("1", fields.get("count").min());
        assertEquals("10", fields.get("count").max());
        assertEquals("1", fields.get("count").step());
        assertEquals("Ratio of the two", fields.get("ratio").label());
        assertEquals("any", fields.get("ratio").step());
        assertEquals("5", fields.get("amount").max(), "from amountMax()");
        assertEquals("Nickname", fields.get("nickname").label(), "the field name in words");
        assertEquals("radio", fields.get("agree").input());
        assertEquals(List.of("Yes", "No"), fields.get("agree").choices().stream().map(PageView.ChoiceView::label).toList());
        assertEquals("select", fields.get("color").input());
        assertEquals(List.of("red", "green"), fields.get("color").choices().stream().map(PageView.ChoiceView::value).toList());
        assertEquals(List.of("Red", "Green"), fields.get("color").choices().stream().map(PageView.ChoiceView::label).toList());
        assertEquals("checkbox", fields.get("newsletter").input());
        assertFalse(fields.get("newsletter").required());
        assertFalse(fields.get("comment").required());
        assertTrue(fields.get("count").required());
        assertEquals("text", fields.get("comment").input());

        PageView again = Visits.page(submit(s, 1, valid("count", "eleven")));
        PageView.FieldView count = again.fields().get(0);
        assertEquals("eleven", count.value(), "the page shown again keeps what was typed");
        assertTrue(again.fields().get(5).choices().stream().anyMatch(c -> c.value().equals("red") && c.selected()));
    }
}
