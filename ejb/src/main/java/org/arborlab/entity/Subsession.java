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
import java.util.Objects;

/** One round of one app in a session. */
@Entity
@Table(name = "arbor_subsession")
@NamedQuery(name = "Subsession.bySession",
        query = "select s from Subsession s where s.session = :session order by s.id")
@NamedQuery(name = "Subsession.inRounds", query = "select s from Subsession s where s.session = :session"
        + " and s.appName = :app and s.roundNumber between :first and :last order by s.roundNumber")
public class Subsession extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @Column(name = "app_name", length = 100, nullable = false)
    private String appName;

    @Column(name = "round_number", nullable = false)
    private int roundNumber;

    /** The app's subsession fields. */
    @Lob
    @Column(name = "fields", nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject fields = JsonValues.EMPTY;

    /** Page indexes of the all-groups wait pages this round has passed. */
    @Column(name = "released_wait_pages", length = 2000, nullable = false)
    private String releasedWaitPages = "";

    /** How many players have reached this round's group-by-arrival-time page. */
    @Column(name = "gbat_arrivals", nullable = false)
    private int arrivals;

    /** The highest group id that grouping by arrival time handed out in this round (0: none yet). */
    @Column(name = "gbat_last_group", nullable = false)
    private int lastArrivalGroup;

    protected Subsession() {
        // for JPA
    }

    public Subsession(Session session, String appName, int roundNumber) {
        this.session = Objects.requireNonNull(session);
        this.appName = Objects.requireNonNull(appName);
        this.roundNumber = roundNumber;
    }

    public Session getSession() {
        return session;
    }

    public String getAppName() {
        return appName;
    }

    public int getRoundNumber() {
        return roundNumber;
    }

    public boolean isWaitPageReleased(int pageIndex) {
        return WaitPageReleases.contains(releasedWaitPages, pageIndex);
    }

    public void releaseWaitPage(int pageIndex) {
        releasedWaitPages = WaitPageReleases.add(releasedWaitPages, pageIndex);
    }

    public JsonObject getFields() {
        return fields;
    }

    public void setFields(JsonObject fields) {
        this.fields = Objects.requireNonNull(fields);
    }

    /** Counts one more arrival on the group-by-arrival-time page and returns its number (1 first). */
    public int countArrival() {
        return ++arrivals;
    }

    public int getLastArrivalGroup() {
        return lastArrivalGroup;
    }

    public void setLastArrivalGroup(int lastArrivalGroup) {
        this.lastArrivalGroup = lastArrivalGroup;
    }
}
