package org.arborlab.control.engine.runtime;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arborlab.control.engine.storage.Storage;
import org.arborlab.control.session.Grouping;
import org.arborlab.entity.Group;
import org.arborlab.entity.Participant;
import org.arborlab.entity.ParticipantCode;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.Subsession;
import org.arborlab.spi.MockExogenousData;

/**
 * What a new session gets, in plain Java: its participants, and for each app and round a subsession with its
 * groups (oTree's default grouping) and players, whose fields start with their initial values; then the apps'
 * {@code creatingSession}. Optionally oTree's {@code mock_exogenous_data} for demo and bot sessions.
 */
public final class SessionSetup {
    private final ModelScopes scopes;
    private final Storage storage;

    public SessionSetup(ModelScopes scopes, Storage storage) {
        this.scopes = scopes;
        this.storage = storage;
    }

    /**
     * Adds the participants and rounds of a session that was just added, then runs each app's
     * {@code creatingSession} for each of its rounds, in app and round order.
     *
     * @return the participants, P1 first
     */
    @SuppressWarnings("unchecked")
    public List<Participant> build(Session session, int numParticipants) {
        PageFlow flow = scopes.apps().flow(session.getConfig());
        List<Participant> participants = participants(session, numParticipants, flow.size());
        for (AppModel app : flow.apps()) {
            for (int round = 1; round <= app.numRounds(); round++) {
                round(session, app, round, participants);
            }
        }
        storage.flush();
        ModelScope scope = scopes.creating(storage, session);
        for (AppModel app : flow.apps()) {
            for (Subsession round : storage.subsessions(session, app.name(), 1, app.numRounds())) {
                app.app().creatingSession(scope.subsession(round));
            }
        }
        scope.writeBack();
        return participants;
    }

    /**
     * oTree's {@code mock_exogenous_data}: only if the config asks for it. Callers decide when (demo and bot
     * sessions, never a session in a room).
     *
     * @param mocks the project's implementation, or null if it has none
     * @return whether it ran
     */
    public boolean mockExogenousData(Session session, MockExogenousData mocks) {
        if (!isTrue(session.getConfig().get("mock_exogenous_data"))) {
            return false;
        }
        if (mocks == null) {
            throw new IllegalStateException("Session config " + session.getConfigName() + " has mock_exogenous_data"
                    + " set, but no bean implements MockExogenousData");
        }
        ModelScope scope = scopes.open(storage, session);
        mocks.mockExogenousData(scope.session());
        scope.writeBack();
        return true;
    }

    private List<Participant> participants(Session session, int count, int maxPageIndex) {
        Set<ParticipantCode> codes = new HashSet<>();
        List<Participant> participants = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            ParticipantCode code;
            do {
                code = ParticipantCode.random();
                // 36^8 codes: a clash with another session is left to the unique constraint
            } while (!codes.add(code));
            Participant participant = new Participant(session, code, id, maxPageIndex);
            storage.add(participant);
            participants.add(participant);
        }
        return participants;
    }

    private void round(Session session, AppModel app, int round, List<Participant> participants) {
        Subsession subsession = new Subsession(session, app.name(), round);
        subsession.setFields(app.subsessionInitial());
        storage.add(subsession);
        // grouping by arrival time forms the groups on the way: until then everyone is in one group, as in oTree
        List<List<Integer>> groups = Grouping.sequential(participants.size(),
                app.groupsByArrivalTime() ? 0 : app.app().playersPerGroup());
        for (int g = 0; g < groups.size(); g++) {
            Group group = new Group(subsession, g + 1);
            group.setFields(app.groupInitial());
            storage.add(group);
            List<Integer> members = groups.get(g);
            for (int i = 0; i < members.size(); i++) {
                int idInSubsession = members.get(i);
                Player player = new Player(group, participants.get(idInSubsession - 1), idInSubsession, i + 1);
                player.setRole(app.role(i + 1));
                player.setFields(app.playerInitial());
                storage.add(player);
            }
        }
    }

    private static boolean isTrue(JsonValue value) {
        return value == JsonValue.TRUE || value instanceof JsonNumber n && n.doubleValue() != 0;
    }
}
