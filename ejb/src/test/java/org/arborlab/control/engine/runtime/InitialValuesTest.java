package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.spi.Currency.cu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.arborlab.entity.Jsonp;
import org.arborlab.entity.Player;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Currency;
import org.arborlab.spi.Field;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** Initial values, from {@code @Field(initial = ...)} or the Java initializer: stored, shown in forms, exported. */
class InitialValuesTest {

    /** A player with initial values given both ways, and one field without. */
    static class Initials extends App<Initials.Player, Initials.Group, Initials.Subsession> {
        @Override
        public String name() {
            return "initials";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
            public String treatment = "control";
        }

        public static class Group extends BaseGroup<Player, Subsession> {
            @Field(initial = "2.5")
            public Currency pot;
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            public Boolean isWinner = false;
            @Field(initial = "5", min = "0", max = "10")
            public Integer offer;
            @Field(initial = "blue", choices = {"red", "blue"})
            public String color;
            public Integer untouched;
            @Field(initial = "3")
            public int count;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Offer());
        }

        static class Offer extends Page<Player> {
            Offer() {
                form("offer", "color", "isWinner");
            }
        }
    }

    @Test
    void newRowsStoreTheInitialValuesAndExportsReadThem() {
        TestSession s = TestSession.of(new Initials()).participants(1)
                .currency(new org.arborlab.control.settings.CurrencySettings("USD", 2, true, 1)).start();
        Player row = s.storage().all(Player.class).get(0);
        // the export reads these stored fields as they are
        assertEquals(Jsonp.createObjectBuilder().add("isWinner", JsonValue.FALSE).add("offer", 5).add("color", "blue")
                .add("count", 3).build(), row.getFields());
        assertEquals(Jsonp.createObjectBuilder().add("pot", new java.math.BigDecimal("2.5")).build(),
                row.getGroup().getFields());
        assertEquals(Jsonp.createObjectBuilder().add("treatment", "control").build(),
                row.getSubsession().getFields());

        Initials.Player p = (Initials.Player) s.scope().player(row);
        assertEquals(Boolean.FALSE, p.isWinner);
        assertEquals(5, p.offer);
        assertNull(p.untouched);
        assertEquals(3, p.count);
        assertEquals(cu("2.5"), p.group().pot);
        assertEquals("control", p.subsession().treatment);
    }

    @Test
    void theFormShowsThem() {
        TestSession s = TestSession.of(new Initials()).participants(1).start();
        Map<String, String> values = new java.util.HashMap<>();
        Visits.page(open(s, 1)).fields().forEach(f -> values.put(f.name(), f.value()));
        assertEquals(Map.of("offer", "5", "color", "blue", "isWinner", "0"), values);
        PageView.FieldView color = Visits.page(open(s, 1)).fields().get(1);
        assertTrue(color.choices().stream().anyMatch(c -> c.value().equals("blue") && c.selected()));
        assertFalse(color.choices().stream().anyMatch(c -> c.value().equals("red") && c.selected()));
    }

    /** An initial value that is not of the field's type. */
    static class BadInitial extends App<BadInitial.Player, BadInitial.Group, BadInitial.Subsession> {
        @Override
        public String name() {
            return "bad_initial";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            @Field(initial = "many")
            public Integer count;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Page<Player>("Only") {
            });
        }
    }

    /** An initial value given twice, differently. */
    static class TwoInitials extends App<TwoInitials.Player, TwoInitials.Group, TwoInitials.Subsession> {
        @Override
        public String name() {
            return "two_initials";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            /** The same value twice is no mistake. */
            @Field(initial = "1")
            public int same = 1;
            @Field(initial = "1")
            public Integer count = 2;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Page<Player>("Only") {
            });
        }
    }

    @Test
    void aMistakenInitialValueStopsStartUp() {
        assertEquals("Player.count: initial \"many\" is not of the field's type Integer (Enter a whole number.)",
                assertThrows(IllegalStateException.class, () -> AppRegistry.of(List.of(new BadInitial()))).getMessage());
        assertEquals("Player.count has initial \"1\" and the Java initializer 2; give the initial value once",
                assertThrows(IllegalStateException.class, () -> AppRegistry.of(List.of(new TwoInitials()))).getMessage());
    }
}
