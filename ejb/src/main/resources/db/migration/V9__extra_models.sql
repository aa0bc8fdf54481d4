-- Extra models (oTree's ExtraModel): records an app keeps in any number per player, group or round, all apps'
-- models in this one table so that an app needs no migration of its own. A row names its app and model class and
-- its owner (kind and id: player, group or subsession; ids come from one generator, so an id names one row);
-- the app's fields are JSON, as in the players' table. Rows are read by owner and model, oldest first.
CREATE TABLE arbor_extra_model (
    id BIGINT NOT NULL PRIMARY KEY,
    session_id BIGINT NOT NULL,
    app_name VARCHAR(100) NOT NULL,
    model_name VARCHAR(100) NOT NULL,
    owner_kind VARCHAR(20) NOT NULL,
    owner_id BIGINT NOT NULL,
    fields LONGTEXT NOT NULL,
    CONSTRAINT fk_extra_model_session FOREIGN KEY (session_id) REFERENCES arbor_session (id) ON DELETE CASCADE
) ${table_options};
CREATE INDEX ix_extra_model_owner ON arbor_extra_model (owner_id, model_name, id);
