-- API tokens that an admin creates for campus systems: named, scoped, optionally limited to one room, with
-- an expiry; stored as a SHA-256 hash (the token itself is shown once). Every use is logged.
CREATE TABLE arbor_api_token (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    token_prefix VARCHAR(16) NOT NULL,
    scopes VARCHAR(500) NOT NULL,
    room_name VARCHAR(100),
    created_by VARCHAR(100) NOT NULL,
    created_epoch_ms BIGINT NOT NULL,
    expires_epoch_ms BIGINT,
    revoked_epoch_ms BIGINT,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
) ${table_options};

CREATE TABLE arbor_api_token_use (
    id BIGINT NOT NULL PRIMARY KEY,
    token_id BIGINT NOT NULL,
    used_epoch_ms BIGINT NOT NULL,
    method VARCHAR(10) NOT NULL,
    path VARCHAR(300) NOT NULL,
    status INT NOT NULL,
    CONSTRAINT fk_api_token_use_token FOREIGN KEY (token_id) REFERENCES arbor_api_token (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_api_token_use ON arbor_api_token_use (token_id, used_epoch_ms);
