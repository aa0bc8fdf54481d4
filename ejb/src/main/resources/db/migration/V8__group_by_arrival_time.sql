-- Grouping by arrival time (a wait page with groupByArrivalTime): per round, the order in which players reached
-- the page, whether they have been grouped, and when their waiting browser was last seen; the round counts its
-- arrivals and remembers the last group id it handed out, both read under the round's row lock.
ALTER TABLE arbor_player ADD COLUMN gbat_arrival INT;
ALTER TABLE arbor_player ADD COLUMN gbat_grouped BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE arbor_player ADD COLUMN gbat_seen_epoch_ms BIGINT;
ALTER TABLE arbor_subsession ADD COLUMN gbat_arrivals INT DEFAULT 0 NOT NULL;
ALTER TABLE arbor_subsession ADD COLUMN gbat_last_group INT DEFAULT 0 NOT NULL;
