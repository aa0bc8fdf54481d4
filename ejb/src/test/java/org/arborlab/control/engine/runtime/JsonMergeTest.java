package org.arborlab.control.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.arborlab.entity.Jsonp;
import org.arborlab.entity.Participant;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/**
 * How a unit of work's changes to participant vars, session vars and model fields are saved: only the keys it
 * changed, applied to the latest stored version, so two units of work at the same time both keep theirs.
 */
class JsonMergeTest {

    /** A group with two fields the two players of a group fill in. */
    static class Shared extends App<Shared.Player, Shared.Group, Shared.Subsession> {
        @Override
        public String name() {
            return "shared";
        }

        @Override
        public int playersPerGroup() {
            return 2;
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
            public Integer first;
            public Integer second;
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Page<Player>("Only") {
            });
        }
    }

    private static JsonObject json(String text) {
        return Jsonp.createReader(new java.io.StringReader(text)).readObject();
    }

    @Test
    void onlyTheChangedKeysAreApplied() {
        JsonChanges changes = JsonChanges.between(json("{\"a\":1,\"b\":2,\"gone\":true}"),
                json("{\"a\":1,\"b\":3,\"new\":[1,{\"x\":null}]}"), false);
        assertEquals(json("{\"a\":9,\"b\":3,\"other\":\"theirs\",\"new\":[1,{\"x\":null}]}"),
                changes.applyTo(json("{\"a\":9,\"b\":2,\"gone\":true,\"other\":\"theirs\"}")),
                "a (unchanged here) keeps the latest value, b and new are ours, gone is removed");
    }

    @Test
    void aNestedChangeReplacesTheWholeValueOfItsKey() {
        JsonChanges changes = JsonChanges.between(json("{\"m\":{\"x\":1,\"y\":1}}"), json("{\"m\":{\"x\":2,\"y\":1}}"),
                false);
        assertEquals(json("{\"m\":{\"x\":2,\"y\":1}}"), changes.applyTo(json("{\"m\":{\"x\":1,\"y\":5}}")),
                "merging is by top-level key, as oTree saves a whole value");
    }

    @Test
    void forFieldsNullAndAbsentAreTheSame() {
        assertTrue(JsonChanges.between(json("{}"), json("{\"a\":null}"), true).isEmpty(), "fields");
        assertFalse(JsonChanges.between(json("{}"), json("{\"a\":null}"), false).isEmpty(), "vars keep a null");
        assertEquals(json("{\"b\":1}"), JsonChanges.between(json("{\"a\":1}"), json("{\"a\":null}"), true)
                .applyTo(json("{\"a\":1,\"b\":1}")), "a field set to null is removed");
        assertEquals(json("{\"a\":null,\"b\":1}"), JsonChanges.between(json("{\"a\":1}"), json("{\"a\":null}"), false)
                .applyTo(json("{\"a\":1,\"b\":1}")), "a var set to None stays, as None");
    }

    @Test
    void twoUnitsOfWorkChangingDifferentVarsAndFieldsBothKeepTheirs() {
        TestSession s = TestSession.of(new Shared()).participants(2).start();
        Participant p1 = s.participants().get(0);
        ModelScope one = s.scope();
        ModelScope two = s.scope();
        one.participant(p1).vars().put("fromOne", 1).put("both", "one");
        two.participant(p1).vars().put("fromTwo", 2).put("both", "two");
        one.session().vars().put("treatment", "A");
        two.session().vars().put("round", 3);
        ((Shared.Group) one.player(p1, "shared", 1).group()).first = 10;
        ((Shared.Group) two.player(p1, "shared", 1).group()).second = 20;
        one.writeBack();
        two.writeBack();

        assertEquals(json("{\"fromOne\":1,\"both\":\"two\",\"fromTwo\":2}"), p1.getVars(),
                "different keys both kept; the same key: the last to save wins");
        assertEquals(json("{\"treatment\":\"A\",\"round\":3}"), s.session().getVars());
        Shared.Group group = (Shared.Group) s.scope().player(p1, "shared", 1).group();
        assertEquals(10, group.first);
        assertEquals(20, group.second);
    }

    @Test
    void aVarRemovedInOneUnitOfWorkStaysRemoved() {
        TestSession s = TestSession.of(new Shared()).participants(2).start();
        Participant p1 = s.participants().get(0);
        ModelScope setUp = s.scope();
        setUp.participant(p1).vars().put("temp", true).put("keep", true);
        setUp.writeBack();

        ModelScope one = s.scope();
        ModelScope two = s.scope();
        one.participant(p1).vars().remove("temp");
        two.participant(p1).vars().put("later", 1);
        one.writeBack();
        two.writeBack();
        assertEquals(json("{\"keep\":true,\"later\":1}"), p1.getVars());
    }
}
