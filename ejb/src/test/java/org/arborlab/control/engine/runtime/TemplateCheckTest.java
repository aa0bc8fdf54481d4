package org.arborlab.control.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arborlab.spi.AbstractPage;
import org.arborlab.spi.App;
import org.arborlab.spi.BaseGroup;
import org.arborlab.spi.BasePlayer;
import org.arborlab.spi.BaseSubsession;
import org.arborlab.spi.Page;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** Templates are checked at start-up: a broken one stops it with its file and line. */
class TemplateCheckTest {
    private static final String HEAD = "<ui:composition xmlns=\"http://www.w3.org/1999/xhtml\""
            + " xmlns:ui=\"jakarta.faces.facelets\" xmlns:arbor=\"https://arborlab.org/play\">\n";

    private static final Map<String, Set<String>> KNOWN = Map.of("player", Set.of("guess", "payoff"),
            "C", Set.of("ENDOWMENT"));

    private static String problem(String body) {
        return assertThrows(IllegalStateException.class, () -> check(body)).getMessage();
    }

    private static void check(String body) {
        new TemplateCheck("app/Guess.xhtml", KNOWN, Set.of("guess")).check(new InputSource(new StringReader(HEAD + body)));
    }

    @Test
    void aWellFormedTemplateWithKnownNamesPasses() {
        assertDoesNotThrow(() -> check("""
                  <p>You guessed #{player.guess} of #{C.ENDOWMENT}; #{tripled} from vars_for_template.</p>
                  <p title="#{player.payoff}">#{player.guess gt 3 ? 'high' : "low (}"}</p>
                  <ui:repeat value="#{others}" var="player"><p>#{player.anything}</p></ui:repeat>
                  <p>#{participant.vars['x']} #{player.toString()} #{{1, 2}.size()}</p>
                  <arbor:field name="guess"/>
                  <arbor:nextButton/>
                </ui:composition>
                """));
    }

    @Test
    void anUnclosedTagNamesFileAndLine() {
        assertEquals("Template app/Guess.xhtml, line 4: The element type \"p\" must be terminated by the matching"
                + " end-tag \"</p>\". (<p> opened on line 2)", problem("""
                  <p>one
                  <arbor:nextButton/>
                </ui:composition>
                """));
    }

    @Test
    void anUnclosedExpression() {
        assertEquals("Template app/Guess.xhtml, line 3: the expression #{player.guess is not closed (it needs a"
                + " closing })", problem("""
                  <p>fine</p>
                  <p>#{player.guess</p>
                </ui:composition>
                """));
        assertEquals("Template app/Guess.xhtml, line 2: #{player.guess + (1} has an unclosed (",
                problem("<p>#{player.guess + (1}</p></ui:composition>"));
        assertEquals("Template app/Guess.xhtml, line 2: an empty expression #{}", problem("<p>#{ }</p></ui:composition>"));
    }

    @Test
    void aMisspelledNameStopsStartUpInsteadOfShowingNothing() {
        assertEquals("Template app/Guess.xhtml, line 4: #{player.gues}: player has no gues; it has guess, payoff",
                problem("""
                  <p>
                    fine #{player.guess}
                    wrong #{player.gues}
                  </p>
                </ui:composition>
                """));
        assertEquals("Template app/Guess.xhtml, line 2: #{C.ENDOWMNT}: C has no ENDOWMNT; it has ENDOWMENT",
                problem("<p class=\"#{C.ENDOWMNT}\">x</p></ui:composition>"));
    }

    @Test
    void aFieldTagMustNameAFieldOfTheForm() {
        assertEquals("Template app/Guess.xhtml, line 2: <arbor:field name=\"age\"/> names no field of the page's"
                + " form; its form fields: [guess]", problem("<arbor:field name=\"age\"/></ui:composition>"));
    }

    /** An app whose page template (in the test resources) has an unclosed tag. */
    static class Broken extends App<Broken.Player, Broken.Group, Broken.Subsession> {
        @Override
        public String name() {
            return "broken";
        }

        public static class Subsession extends BaseSubsession<Player, Group> {
        }

        public static class Group extends BaseGroup<Player, Subsession> {
        }

        public static class Player extends BasePlayer<Group, Subsession> {
            public Integer guess;
        }

        @Override
        public List<AbstractPage<Player>> pages() {
            return List.of(new TemplateCheckBroken());
        }

        static class TemplateCheckBroken extends Page<Player> {
            TemplateCheckBroken() {
                form("guess");
            }
        }
    }

    @Test
    void anAppWithABrokenTemplateDoesNotStart() {
        assertEquals("Template org/arborlab/control/engine/runtime/TemplateCheckBroken.xhtml, line 7: The element"
                + " type \"div\" must be terminated by the matching end-tag \"</div>\". (<div> opened on line 3)",
                assertThrows(IllegalStateException.class, () -> AppRegistry.of(List.of(new Broken()))).getMessage());
    }
}
