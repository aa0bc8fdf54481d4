package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** One line of the audit log: who (actor), what (action, target, detail), when. Never changed once written. */
@Entity
@Table(name = "arbor_audit_entry")
@NamedQuery(name = "AuditEntry.newestFirst", query = "select e from AuditEntry e order by e.atEpochMillis desc, e.id desc")
@NamedQuery(name = "AuditEntry.count", query = "select count(e) from AuditEntry e")
public class AuditEntry extends Identified {
    public static final int ACTOR_LENGTH = 200;
    public static final int TARGET_LENGTH = 200;
    public static final int DETAIL_LENGTH = 2000;

    @Column(name = "at_epoch_ms", nullable = false)
    private long atEpochMillis;

    @Column(name = "actor", length = ACTOR_LENGTH, nullable = false)
    private String actor;

    @Column(name = "action", length = 60, nullable = false)
    private String action;

    @Column(name = "target", length = TARGET_LENGTH)
    private String target;

    @Column(name = "detail", length = DETAIL_LENGTH)
    private String detail;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(long atEpochMillis, String actor, String action, String target, String detail) {
        this.atEpochMillis = atEpochMillis;
        this.actor = clip(Objects.requireNonNull(actor), ACTOR_LENGTH);
        this.action = clip(Objects.requireNonNull(action), 60);
        this.target = clip(target, TARGET_LENGTH);
        this.detail = clip(detail, DETAIL_LENGTH);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public long getAtEpochMillis() {
        return atEpochMillis;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }
}
