package org.arborlab.control.engine.runtime;

import static org.arborlab.control.engine.runtime.Visits.open;
import static org.arborlab.control.engine.runtime.Visits.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** Where an error on a participant page comes from, for the page shown outside production. */
class AppErrorsTest {
    private static int throwingLine;

    /** A page whose before_next_page fails. */
    static class Crashing extends App<Crashing.Player, Crashing.Group, Crashing.Subsession> {
        @Override
        public String name() {
            return "crashing";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            public String answer;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new Boom());
        }

        static class Boom extends Page<Player> {
            @Override
            public void beforeNextPage(Player player, boolean timeoutHappened) {
                throwingLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
                player.answer = player.answer.trim();
            }
        }
    }

    @Test
    void anAppErrorNamesTheAppsFileAndLine() {
        TestSession s = TestSession.of(new Crashing()).participants(1).start();
        open(s, 1);
        RuntimeException e = assertThrows(RuntimeException.class, () -> submit(s, 1, Map.of()));
        AppErrors.Location where = AppErrors.locate(new ServletException("wrapped by the server", e), s.apps())
                .orElseThrow();
        assertEquals("AppErrorsTest.java", where.file());
        assertEquals(throwingLine, where.line());
        assertTrue(where.message().startsWith("NullPointerException: "), where.message());
        assertTrue(where.message().endsWith("(in " + Crashing.Boom.class.getName() + ".beforeNextPage)"),
                where.message());
    }

    @Test
    void aTemplateErrorNamesTheTemplatesFileAndLine() {
        TestSession s = TestSession.of(new Crashing()).participants(1).start();
        Exception el = new ServletException(new RuntimeException(
                "/arbor-app/org/lab/guess/Results.xhtml @4,35 value=\"#{player.guess.size()}\": Method not found"));
        assertEquals(Optional.of(new AppErrors.Location("org/lab/guess/Results.xhtml", 4,
                "value=\"#{player.guess.size()}\": Method not found")), AppErrors.locate(el, s.apps()));
        Exception parse = new RuntimeException("Error Parsing /arbor-app/org/lab/guess/Results.xhtml: Error"
                + " Traced[line: 7] The element type \"div\" must be terminated by the matching end-tag \"</div>\".");
        assertEquals("org/lab/guess/Results.xhtml, line 7: The element type \"div\" must be terminated by the"
                + " matching end-tag \"</div>\".", AppErrors.locate(parse, s.apps()).orElseThrow().toString());
    }

    @Test
    void anErrorOutsideTheAppsHasNoLocation() {
        TestSession s = TestSession.of(new Crashing()).participants(1).start();
        assertEquals(Optional.empty(), AppErrors.locate(new IllegalStateException("database down"), s.apps()));
    }
}
