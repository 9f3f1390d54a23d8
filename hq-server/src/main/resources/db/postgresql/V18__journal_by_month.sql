-- PostgreSQL only (Flyway location db/postgresql): the journal, store_event and the sales, returns and Z
-- reports stored with its events, partitioned by month, so a year of a chain's sales is twelve tables of their
-- own that can be archived or dropped whole, each with its own indexes.
--
-- The partition key is the event id. Event ids are UUIDv7 (48 bits of Unix milliseconds first), so in the "C"
-- collation their text sorts by time and a month is a range of ids; the id stays the primary key, unique
-- across every month, which keeps ingest idempotent. Business keys that must be unique across months too are
-- in store_fact_key. HQ creates each month's partitions ahead (JournalPartitions); an event in no month's range
-- (a store clock years off) waits in the default partition and moves when its month is created.
--
-- A sale's, return's and Z report's row has no foreign key to its store_event row: both are written in one
-- transaction, and a key between partitioned tables would stop a month being detached from one before the other.

create table store_event_by_month (
    event_id     varchar(36) collate "C" not null,
    store_code   varchar(16) not null,
    kind         varchar(32) not null,
    position     bigint      not null,
    received_at  timestamp with time zone not null,
    payload      varchar,
    primary key (event_id)
) partition by range (event_id);
create table store_event_default partition of store_event_by_month default;
insert into store_event_by_month (event_id, store_code, kind, position, received_at, payload)
select event_id, store_code, kind, position, received_at, payload from store_event;

create table sale_by_month (
    event_id      varchar(36) collate "C" not null,
    sale_id       varchar(36) not null,
    store_code    varchar(16) not null,
    lane          varchar(16) not null,
    receipt_no    bigint      not null,
    cashier       varchar(32) not null,
    total_minor   bigint      not null,
    currency      varchar(3)  not null,
    completed_at  timestamp with time zone not null,
    payload       varchar     not null,
    primary key (event_id)
) partition by range (event_id);
create table sale_default partition of sale_by_month default;
insert into sale_by_month (event_id, sale_id, store_code, lane, receipt_no, cashier, total_minor, currency,
                           completed_at, payload)
select event_id, sale_id, store_code, lane, receipt_no, cashier, total_minor, currency, completed_at, payload
from sale;

create table refund_by_month (
    event_id          varchar(36) collate "C" not null,
    return_id         varchar(36) not null,
    kind              varchar(8)  not null,
    store_code        varchar(16) not null,
    lane              varchar(16) not null,
    receipt_no        bigint      not null,
    original_sale_id  varchar(36),
    total_minor       bigint      not null,
    currency          varchar(3),
    completed_at      timestamp with time zone not null,
    payload           varchar     not null,
    primary key (event_id)
) partition by range (event_id);
create table refund_default partition of refund_by_month default;
insert into refund_by_month (event_id, return_id, kind, store_code, lane, receipt_no, original_sale_id,
                             total_minor, currency, completed_at, payload)
select event_id, return_id, kind, store_code, lane, receipt_no, original_sale_id, total_minor, currency,
       completed_at, payload
from refund;

create table shift_report_by_month (
    event_id    varchar(36) collate "C" not null,
    shift_id    varchar(36) not null,
    store_code  varchar(16) not null,
    lane        varchar(16) not null,
    z_no        bigint      not null,
    closed_at   timestamp with time zone not null,
    payload     varchar     not null,
    primary key (event_id)
) partition by range (event_id);
create table shift_report_default partition of shift_report_by_month default;
insert into shift_report_by_month (event_id, shift_id, store_code, lane, z_no, closed_at, payload)
select event_id, shift_id, store_code, lane, z_no, closed_at, payload from shift_report;

drop table sale;
drop table refund;
drop table shift_report;
drop table store_event;

alter table store_event_by_month rename to store_event;
alter table store_event rename constraint store_event_by_month_pkey to store_event_pkey;
alter table sale_by_month rename to sale;
alter table sale rename constraint sale_by_month_pkey to sale_pkey;
alter table refund_by_month rename to refund;
alter table refund rename constraint refund_by_month_pkey to refund_pkey;
alter table shift_report_by_month rename to shift_report;
alter table shift_report rename constraint shift_report_by_month_pkey to shift_report_pkey;

-- The keys of a month can be found (and, to forget an archived month, deleted) by the same id range.
alter table store_fact_key alter column event_id type varchar(36) collate "C";

-- Declared on the partitioned table, each index is one per partition.
create index store_event_store_position on store_event (store_code, position);
create index sale_store_completed on sale (store_code, completed_at);
create index sale_store_lane_receipt on sale (store_code, lane, receipt_no);
create index refund_store_completed on refund (store_code, completed_at);
create index refund_store_lane_receipt on refund (store_code, lane, receipt_no);
create index shift_report_store_closed on shift_report (store_code, closed_at);
