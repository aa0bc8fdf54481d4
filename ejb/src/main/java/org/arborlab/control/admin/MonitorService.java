package org.arborlab.control.admin;

import org.arborlab.control.access.Role;
import org.arborlab.control.access.RoleRequired;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.arborlab.control.NotFoundException;
import org.arborlab.control.audit.Audited;
import org.arborlab.control.engine.runtime.AppRegistry;
import org.arborlab.control.engine.runtime.PageFlow;
import org.arborlab.control.engine.runtime.PlayService;
import org.arborlab.control.session.SessionService;
import org.arborlab.entity.Participant;
import org.arborlab.entity.Player;
import org.arborlab.entity.Session;
import org.arborlab.entity.SessionCode;
import org.arborlab.spi.WaitPage;

/** The session monitor: where each participant is, whom a wait page waits for, and "advance slowest". */
@Stateless
public class MonitorService {
    /** oTree's ADVANCE_SLOWEST_BATCH_SIZE: at most this many participants are moved on per click. */
    public static final int ADVANCE_SLOWEST_BATCH = 20;

    @PersistenceContext(unitName = "arbor")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    AppRegistry apps;

    @Inject
    PlayService play;

    /** @throws NotFoundException for an unknown session */
    public Monitor monitor(String code) {
        Session session = require(code);
        PageFlow flow = apps.flow(session.getConfig());
        List<Participant> participants = sessions.participants(session);
        Map<Long, Long> lastMove = new HashMap<>();
        for (Object[] row : em.createQuery("select c.participant.id, max(c.epochMillisCompleted) from PageCompletion c"
                + " where c.session = :session group by c.participant.id", Object[].class)
                .setParameter("session", session).getResultList()) {
            lastMove.put((Long) row[0], (Long) row[1]);
        }
        Map<String, List<Player>> rounds = new HashMap<>();
        long now = System.currentTimeMillis();
        List<Monitor.Row> rows = new ArrayList<>();
        int started = 0;
        for (Participant p : participants) {
            int index = p.getIndexInPages();
            boolean finished = flow.isFinished(index);
            String app = "";
            String page = "";
            Integer round = null;
            String waitingFor = "";
            if (index > 0) {
                started++;
                PageFlow.Step step = flow.step(Math.min(index, flow.size()));
                app = step.appName();
                round = step.round();
                page = finished ? "(finished)" : step.pageName();
                if (!finished && step.isWaitPage()) {
                    waitingFor = waitingFor(session, step, p, rounds);
                }
            }
            Long since = lastMove.get(p.getId());
            Long secondsOnPage = index == 0 || finished || since == null ? null : Math.max(0, (now - since) / 1000);
            rows.add(new Monitor.Row(p.getIdInSession(), p.getCode().value(),
                    p.getLabel() == null ? "" : p.getLabel().value(), Math.min(index, p.getMaxPageIndex()),
                    p.getMaxPageIndex(), app, round, page, waitingFor, secondsOnPage, finished,
                    p.getDropoutEpochMillis() != null));
        }
        return new Monitor(rows, started, participants.size());
    }

    /**
     * "Advance slowest participants": of the participants who have started and not finished, those furthest
     * behind (lowest page index) have their page time out now, at most {@link #ADVANCE_SLOWEST_BATCH} of them.
     * Participants who never opened their link are not "slow" (oTree starts them, which only moves them onto
     * their first page while the people in the lab stay where they are): they are left alone. All in one
     * transaction.
     *
     * @param startUnstarted oTree's rule instead, for its script endpoint {@code /AdvanceSession}: participants
     *     who have not started count as furthest behind and are started
     * @return the session and the participants moved on ("P3", ...), empty when nobody could be moved
     */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.advance_slowest")
    public Advanced advanceSlowest(String code, boolean startUnstarted) {
        Session session = require(code);
        PageFlow flow = apps.flow(session.getConfig());
        List<Participant> behind = sessions.participants(session).stream()
                .filter(p -> (startUnstarted || p.getIndexInPages() > 0) && !flow.isFinished(p.getIndexInPages()))
                .toList();
        if (behind.isEmpty()) {
            return new Advanced(code, List.of());
        }
        int slowest = behind.stream().mapToInt(Participant::getIndexInPages).min().orElseThrow();
        return new Advanced(code, advance(behind.stream().filter(p -> p.getIndexInPages() == slowest)
                .limit(ADVANCE_SLOWEST_BATCH).toList()));
    }

