package org.arborlab.control.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Field;
import org.arborlab.spi.FormModel;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** A post naming another app or page at the current index is not taken as the current page's. */
class MisdirectedSubmitTest {

    /** Two pairs' game: an introduction, then a form (as the trust game's first pages). */
    static class Pairs extends App<Pairs.Player, Pairs.Group, Pairs.Subsession> {
        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
            @Field(min = "0", max = "10")
            public Integer sentAmount;
        }

        public static class Player extends BasePlayer<Group, Subsession> {
        }

        static class Introduction extends Page<Player> {
        }

        static class Send extends Page<Player> {
            Send() {
                form(FormModel.GROUP, "sentAmount");
            }
        }

        @Override
        public String name() {
            return "trust";
        }

        @Override
        public int playersPerGroup() {
            return 2;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Introduction(), new Send());
        }
    }

    @Test
    void aPostForAnotherPageAtTheCurrentIndexIsRedirectedAndChangesNothing() {
        TestSession session = TestSession.of(new Pairs()).participants(2).start();
        String code = session.code(1);
        Outcome first = session.play().start(code, null);
        String current = ((Outcome.Redirect) first).path();
        // /p/<code>/trust/Introduction/1
        String[] parts = current.split("/");
        int index = Integer.parseInt(parts[parts.length - 1]);
        String app = parts[parts.length - 3];
        String page = parts[parts.length - 2];
        int before = session.participants().get(0).getIndexInPages();

        Outcome otherPage = session.play().submit(code, app, "Send", index, Map.of("sentAmount", "4"), false);
        assertEquals(current, assertInstanceOf(Outcome.Redirect.class, otherPage).path());
        Outcome otherApp = session.play().submit(code, "survey", page, index, Map.of(), false);
        assertEquals(current, assertInstanceOf(Outcome.Redirect.class, otherApp).path());
        assertEquals(before, session.participants().get(0).getIndexInPages(), "nothing moved");

        Outcome right = session.play().submit(code, app, page, index, Map.of(), false);
        assertInstanceOf(Outcome.Redirect.class, right);
        assertEquals(before + 1, session.participants().get(0).getIndexInPages(), "the right page is submitted");
    }
}
