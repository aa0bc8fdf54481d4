package org.arborlab.spi;

/**
 * oTree's {@code mock_exogenous_data}: fake data that in a real session would come from outside (the REST API),
 * for demos and bots. Implement it once per project as a CDI bean ({@code @ApplicationScoped}). It runs after
 * {@code creatingSession} when a session config has {@code "mock_exogenous_data": true} and the session is a
 * demo or a bot session, never for a session created in a room.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class ProjectMocks implements MockExogenousData {
 *     public void mockExogenousData(Session session) {
 *         for (Participant p : session.participants()) {
 *             p.vars().put("age", 20);
 *         }
 *     }
 * }
 * }</pre>
 */
public interface MockExogenousData {

    void mockExogenousData(Session session);
}
