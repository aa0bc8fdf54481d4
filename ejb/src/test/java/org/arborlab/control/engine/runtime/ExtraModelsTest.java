package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.arborlab.spi.Currency.cu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.arborlab.entity.ExtraModelRow;
import org.arborlab.entity.Player;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Currency;
import org.arborlab.spi.ExtraModel;
import org.arborlab.spi.Field;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/**
 * Extra models (oTree's {@code ExtraModel}): records linked to a player, group or subsession, created, filtered,
 * changed and deleted through the runtime's scope, and the start-up checks of their classes.
 */
class ExtraModelsTest {

    /** An app with one extra model per kind of owner; its page records a trial per submission. */
    static class Lab extends App<Lab.Player, Lab.Group, Lab.Subsession> {
        @Override
        public String name() {
            return "lab";
        }

        @Override
        public int playersPerGroup() {
            return 2;
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            @Field(blank = true)
            public Integer rt;
        }

        public static class Trial extends ExtraModel<Player> {
            public Integer rt;
            public Double score;
            public Currency bonus;
            @Field(initial = "7")
            public Long big;
            public Boolean ok = true;
            public String note;
            public BigDecimal share;
        }

        public static class Offer extends ExtraModel<Group> {
            public Integer amount;
        }

        public static class Draw extends ExtraModel<Subsession> {
            public Integer number;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Decide(), new Done());
        }

        static class Decide extends Page<Player> {
            Decide() {
                form("rt");
            }

            @Override
            public void beforeNextPage(Player player, boolean timeoutHappened) {
                Trial trial = player.create(Trial.class);
                trial.rt = player.rt;
            }
        }

