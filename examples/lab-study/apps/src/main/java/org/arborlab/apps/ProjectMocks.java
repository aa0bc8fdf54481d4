package org.arborlab.apps;

import jakarta.enterprise.context.ApplicationScoped;
import org.arborlab.spi.MockExogenousData;
import org.arborlab.spi.Participant;
import org.arborlab.spi.Session;

/**
 * The project's {@code mock_exogenous_data}: in demo and bot sessions of configs with
 * {@code "mock_exogenous_data": true}, participants get the label and vars that a real study would receive over
 * the REST API (e.g. from Qualtrics).
 */
@ApplicationScoped
public class ProjectMocks implements MockExogenousData {

    @Override
    public void mockExogenousData(Session session) {
        for (Participant participant : session.participants()) {
            participant.setLabel("mocked_" + participant.idInSession());
            participant.vars().put("age", 99);
        }
    }
}
