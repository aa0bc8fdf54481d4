package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.Set;

/** An API token's record; the token itself is never stored, only its SHA-256 hash and a short prefix. */
@Entity
@Table(name = "arbor_api_token")
@NamedQuery(name = "ApiToken.byHash", query = "select t from ApiToken t where t.tokenHash = :hash")
@NamedQuery(name = "ApiToken.all", query = "select t from ApiToken t order by t.id desc")
public class ApiToken extends Identified {

    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @Column(name = "token_hash", length = 64, nullable = false, unique = true)
    private String tokenHash;

    /** The first characters, so admins can tell tokens apart without seeing them. */
    @Column(name = "token_prefix", length = 16, nullable = false)
    private String tokenPrefix;

    @Column(name = "scopes", length = 500, nullable = false)
    private String scopes;

    /** When set, the token may only touch this room (its vars, its session). */
    @Column(name = "room_name", length = 100)
    private String roomName;

    @Column(name = "created_by", length = 100, nullable = false)
    private String createdBy;

    @Column(name = "created_epoch_ms", nullable = false)
    private long createdEpochMillis;

    @Column(name = "expires_epoch_ms")
    private Long expiresEpochMillis;

    @Column(name = "revoked_epoch_ms")
    private Long revokedEpochMillis;

    protected ApiToken() {
        // for JPA
    }

    public ApiToken(String name, String tokenHash, String tokenPrefix, Set<ApiScope> scopes, String roomName,
            String createdBy, long now, Long expiresEpochMillis) {
        this.name = Objects.requireNonNull(name);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.tokenPrefix = Objects.requireNonNull(tokenPrefix);
        this.scopes = ApiScope.format(scopes);
        this.roomName = roomName;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdEpochMillis = now;
        this.expiresEpochMillis = expiresEpochMillis;
    }

    public String getName() {
        return name;
    }

    public String getTokenPrefix() {
        return tokenPrefix;
    }

    public Set<ApiScope> getScopes() {
        return ApiScope.parse(scopes);
    }

    public String getRoomName() {
        return roomName;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getCreatedEpochMillis() {
        return createdEpochMillis;
    }

    public Long getExpiresEpochMillis() {
        return expiresEpochMillis;
    }

    public Long getRevokedEpochMillis() {
        return revokedEpochMillis;
    }

    public boolean isUsable(long now) {
        return revokedEpochMillis == null && (expiresEpochMillis == null || now < expiresEpochMillis);
    }

    public void revoke(long now) {
        if (revokedEpochMillis == null) {
            revokedEpochMillis = now;
        }
    }
}
