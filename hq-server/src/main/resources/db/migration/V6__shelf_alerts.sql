-- Smart-shelf alerts the stores raise and clear (up.shelf-alert.v1): one row per alert, open while
-- cleared_at is null. Stores send summaries only, never raw shelf readings.
create table shelf_alert (
    alert_id    varchar(36) primary key,
    store_code  varchar(16) not null,
    kind        varchar(16) not null,
    shelf       varchar(32) not null,
    slot        integer not null,
    sku         varchar(64) not null,
    shelf_units integer not null,
    book_units  bigint,
    raised_at   timestamp with time zone,
    cleared_at  timestamp with time zone
);
create index shelf_alert_store_open on shelf_alert (store_code, cleared_at);
