-- The experiment engine: wait-page releases (one per group or round and wait page, decided under the row's lock),
-- page timeouts, and the secret behind secure room URLs.

ALTER TABLE arbor_group ADD COLUMN released_wait_pages VARCHAR(2000) DEFAULT '' NOT NULL;
ALTER TABLE arbor_subsession ADD COLUMN released_wait_pages VARCHAR(2000) DEFAULT '' NOT NULL;
ALTER TABLE arbor_participant ADD COLUMN timeout_epoch_ms BIGINT;
CREATE INDEX ix_participant_timeout ON arbor_participant (timeout_epoch_ms);

CREATE TABLE arbor_secret (
    name VARCHAR(50) NOT NULL PRIMARY KEY,
    secret VARCHAR(200) NOT NULL
) ${table_options};
