package org.arborlab.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/** One request made with an API token: who (the token), what (method, path, status), when. */
@Entity
@Table(name = "arbor_api_token_use")
@NamedQuery(name = "ApiTokenUse.byToken",
        query = "select u from ApiTokenUse u where u.token = :token order by u.id desc")
public class ApiTokenUse extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "token_id", nullable = false)
    private ApiToken token;

    @Column(name = "used_epoch_ms", nullable = false)
    private long usedEpochMillis;

    @Column(name = "method", length = 10, nullable = false)
    private String method;

    @Column(name = "path", length = 300, nullable = false)
    private String path;

    @Column(name = "status", nullable = false)
    private int status;

    protected ApiTokenUse() {
        // for JPA
    }

    public ApiTokenUse(ApiToken token, long usedEpochMillis, String method, String path, int status) {
        this.token = Objects.requireNonNull(token);
        this.usedEpochMillis = usedEpochMillis;
        this.method = method;
        this.path = path.length() > 300 ? path.substring(0, 300) : path;
        this.status = status;
    }

    public long getUsedEpochMillis() {
        return usedEpochMillis;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }

    public int getStatus() {
        return status;
    }
}
