package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A session created under an {@code Idempotency-Key}: the same key within 24 hours gets this session back. */
@Entity
@Table(name = "arbor_idempotency_key")
@NamedQuery(name = "IdempotencyKey.byHash", query = "select k from IdempotencyKey k where k.keyHash = :hash")
@NamedQuery(name = "IdempotencyKey.expire", query = "delete from IdempotencyKey k where k.createdEpochMillis < :before")
public class IdempotencyKey extends Identified {
    public static final long LIFETIME_MS = 24L * 60 * 60 * 1000;

    @Column(name = "key_hash", length = 64, nullable = false, unique = true)
    private String keyHash;

    /** Hash of the request, so the same key with a different request is refused rather than answered. */
    @Column(name = "request_hash", length = 64, nullable = false)
    private String requestHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @Column(name = "room_name", length = 100)
    private String roomName;

    @Column(name = "created_epoch_ms", nullable = false)
    private long createdEpochMillis;

    protected IdempotencyKey() {
        // for JPA
    }

    public IdempotencyKey(String keyHash, String requestHash, Session session, String roomName, long now) {
        this.keyHash = Objects.requireNonNull(keyHash);
        this.requestHash = Objects.requireNonNull(requestHash);
        this.session = Objects.requireNonNull(session);
        this.roomName = roomName;
        this.createdEpochMillis = now;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public Session getSession() {
        return session;
    }

    public String getRoomName() {
        return roomName;
    }

    public boolean isExpired(long now) {
        return now - createdEpochMillis > LIFETIME_MS;
    }
}