    /**
     * The monitor's "Advance one page" for the participants the experimenter ticked: each one's current page
     * times out now (one who has not started is started). A participant who moved on since the monitor showed
     * them is still moved from where they are now.
     *
     * @param participantCodes codes of this session's participants; others are ignored
     */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.advance_participants")
    public Advanced advanceParticipants(String code, List<String> participantCodes) {
        Session session = require(code);
        PageFlow flow = apps.flow(session.getConfig());
        List<Participant> chosen = sessions.participants(session).stream()
                .filter(p -> participantCodes.contains(p.getCode().value()) && !flow.isFinished(p.getIndexInPages()))
                .toList();
        return new Advanced(code, advance(chosen));
    }

    /**
     * The monitor's "Mark as dropout" (or its undoing) for the participants the experimenter ticked: the mark and
     * its time are kept with the participant, shown on the monitor and in the audit log; nothing else changes
     * (their partners move on when the experimenter advances the dropout).
     *
     * @return the participants whose mark changed
     */
    @RoleRequired(Role.EXPERIMENTER)
    @Audited("session.mark_dropout")
    public Advanced markDropout(String code, List<String> participantCodes, boolean dropout) {
        Session session = require(code);
        List<String> changed = new ArrayList<>();
        for (Participant p : sessions.participants(session)) {
            if (participantCodes.contains(p.getCode().value()) && (p.getDropoutEpochMillis() != null) != dropout) {
                p.setDropoutEpochMillis(dropout ? System.currentTimeMillis() : null);
                changed.add("P" + p.getIdInSession());
            }
        }
        return new Advanced(code, changed);
    }

    private List<String> advance(List<Participant> participants) {
        List<String> moved = new ArrayList<>();
        for (Participant p : participants) {
            if (play.forceTimeout(p.getCode().value(), p.getIndexInPages())) {
                moved.add("P" + p.getIdInSession());
            }
        }
        return moved;
    }

    /** Who an advance moved on, as the monitor names them ("P3"). */
    public record Advanced(String code, List<String> participants) {

        public int count() {
            return participants.size();
        }
    }

    /** "P2, P3": the players of this participant's group (or round, for a wait-for-all page) not there yet. */
    private String waitingFor(Session session, PageFlow.Step step, Participant self, Map<String, List<Player>> cache) {
        List<Player> players = cache.computeIfAbsent(step.appName() + "/" + step.round(), key -> em.createQuery(
                "select p from Player p join fetch p.participant where p.session = :session"
                        + " and p.subsession.appName = :app and p.subsession.roundNumber = :round"
                        + " order by p.idInSubsession", Player.class)
                .setParameter("session", session).setParameter("app", step.appName())
                .setParameter("round", step.round()).getResultList());
        boolean allGroups = ((WaitPage<?, ?, ?>) step.page()).waitForAllGroups();
        Player mine = players.stream().filter(pl -> pl.getParticipant().getId().equals(self.getId())).findFirst()
                .orElse(null);
        if (mine == null) {
            return "";
        }
        return players.stream()
                .filter(pl -> allGroups || pl.getGroup().getId().equals(mine.getGroup().getId()))
                .filter(pl -> pl.getParticipant().getIndexInPages() < step.index())
                .map(pl -> "P" + pl.getParticipant().getIdInSession()).collect(Collectors.joining(", "));
    }

    private Session require(String code) {
        if (!SessionCode.isValid(code)) {
            throw SessionService.notFound(code);
        }
        return sessions.require(new SessionCode(code));
    }

    /** The monitor's table and its "N/M participants started". */
    public record Monitor(List<Row> rows, int started, int total) {

        /**
         * One participant.
         *
         * @param round null before the participant started
         * @param secondsOnPage null when not on a page (not started, finished)
         */
        public record Row(int idInSession, String code, String label, int index, int maxIndex, String app,
                Integer round, String page, String waitingFor, Long secondsOnPage, boolean finished, boolean dropout) {

            public String progress() {
                return index + "/" + maxIndex;
            }

            /** "1:05", or "" when not on a page. */
            public String timeOnPage() {
                if (secondsOnPage == null) {
                    return "";
                }
                long s = secondsOnPage;
                return s >= 3600 ? s / 3600 + ":" + String.format("%02d:%02d", s / 60 % 60, s % 60)
                        : s / 60 + ":" + String.format("%02d", s % 60);
            }
        }
    }
}
