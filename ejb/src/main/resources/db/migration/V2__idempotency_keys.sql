-- Idempotency-Key on POST /api/sessions: a batch job that retries gets its first session back instead of a
-- second one. The key is stored hashed; rows older than 24 hours no longer count and are replaced.
CREATE TABLE arbor_idempotency_key (
    id BIGINT NOT NULL PRIMARY KEY,
    key_hash VARCHAR(64) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    session_id BIGINT NOT NULL,
    room_name VARCHAR(100),
    created_epoch_ms BIGINT NOT NULL,
    CONSTRAINT uq_idempotency_key UNIQUE (key_hash),
    CONSTRAINT fk_idempotency_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_idempotency_created ON arbor_idempotency_key (created_epoch_ms);
