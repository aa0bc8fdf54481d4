package org.arborlab.apps.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.arborlab.apps.ProjectMocks;
import org.arborlab.testing.TestSession;
import org.junit.jupiter.api.Test;

/** The survey's bots, with the project's mock_exogenous_data as in a bot session of the survey config. */
class SurveyBotsTest {

    @Test
    void botsAnswerTheSurvey() {
        TestSession session = TestSession.of(new Survey()).participants(2).config("mock_exogenous_data", true)
                .mocks(new ProjectMocks()).start();
        session.playBots();
        assertEquals("mocked_2", session.participants().get(1).getLabel().value());
    }
}
