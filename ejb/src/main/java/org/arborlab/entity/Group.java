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

/**
 * A group of players in one subsession. The JPQL name is {@code PlayerGroup} because {@code GROUP} is a
 * reserved word in JPQL and SQL.
 */
@Entity(name = "PlayerGroup")
@Table(name = "arbor_group")
@NamedQuery(name = "Group.bySubsession",
        query = "select g from PlayerGroup g where g.subsession = :subsession order by g.idInSubsession")
@NamedQuery(name = "Group.inRounds", query = "select g from PlayerGroup g where g.session = :session"
        + " and g.subsession.appName = :app and g.idInSubsession = :id"
        + " and g.subsession.roundNumber between :first and :last order by g.subsession.roundNumber")
public class Group extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subsession_id", nullable = false)
    private Subsession subsession;

    @Column(name = "id_in_subsession", nullable = false)
    private int idInSubsession;

    /** The app's group fields. */
    @Lob
    @Column(name = "fields", nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject fields = JsonValues.EMPTY;

    /** Page indexes of the wait pages this group has passed (released once, by its last player). */
    @Column(name = "released_wait_pages", length = 2000, nullable = false)
    private String releasedWaitPages = "";

    protected Group() {
        // for JPA
    }

    public Group(Subsession subsession, int idInSubsession) {
        this.subsession = Objects.requireNonNull(subsession);
        this.session = subsession.getSession();
        this.idInSubsession = idInSubsession;
    }

    public Session getSession() {
        return session;
    }

    public Subsession getSubsession() {
        return subsession;
    }

    public int getIdInSubsession() {
        return idInSubsession;
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
}
