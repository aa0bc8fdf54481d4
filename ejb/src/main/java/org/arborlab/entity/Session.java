package org.arborlab.entity;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** A session: one run of a session config, with its participants, effective config and session vars. */
@Entity
@Table(name = "arbor_session")
@NamedQuery(name = "Session.byCode", query = "select s from Session s where s.code = :code")
@NamedQuery(name = "Session.nonDemo", query = "select s from Session s where s.demo = false order by s.id")
public class Session extends Identified {

    @Embedded
    private SessionCode code;

    /** The session-wide start link's code: 4 consonant+vowel syllables, as in oTree. */
    @Column(name = "anonymous_code", length = 8, nullable = false, unique = true)
    private String anonymousCode;

    @Column(name = "config_name", length = 100, nullable = false)
    private String configName;

    /** The config as it was when the session was created, with modified fields applied. */
    @Lob
    @Column(name = "config", nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject config;

    @Column(name = "label", length = 300, nullable = false)
    private String label = "";

    @Lob
    @Column(name = "comment", nullable = false)
    private String comment = "";

    @Column(name = "created_epoch_ms", nullable = false)
    private long createdEpochMillis;

    @Column(name = "is_demo", nullable = false)
    private boolean demo;

    @Column(name = "archived", nullable = false)
    private boolean archived;

    @Column(name = "num_participants", nullable = false)
    private int numParticipants;

    @Lob
    @Column(name = "vars", nullable = false)
    @Convert(converter = JsonObjectConverter.class)
    private JsonObject vars = JsonValues.EMPTY;

    protected Session() {
        // for JPA
    }

    public Session(SessionCode code, String anonymousCode, String configName, JsonObject config,
            int numParticipants, boolean demo, long createdEpochMillis) {
        this.code = Objects.requireNonNull(code);
        this.anonymousCode = Objects.requireNonNull(anonymousCode);
        this.configName = Objects.requireNonNull(configName);
        this.config = Objects.requireNonNull(config);
        this.numParticipants = numParticipants;
        this.demo = demo;
        this.createdEpochMillis = createdEpochMillis;
    }

    public SessionCode getCode() {
        return code;
    }

    public String getAnonymousCode() {
        return anonymousCode;
    }

    public String getConfigName() {
        return configName;
    }

    public JsonObject getConfig() {
        return config;
    }

    /** The admin's "Edit properties" changes the participation fee and currency per point of this session. */
    public void replaceConfig(JsonObject config) {
        this.config = Objects.requireNonNull(config);
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label == null ? "" : label;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment == null ? "" : comment;
    }

    public long getCreatedEpochMillis() {
        return createdEpochMillis;
    }

    public boolean isDemo() {
        return demo;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    public int getNumParticipants() {
        return numParticipants;
    }

    public JsonObject getVars() {
        return vars;
    }

    /** Replaces the vars (the engine applies a hook's changes, removals included, to the latest vars). */
    public void replaceVars(JsonObject vars) {
        this.vars = Objects.requireNonNull(vars);
    }

    /** Shallow merge, as oTree's {@code session.vars.update(...)}. */
    public void mergeVars(JsonObject update) {
        this.vars = JsonValues.merge(vars, update);
    }
}
