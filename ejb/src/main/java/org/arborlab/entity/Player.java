package org.arborlab.entity;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Objects;

/** A participant in one round of one app. */
@Entity
@Table(name = "arbor_player")
@NamedQuery(name = "Player.bySubsession",
        query = "select p from Player p where p.subsession = :subsession order by p.idInSubsession")
@NamedQuery(name = "Player.byGroup",
        query = "select p from Player p where p.group = :group order by p.idInGroup")
@NamedQuery(name = "Player.byGroupWithParticipants", query = "select p from Player p join fetch p.participant"
        + " where p.group = :group order by p.idInGroup")
@NamedQuery(name = "Player.bySubsessionWithParticipants", query = "select p from Player p join fetch p.participant"
        + " where p.subsession = :subsession order by p.idInSubsession")
@NamedQuery(name = "Player.byParticipantAndRounds", query = "select p from Player p where p.participant = :participant"
        + " and p.subsession.appName = :app and p.subsession.roundNumber between :first and :last"
        + " order by p.subsession.roundNumber")
@NamedQuery(name = "Player.waitingByArrival", query = "select p from Player p where p.subsession = :subsession"
        + " and p.arrival is not null and p.arrivalGrouped = false order by p.arrival")
@NamedQuery(name = "Player.payoffSum",
        query = "select sum(p.payoff) from Player p where p.participant = :participant")
public class Player extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subsession_id", nullable = false)
    private Subsession subsession;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id", nullable = false)
    private Group group;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "participant_id", nullable = false)
    private Participant participant;

    @Column(name = "id_in_subsession", nullable = false)
    private int idInSubsession;

    @Column(name = "id_in_group", nullable = false)
    private int idInGroup;

    @Column(name = "role", length = 100, nullable = false)
    private String role = "";

    /** Payoff in points for this round. */
    @Column(name = "payoff", nullable = false, precision = 20, scale = 6)
    private BigDecimal payoff = BigDecimal.ZERO;

    /** The app's player fields. */
    @Lob
    @Column(name = "fields", nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject fields = JsonValues.EMPTY;

    /** The order in which this player reached the round's group-by-arrival-time page (1 first), or null. */
    @Column(name = "gbat_arrival")
    private Integer arrival;

    /** Whether this player was put in a group by arrival time in this round. */
    @Column(name = "gbat_grouped", nullable = false)
    private boolean arrivalGrouped;

    /** When the waiting player's browser last showed the group-by-arrival-time page. */
    @Column(name = "gbat_seen_epoch_ms")
    private Long arrivalSeenEpochMillis;

    protected Player() {
        // for JPA
    }

    public Player(Group group, Participant participant, int idInSubsession, int idInGroup) {
        this.group = Objects.requireNonNull(group);
        this.subsession = group.getSubsession();
        this.session = group.getSession();
        this.participant = Objects.requireNonNull(participant);
        this.idInSubsession = idInSubsession;
        this.idInGroup = idInGroup;
    }

    public Session getSession() {
        return session;
    }

    public Subsession getSubsession() {
        return subsession;
    }

    public Group getGroup() {
        return group;
    }

    /** Moves the player to another group of the same subsession (regrouping). */
    public void regroup(Group group, int idInGroup) {
        if (group.getSubsession() != subsession) {
            throw new IllegalArgumentException("A player can only move to a group of its own subsession");
        }
        this.group = group;
        this.idInGroup = idInGroup;
    }

    public Participant getParticipant() {
        return participant;
    }

    public int getIdInSubsession() {
        return idInSubsession;
    }

    public int getIdInGroup() {
        return idInGroup;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role == null ? "" : role;
    }

    public BigDecimal getPayoff() {
        return payoff;
    }

    public void setPayoff(BigDecimal payoff) {
        this.payoff = Objects.requireNonNull(payoff);
    }

    public JsonObject getFields() {
        return fields;
    }

    public void setFields(JsonObject fields) {
        this.fields = Objects.requireNonNull(fields);
    }

    public Integer getArrival() {
        return arrival;
    }

    public boolean isArrivalGrouped() {
        return arrivalGrouped;
    }

    public Long getArrivalSeenEpochMillis() {
        return arrivalSeenEpochMillis;
    }

    /** Reached the group-by-arrival-time page as the {@code order}-th of the round. */
    public void arriveForGrouping(int order, long epochMillis) {
        this.arrival = order;
        this.arrivalSeenEpochMillis = epochMillis;
    }

    /** The waiting browser showed the page again. */
    public void seenWaiting(long epochMillis) {
        this.arrivalSeenEpochMillis = epochMillis;
    }

    public void groupedByArrival() {
        this.arrivalGrouped = true;
    }
}
