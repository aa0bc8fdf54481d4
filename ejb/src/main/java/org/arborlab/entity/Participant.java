package org.arborlab.entity;

import jakarta.json.JsonObject;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;

/** A person (or bot) taking part in a session; P1, P2, ... by {@code idInSession}. */
@Entity
@Table(name = "arbor_participant")
@NamedQuery(name = "Participant.bySession",
        query = "select p from Participant p where p.session = :session order by p.idInSession")
@NamedQuery(name = "Participant.byCode", query = "select p from Participant p where p.code = :code")
@NamedQuery(name = "Participant.bySessionAndLabels", query = "select p from Participant p"
        + " where p.session = :session and p.label.value in :labels order by p.idInSession")
@NamedQuery(name = "Participant.timedOut", query = "select p.code from Participant p"
        + " where p.timeoutEpochMillis is not null and p.timeoutEpochMillis < :now")
public class Participant extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @Embedded
    private ParticipantCode code;

    @Column(name = "id_in_session", nullable = false)
    private int idInSession;

    @Embedded
    @AttributeOverride(name = "value", column = @Column(name = "label", length = ParticipantLabel.MAX_LENGTH))
    private ParticipantLabel label;

    @Column(name = "visited", nullable = false)
    private boolean visited;

    /** When the participant first opened a start link (epoch ms), null until then. */
    @Column(name = "arrived_epoch_ms")
    private Long arrivedEpochMillis;

    /** oTree's {@code _index_in_pages}: 0 before arrival, 1 on the first page. */
    @Column(name = "index_in_pages", nullable = false)
    private int indexInPages;

    @Column(name = "max_page_index", nullable = false)
    private int maxPageIndex;

    @Column(name = "current_app_name", length = 100)
    private String currentAppName;

    @Column(name = "current_page_name", length = 100)
    private String currentPageName;

    @Column(name = "is_bot", nullable = false)
    private boolean bot;

    /** Sum of the player payoffs over all apps, in points. */
    @Column(name = "payoff", nullable = false, precision = 20, scale = 6)
    private BigDecimal payoff = BigDecimal.ZERO;

    @Lob
    @Column(name = "vars", nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject vars = JsonValues.EMPTY;

    /** When the current page times out (epoch ms), if it has a timeout; cleared when the page changes. */
    @Column(name = "timeout_epoch_ms")
    private Long timeoutEpochMillis;

    /** When the experimenter marked the participant as a dropout (the monitor's "Mark as dropout"), else null. */
    @Column(name = "dropout_epoch_ms")
    private Long dropoutEpochMillis;

    protected Participant() {
        // for JPA
    }

    public Participant(Session session, ParticipantCode code, int idInSession, int maxPageIndex) {
        this.session = Objects.requireNonNull(session);
        this.code = Objects.requireNonNull(code);
        this.idInSession = idInSession;
        this.maxPageIndex = maxPageIndex;
    }

    public Session getSession() {
        return session;
    }

    public ParticipantCode getCode() {
        return code;
    }

    public int getIdInSession() {
        return idInSession;
    }

    public ParticipantLabel getLabel() {
        return label;
    }

    public void setLabel(ParticipantLabel label) {
        this.label = label;
    }

    public boolean isVisited() {
        return visited;
    }

    public Long getArrivedEpochMillis() {
        return arrivedEpochMillis;
    }

    /** Marks the first arrival; later calls keep the first time. */
    public void arrive(long epochMillis) {
        if (!visited) {
            visited = true;
            arrivedEpochMillis = epochMillis;
            indexInPages = Math.max(indexInPages, 1);
        }
    }

    public int getIndexInPages() {
        return indexInPages;
    }

    public void setIndexInPages(int indexInPages) {
        this.indexInPages = indexInPages;
    }

    public int getMaxPageIndex() {
        return maxPageIndex;
    }

    public String getCurrentAppName() {
        return currentAppName;
    }

    public String getCurrentPageName() {
        return currentPageName;
    }

    public void setCurrentPage(String appName, String pageName) {
        this.currentAppName = appName;
        this.currentPageName = pageName;
    }

    public boolean isBot() {
        return bot;
    }

    public void setBot(boolean bot) {
        this.bot = bot;
    }

    public Long getDropoutEpochMillis() {
        return dropoutEpochMillis;
    }

    public void setDropoutEpochMillis(Long dropoutEpochMillis) {
        this.dropoutEpochMillis = dropoutEpochMillis;
    }

    public Long getTimeoutEpochMillis() {
        return timeoutEpochMillis;
    }

    public void setTimeoutEpochMillis(Long timeoutEpochMillis) {
        this.timeoutEpochMillis = timeoutEpochMillis;
    }

    public BigDecimal getPayoff() {
        return payoff;
    }

    public void setPayoff(BigDecimal payoff) {
        this.payoff = Objects.requireNonNull(payoff);
    }

    public JsonObject getVars() {
        return vars;
    }

    /** Replaces the vars (the engine applies a hook's changes, removals included, to the latest vars). */
    public void replaceVars(JsonObject vars) {
        this.vars = Objects.requireNonNull(vars);
    }

    /** Shallow merge, as oTree's {@code participant.vars.update(...)}. */
    public void mergeVars(JsonObject update) {
        this.vars = JsonValues.merge(vars, update);
    }
}
