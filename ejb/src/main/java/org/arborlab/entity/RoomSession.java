package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * Binds a room to its current session. The room name is the primary key, so a room has at most one session
 * even when several instances share the database.
 */
@Entity
@Table(name = "arbor_room_session")
@NamedQuery(name = "RoomSession.all", query = "select r from RoomSession r")
@NamedQuery(name = "RoomSession.bySession", query = "select r from RoomSession r where r.session = :session")
public class RoomSession {

    @Id
    @Column(name = "room_name", length = 100)
    private String roomName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    protected RoomSession() {
        // for JPA
    }

    public RoomSession(RoomName roomName, Session session) {
        this.roomName = roomName.value();
        this.session = Objects.requireNonNull(session);
    }

    public RoomName getRoomName() {
        return new RoomName(roomName);
    }

    public Session getSession() {
        return session;
    }

    public void rebind(Session session) {
        this.session = Objects.requireNonNull(session);
    }
}
