-- The audit log: who did what, when, for admin actions, logins and REST writes. Written in the same
-- transaction as the change it records; read newest first.
CREATE TABLE arbor_audit_entry (
    id BIGINT NOT NULL PRIMARY KEY,
    at_epoch_ms BIGINT NOT NULL,
    actor VARCHAR(200) NOT NULL,
    action VARCHAR(60) NOT NULL,
    target VARCHAR(200),
    detail VARCHAR(2000)
) ${table_options};
CREATE INDEX ix_audit_entry_at ON arbor_audit_entry (at_epoch_ms);
