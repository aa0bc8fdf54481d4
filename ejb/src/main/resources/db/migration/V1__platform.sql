-- Arbor's platform schema. One script for H2 and MySQL/MariaDB: ${table_options} is empty on H2 and sets
-- InnoDB with a case-sensitive utf8mb4 collation on MySQL. App-defined fields live in the JSON "fields"
-- columns, so experiment apps never need a migration.

CREATE TABLE arbor_id_block (
    name VARCHAR(50) NOT NULL PRIMARY KEY,
    next_block BIGINT NOT NULL
) ${table_options};
INSERT INTO arbor_id_block (name, next_block) VALUES ('arbor', 0);

CREATE TABLE arbor_session (
    id BIGINT NOT NULL PRIMARY KEY,
    code VARCHAR(8) NOT NULL,
    anonymous_code VARCHAR(8) NOT NULL,
    config_name VARCHAR(100) NOT NULL,
    config LONGTEXT NOT NULL,
    label VARCHAR(300) NOT NULL,
    comment LONGTEXT NOT NULL,
    created_epoch_ms BIGINT NOT NULL,
    is_demo BOOLEAN NOT NULL,
    archived BOOLEAN NOT NULL,
    num_participants INT NOT NULL,
    vars LONGTEXT NOT NULL,
    CONSTRAINT uq_session_code UNIQUE (code),
    CONSTRAINT uq_session_anonymous_code UNIQUE (anonymous_code)
) ${table_options};

CREATE TABLE arbor_participant (
    id BIGINT NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    code VARCHAR(8) NOT NULL,
    id_in_session INT NOT NULL,
    label VARCHAR(100),
    visited BOOLEAN NOT NULL,
    arrived_epoch_ms BIGINT,
    index_in_pages INT NOT NULL,
    max_page_index INT NOT NULL,
    current_app_name VARCHAR(100),
    current_page_name VARCHAR(100),
    is_bot BOOLEAN NOT NULL,
    payoff DECIMAL(20, 6) NOT NULL,
    vars LONGTEXT NOT NULL,
    CONSTRAINT uq_participant_code UNIQUE (code),
    CONSTRAINT uq_participant_id_in_session UNIQUE (session_id, id_in_session),
    -- one participant per label in a session, even when the same label arrives twice at once
    CONSTRAINT uq_participant_label UNIQUE (session_id, label),
    CONSTRAINT fk_participant_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE arbor_subsession (
    id BIGINT NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    app_name VARCHAR(100) NOT NULL,
    round_number INT NOT NULL,
    fields LONGTEXT NOT NULL,
    CONSTRAINT uq_subsession UNIQUE (session_id, app_name, round_number),
    CONSTRAINT fk_subsession_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE arbor_group (
    id BIGINT NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    subsession_id BIGINT NOT NULL,
    id_in_subsession INT NOT NULL,
    fields LONGTEXT NOT NULL,
    CONSTRAINT uq_group UNIQUE (subsession_id, id_in_subsession),
    CONSTRAINT fk_group_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_group_subsession FOREIGN KEY (subsession_id) REFERENCES arbor_subsession (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE arbor_player (
    id BIGINT NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    subsession_id BIGINT NOT NULL,
    group_id BIGINT NOT NULL,
    participant_id BIGINT NOT NULL,
    id_in_subsession INT NOT NULL,
    id_in_group INT NOT NULL,
    role VARCHAR(100) NOT NULL,
    payoff DECIMAL(20, 6) NOT NULL,
    fields LONGTEXT NOT NULL,
    CONSTRAINT uq_player UNIQUE (subsession_id, participant_id),
    CONSTRAINT fk_player_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_player_subsession FOREIGN KEY (subsession_id) REFERENCES arbor_subsession (id) ON DELETE CASCADE,
    CONSTRAINT fk_player_group FOREIGN KEY (group_id) REFERENCES arbor_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_player_participant FOREIGN KEY (participant_id) REFERENCES arbor_participant (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE arbor_room_session (
    room_name VARCHAR(100) NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    CONSTRAINT fk_room_session_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE
) ${table_options};

CREATE TABLE arbor_pending_participant_vars (
    id BIGINT NOT NULL PRIMARY KEY,
    room_name VARCHAR(100) NOT NULL,
    participant_label VARCHAR(100) NOT NULL,
    vars LONGTEXT NOT NULL,
    CONSTRAINT uq_pending_vars UNIQUE (room_name, participant_label)
) ${table_options};

CREATE TABLE arbor_page_completion (
    id BIGINT NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    participant_id BIGINT NOT NULL,
    app_name VARCHAR(100) NOT NULL,
    page_name VARCHAR(100) NOT NULL,
    page_index INT NOT NULL,
    round_number INT NOT NULL,
    epoch_time_completed_ms BIGINT NOT NULL,
    timeout_happened BOOLEAN NOT NULL,
    is_wait_page BOOLEAN NOT NULL,
    CONSTRAINT fk_page_completion_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_page_completion_participant FOREIGN KEY (participant_id) REFERENCES arbor_participant (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_page_completion_session ON arbor_page_completion (session_id, id);
