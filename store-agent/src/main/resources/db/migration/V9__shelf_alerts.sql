-- Smart-shelf alerts for the store manager. One row per alert: raised when a slot runs low or its
-- count and the stock ledger disagree for too long, cleared when that is over. Each change is also a
-- journal event (up.shelf-alert.v1), so HQ sees the same list.
create table shelf_alert (
    alert_id    varchar(36) primary key,
    kind        varchar(16) not null,
    shelf       varchar(32) not null,
    slot        integer not null,
    sku         varchar(64) not null,
    shelf_units integer not null,
    book_units  bigint,
    raised_at   timestamp with time zone not null,
    cleared_at  timestamp with time zone
);
create index shelf_alert_open on shelf_alert (shelf, slot, kind, cleared_at);