        static class Done extends Page<Player> {
        }
    }

    /** A model of the right shape that is not nested in the app. */
    public static class Stray extends ExtraModel<Lab.Player> {
        public Integer value;
    }

    private static TestSession start() {
        return TestSession.of(new Lab()).participants(2).start();
    }

    private static Lab.Player player(ModelScope scope, TestSession s, int index) {
        return (Lab.Player) scope.player(s.storage().all(Player.class).get(index));
    }

    @Test
    void createAppliesDefaultsAtOnceAndFilterReturnsOldestFirst() {
        TestSession s = start();
        ModelScope scope = s.scope();
        Lab.Player p1 = player(scope, s, 0);
        Lab.Trial first = p1.create(Lab.Trial.class);
        assertEquals(true, first.ok);
        assertEquals(7L, first.big);
        assertNull(first.rt);
        assertSame(p1, first.owner());
        // the row is added at once, with the defaults
        ExtraModelRow row = s.storage().all(ExtraModelRow.class).get(0);
        assertEquals("Trial", row.getModelName());
        assertEquals("lab", row.getAppName());
        assertEquals(ExtraModelRow.OwnerKind.PLAYER, row.getOwnerKind());
        assertEquals(7, row.getFields().getInt("big"));
        assertTrue(row.getFields().getBoolean("ok"));
        first.rt = 350;
        first.score = 0.5;
        first.bonus = cu("1.25");
        first.note = "fast";
        first.share = new BigDecimal("0.333");
        Lab.Trial second = p1.create(Lab.Trial.class);
        second.rt = 410;
        assertEquals(List.of(first, second), p1.filter(Lab.Trial.class));
        assertSame(first, p1.filter(Lab.Trial.class).get(0), "one object per record within a page");
        assertEquals(List.of(), player(scope, s, 1).filter(Lab.Trial.class), "the other player's are not returned");
        scope.writeBack();

        List<Lab.Trial> read = player(s.scope(), s, 0).filter(Lab.Trial.class);
        assertEquals(2, read.size());
        assertEquals(350, read.get(0).rt);
        assertEquals(0.5, read.get(0).score);
        assertEquals(cu(1), read.get(0).bonus, "rounded as Currency fields are (points, no decimals here)");
        assertEquals("fast", read.get(0).note);
        assertEquals(new BigDecimal("0.333"), read.get(0).share);
        assertEquals(410, read.get(1).rt);
        assertEquals(7L, read.get(1).big);
    }

    @Test
    void changesToRecordsReadAreSavedAndDeleteRemovesThem() {
        TestSession s = start();
        ModelScope scope = s.scope();
        Lab.Player p1 = player(scope, s, 0);
        p1.create(Lab.Trial.class).rt = 1;
        p1.create(Lab.Trial.class).rt = 2;
        p1.create(Lab.Trial.class).rt = 3;
        scope.writeBack();

        ModelScope next = s.scope();
        List<Lab.Trial> trials = player(next, s, 0).filter(Lab.Trial.class);
        trials.get(0).note = "changed";
        trials.get(1).delete();
        assertTrue(trials.get(1).isDeleted());
        assertEquals(List.of(trials.get(0), trials.get(2)), player(next, s, 0).filter(Lab.Trial.class));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> trials.get(1).delete());
        assertEquals("This Trial record was deleted already", twice.getMessage());
        next.writeBack();

        List<Lab.Trial> after = player(s.scope(), s, 0).filter(Lab.Trial.class);
        assertEquals(2, after.size());
        assertEquals("changed", after.get(0).note);
        assertEquals(3, after.get(1).rt);
        assertEquals(2, s.storage().all(ExtraModelRow.class).size());
    }

    @Test
    void groupsAndRoundsHaveTheirOwnRecords() {
        TestSession s = start();
        ModelScope scope = s.scope();
        Lab.Player p1 = player(scope, s, 0);
        Lab.Offer offer = p1.group().create(Lab.Offer.class);
        offer.amount = 4;
        Lab.Draw draw = p1.subsession().create(Lab.Draw.class);
        draw.number = 9;
        assertSame(p1.group(), offer.owner());
        assertSame(p1.subsession(), draw.owner());
        scope.writeBack();

        ModelScope next = s.scope();
        Lab.Player p2 = player(next, s, 1);
        assertEquals(4, p2.group().filter(Lab.Offer.class).get(0).amount, "P2 is in P1's group");
        assertEquals(9, p2.subsession().filter(Lab.Draw.class).get(0).number);
    }

    @Test
    void aGroupRemovedByRegroupingTakesItsRecordsAlong() {
        TestSession s = TestSession.of(new Lab()).participants(4).start();
        ModelScope scope = s.scope();
        Lab.Player p1 = player(scope, s, 0);
        p1.group().create(Lab.Offer.class).amount = 1;
        player(scope, s, 2).group().create(Lab.Offer.class).amount = 2;
        p1.create(Lab.Trial.class).rt = 9;
        scope.writeBack();
        assertEquals(3, s.storage().all(ExtraModelRow.class).size());

        ModelScope next = s.scope();
        player(next, s, 0).subsession().setGroupMatrix(List.of(List.of(1, 2, 3, 4)));
        next.writeBack();
        List<ExtraModelRow> left = s.storage().all(ExtraModelRow.class);
        assertEquals(List.of("Offer", "Trial"), left.stream().map(ExtraModelRow::getModelName).toList(),
                "group 2's offer went with group 2; group 1's offer and the player's trial stay");
        assertEquals(1, player(s.scope(), s, 3).group().filter(Lab.Offer.class).get(0).amount);
    }

    @Test
    void aRecordOfAnotherOwnerOrAppIsAClearError() {
        TestSession s = start();
        Lab.Player p1 = player(s.scope(), s, 0);
        IllegalArgumentException wrongOwner = assertThrows(IllegalArgumentException.class,
                () -> p1.filter(Lab.Offer.class));
        assertEquals("Offer of app \"lab\" is linked to the group, not the player: use group.create(Offer.class)"
                + " and group.filter(Offer.class)", wrongOwner.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p1.group().create(Lab.Trial.class));
        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class, () -> p1.create(Stray.class));
        assertEquals("Stray is not an extra model of app \"lab\": declare it as a public static nested class of the"
                + " app class, extending ExtraModel<Player> (or <Group>, <Subsession>)", stray.getMessage());
        IllegalStateException detached = assertThrows(IllegalStateException.class, () -> new Stray().owner());
        assertTrue(detached.getMessage().startsWith("Stray was not created by Arbor"), detached.getMessage());
        assertEquals(0, s.storage().all(ExtraModelRow.class).size(), "nothing was written");
    }

    @Test
    void aValueJsonCannotHoldIsAClearError() {
        TestSession s = start();
        ModelScope scope = s.scope();
        player(scope, s, 0).create(Lab.Trial.class).score = Double.NaN;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, scope::writeBack);
        assertEquals("Trial.score of app \"lab\" is NaN; a Double field stores finite numbers or null",
                error.getMessage());
    }

    @Test
    void aPageCreatesRecordsWithItsSubmission() {
        TestSession s = start();
        open(s, 1);
        submit(s, 1, Map.of("rt", "280"));
        submit(s, 1, Map.of());
        List<Lab.Trial> trials = player(s.scope(), s, 0).filter(Lab.Trial.class);
        assertEquals(1, trials.size());
        assertEquals(280, trials.get(0).rt);
    }

    @Test
    void templatesSeeRecordsAsTheirFields() {
        TestSession s = start();
        ModelScope scope = s.scope();
        Lab.Trial trial = player(scope, s, 0).create(Lab.Trial.class);
        trial.rt = 300;
        trial.bonus = cu(2);
        Object converted = new TemplateValues(scope).convert(List.of(trial));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = ((List<Map<String, Object>>) converted).get(0);
        assertEquals(300, map.get("rt"));
        assertEquals(7L, map.get("big"));
        assertEquals(scope.currency().format(cu(2)), map.get("bonus"));
    }

    @Test
    void exportsOnlyRead() {
        TestSession s = start();
        ModelScope scope = s.scope();
        player(scope, s, 0).create(Lab.Trial.class).rt = 5;
        scope.writeBack();
        ModelScope reading = new ModelScope(s.storage(), s.apps(), scope.currency(), s.session(), false, true);
        Lab.Player p1 = player(reading, s, 0);
        List<Lab.Trial> trials = p1.filter(Lab.Trial.class);
        assertEquals(5, trials.get(0).rt);
        trials.get(0).rt = 6;
        assertEquals("A custom export only reads: it cannot create Trial records",
                assertThrows(IllegalStateException.class, () -> p1.create(Lab.Trial.class)).getMessage());
        assertEquals("A custom export only reads: it cannot delete Trial records",
                assertThrows(IllegalStateException.class, () -> trials.get(0).delete()).getMessage());
        reading.writeBack();
        assertEquals(5, player(s.scope(), s, 0).filter(Lab.Trial.class).get(0).rt);
        assertFalse(trials.get(0).isDeleted());
    }

    // --- start-up checks ---

    /** An extra model with a field Arbor cannot store. */
    static class BadField extends App<BadField.Player, BadField.Group, BadField.Subsession> {
        @Override
        public String name() {
            return "bad_field";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        public static class Trial extends ExtraModel<Player> {
            public Integer rt;
            public java.time.LocalDate day;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Page<Player>("Only") {
            });
        }
    }

    /** An extra model linked to a class that is not one of the app's models. */
    static class BadOwner extends App<BadOwner.Player, BadOwner.Group, BadOwner.Subsession> {
        @Override
        public String name() {
            return "bad_owner";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        public static class Trial extends ExtraModel<Lab.Player> {
            public Integer rt;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Page<Player>("Only") {
            });
        }
    }

    /** An extra model that is an inner (not static) class. */
    static class InnerModel extends App<InnerModel.Player, InnerModel.Group, InnerModel.Subsession> {
        @Override
        public String name() {
            return "inner_model";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        public class Trial extends ExtraModel<Player> {
            public Integer rt;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Page<Player>("Only") {
            });
        }
    }

    @Test
    void startUpRefusesAFieldOfAnotherTypeNamingAppClassAndField() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AppRegistry.of(List.of(new BadField())));
        assertEquals("App \"bad_field\" (" + BadField.class.getName() + "): extra model Trial: Trial.day has type"
                + " LocalDate; fields can be Integer, Long, Double, BigDecimal, Currency, Boolean or String",
                e.getMessage());
        assertEquals(e.getMessage(), EngineStartup.appMistake(new RuntimeException("wrapped", e)));
    }

    @Test
    void startUpRefusesAnOwnerThatIsNotTheAppsModel() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AppRegistry.of(List.of(new BadOwner())));
        assertEquals("App \"bad_owner\" (" + BadOwner.class.getName() + "): extra model Trial links to "
                + Lab.Player.class.getName() + "; it must extend ExtraModel<Player>, ExtraModel<Group> or"
                + " ExtraModel<Subsession> of this app", e.getMessage());
        IllegalStateException inner = assertThrows(IllegalStateException.class,
                () -> AppRegistry.of(List.of(new InnerModel())));
        assertEquals("App \"inner_model\" (" + InnerModel.class.getName() + "): extra model Trial must be a public"
                + " static (not abstract) nested class", inner.getMessage());
    }

    @Test
    void theAppModelListsItsExtraModels() {
        AppModel lab = AppRegistry.of(List.of(new Lab())).get("lab");
        assertEquals(List.of("Draw", "Offer", "Trial"), lab.extraModels().stream().map(ExtraModelSpec::name).toList());
        assertEquals(List.of("rt", "score", "bonus", "big", "ok", "note", "share"),
                lab.extraModels().get(2).fields().stream().map(FieldSpec::name).toList());
    }
}
