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
import jakarta.persistence.Transient;
import java.util.Objects;

/**
 * One record of an app's extra model (oTree's {@code ExtraModel}): the app, the model's class name, the player,
 * group or subsession it is linked to, and the app's fields as JSON. One table for every app's models, so an app
 * needs no migration; rows are read by owner and model, oldest (lowest id) first.
 */
@Entity
@Table(name = "arbor_extra_model")
@NamedQuery(name = "ExtraModelRow.byOwner", query = "select r from ExtraModelRow r where r.ownerId = :owner"
        + " and r.modelName = :model and r.ownerKind = :kind order by r.id")
@NamedQuery(name = "ExtraModelRow.valuesByOwner", query = "select r.id, r.fields from ExtraModelRow r"
        + " where r.ownerId = :owner and r.modelName = :model and r.ownerKind = :kind order by r.id")
public class ExtraModelRow extends Identified {

    /** What an extra model links to. */
    public enum OwnerKind { PLAYER, GROUP, SUBSESSION }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id", nullable = false)
    private Session session;

    @Column(name = "app_name", length = 100, nullable = false)
    private String appName;

    @Column(name = "model_name", length = 100, nullable = false)
    private String modelName;

    @Column(name = "owner_kind", length = 20, nullable = false)
    private String ownerKind;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Lob
    @Column(name = "fields", nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject fields = JsonValues.EMPTY;

    /** The owner's row itself, for storage without ids (tests in memory); not stored. */
    @Transient
    private Object owner;

    protected ExtraModelRow() {
        // for JPA
    }

    /**
     * @param owner the owner's row: a {@link Player}, {@link Group} or {@link Subsession}
     */
    public ExtraModelRow(Session session, String appName, String modelName, Object owner, JsonObject fields) {
        this.session = Objects.requireNonNull(session);
        this.appName = Objects.requireNonNull(appName);
        this.modelName = Objects.requireNonNull(modelName);
        this.ownerKind = kindOf(owner).name();
        this.owner = owner;
        Long id = ((Identified) owner).getId();
        this.ownerId = id == null ? 0 : id;
        this.fields = Objects.requireNonNull(fields);
    }

    /** A row read as values only (not managed: nothing about it is saved). */
    public static ExtraModelRow detached(Object owner, String modelName, JsonObject fields) {
        ExtraModelRow row = new ExtraModelRow();
        row.modelName = modelName;
        row.ownerKind = kindOf(owner).name();
        row.owner = owner;
        row.fields = fields;
        return row;
    }

    public static OwnerKind kindOf(Object owner) {
        if (owner instanceof Player) {
            return OwnerKind.PLAYER;
        }
        if (owner instanceof Group) {
            return OwnerKind.GROUP;
        }
        if (owner instanceof Subsession) {
            return OwnerKind.SUBSESSION;
        }
        throw new IllegalArgumentException("An extra model links to a player, group or subsession, not " + owner);
    }

    /** Takes the owner's id now that it has one (an owner persisted in the same unit of work). */
    public void linkOwnerId() {
        Long id = ((Identified) owner).getId();
        if (id == null) {
            throw new IllegalStateException("The owner of this " + modelName + " record has no id");
        }
        this.ownerId = id;
    }

    public Session getSession() {
        return session;
    }

    public String getAppName() {
        return appName;
    }

    public String getModelName() {
        return modelName;
    }

    public OwnerKind getOwnerKind() {
        return OwnerKind.valueOf(ownerKind);
    }

    public long getOwnerId() {
        return ownerId;
    }

    /** The owner's row, when this row was made in this unit of work (else {@code null}). */
    public Object getOwner() {
        return owner;
    }

    public JsonObject getFields() {
        return fields;
    }

    public void setFields(JsonObject fields) {
        this.fields = Objects.requireNonNull(fields);
    }
}
