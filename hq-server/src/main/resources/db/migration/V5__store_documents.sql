-- Every uplink event keeps its payload for audit; returns, voids and Z reports get their own tables
-- for reconciliation (docs/sync-protocol.md, "Uplink: the journal").
alter table store_event add column payload varchar;

create table refund (
    event_id          varchar(36) primary key references store_event (event_id),
    return_id         varchar(36) not null,
    kind              varchar(8)  not null,
    store_code        varchar(16) not null,
    lane              varchar(16) not null,
    receipt_no        bigint      not null,
    original_sale_id  varchar(36),
    total_minor       bigint      not null,
    currency          varchar(3),
    completed_at      timestamp with time zone not null,
    payload           varchar     not null
);
create index refund_store_completed on refund (store_code, completed_at);
create index refund_store_lane_receipt on refund (store_code, lane, receipt_no);

create table shift_report (
    event_id    varchar(36) primary key references store_event (event_id),
    shift_id    varchar(36) not null,
    store_code  varchar(16) not null,
    lane        varchar(16) not null,
    z_no        bigint      not null,
    closed_at   timestamp with time zone not null,
    payload     varchar     not null
);
create index shift_report_store_closed on shift_report (store_code, closed_at);
create index sale_store_lane_receipt on sale (store_code, lane, receipt_no);
