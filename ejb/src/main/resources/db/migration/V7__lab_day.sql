-- The lab day: chat messages (a participant with the experimenter, and participants' chat channels, one table
-- and one export) and dropouts marked by the experimenter.
CREATE TABLE arbor_chat_message (
    id BIGINT NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    channel VARCHAR(255) NOT NULL,
    participant_id BIGINT,
    nickname VARCHAR(200) NOT NULL,
    body VARCHAR(4000) NOT NULL,
    at_epoch_ms BIGINT NOT NULL,
    CONSTRAINT fk_chat_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_chat_participant FOREIGN KEY (participant_id) REFERENCES arbor_participant (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_chat_session_channel ON arbor_chat_message (session_id, channel);

ALTER TABLE arbor_participant ADD COLUMN dropout_epoch_ms BIGINT;
