-- The business keys of every stored fact, in one table of their own: a store's journal position, sale id,
-- return id, shift id, lane and Z number, lane and receipt number (shared by sales and returns). On
-- PostgreSQL the journal tables are partitioned by month, and a unique index there can only be unique within
-- a partition; here each key is unique across every month, archived ones too.
create table store_fact_key (
    store_code  varchar(16) not null,
    fact_key    varchar(80) not null,
    event_id    varchar(36) not null,
    primary key (store_code, fact_key)
);
insert into store_fact_key (store_code, fact_key, event_id)
select store_code, 'position:' || cast(position as varchar(20)), event_id from store_event;
insert into store_fact_key (store_code, fact_key, event_id)
select store_code, 'sale:' || sale_id, event_id from sale;
insert into store_fact_key (store_code, fact_key, event_id)
select store_code, 'return:' || return_id, event_id from refund;
insert into store_fact_key (store_code, fact_key, event_id)
select store_code, 'shift:' || shift_id, event_id from shift_report;
insert into store_fact_key (store_code, fact_key, event_id)
select store_code, 'z:' || lane || '/' || cast(z_no as varchar(20)), event_id from shift_report;
insert into store_fact_key (store_code, fact_key, event_id)
select store_code, 'receipt:' || lane || '/' || cast(receipt_no as varchar(20)), event_id from store_receipt;
drop table store_receipt;

-- The journal tables keep their lookups, no longer unique.
drop index sale_store_sale_id;
drop index refund_store_return_id;
drop index shift_report_store_shift_id;
drop index shift_report_store_lane_z;
drop index store_event_store_position;
create index store_event_store_position on store_event (store_code, position);
