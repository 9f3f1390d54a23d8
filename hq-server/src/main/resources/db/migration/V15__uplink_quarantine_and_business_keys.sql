-- Uplinked events HQ cannot store: well formed, known by their id, store and journal position, but
-- breaking a limit or conflicting with an event already stored (the same sale, receipt, shift or journal
-- position under another event id). Each is held here with its payload as the store sent it and the
-- reason, acknowledged to the store once it is here, and replayed or dismissed by an operator.
create table uplink_quarantine (
    event_id        varchar(36)  primary key,
    store_code      varchar(16)  not null,
    position        bigint       not null,
    kind            varchar(64)  not null,
    occurred_at     timestamp with time zone not null,
    payload         varchar      not null,
    reason          varchar(1000) not null,
    first_seen_at   timestamp with time zone not null,
    last_seen_at    timestamp with time zone not null,
    times_seen      integer      not null,
    state           varchar(16)  not null,
    resolved_by     varchar(64),
    resolved_at     timestamp with time zone,
    resolution_note varchar(500)
);
create index uplink_quarantine_state on uplink_quarantine (state, store_code, position);
create index uplink_quarantine_store on uplink_quarantine (store_code, position);

-- Receipt numbers are unique per store and lane across sales and returns (a return takes the lane's next
-- receipt number), so the business key "store + lane + receipt" has a table of its own.
create table store_receipt (
    store_code  varchar(16) not null,
    lane        varchar(16) not null,
    receipt_no  bigint      not null,
    event_id    varchar(36) not null,
    primary key (store_code, lane, receipt_no)
);

-- Before the unique keys: events that already broke one (the same sale, receipt, shift or position stored
-- twice under two event ids) keep their first arrival and move the later ones to the quarantine.
create table business_key_duplicate (
    event_id  varchar(36) primary key,
    reason    varchar(1000) not null
);
insert into business_key_duplicate (event_id, reason)
select s.event_id, 'sale ' || s.sale_id || ' is already stored under another event (found when HQ added its unique keys)'
from sale s join store_event e on e.event_id = s.event_id
where exists (select 1 from sale f join store_event fe on fe.event_id = f.event_id
              where f.store_code = s.store_code and f.sale_id = s.sale_id
                and (fe.received_at < e.received_at or fe.received_at = e.received_at and f.event_id < s.event_id));
insert into business_key_duplicate (event_id, reason)
select r.event_id, 'return ' || r.return_id || ' is already stored under another event (found when HQ added its unique keys)'
from refund r join store_event e on e.event_id = r.event_id
where exists (select 1 from refund f join store_event fe on fe.event_id = f.event_id
              where f.store_code = r.store_code and f.return_id = r.return_id
                and (fe.received_at < e.received_at or fe.received_at = e.received_at and f.event_id < r.event_id))
  and not exists (select 1 from business_key_duplicate d where d.event_id = r.event_id);
insert into business_key_duplicate (event_id, reason)
select z.event_id, 'shift ' || z.shift_id || ' is already stored under another event (found when HQ added its unique keys)'
from shift_report z join store_event e on e.event_id = z.event_id
where exists (select 1 from shift_report f join store_event fe on fe.event_id = f.event_id
              where f.store_code = z.store_code and (f.shift_id = z.shift_id or f.lane = z.lane and f.z_no = z.z_no)
                and (fe.received_at < e.received_at or fe.received_at = e.received_at and f.event_id < z.event_id))
  and not exists (select 1 from business_key_duplicate d where d.event_id = z.event_id);
insert into business_key_duplicate (event_id, reason)
select e.event_id, 'journal position ' || e.position || ' is already held by another event (found when HQ added its unique keys)'
from store_event e
where exists (select 1 from store_event f
              where f.store_code = e.store_code and f.position = e.position
                and (f.received_at < e.received_at or f.received_at = e.received_at and f.event_id < e.event_id))
  and not exists (select 1 from business_key_duplicate d where d.event_id = e.event_id);

insert into store_receipt (store_code, lane, receipt_no, event_id)
select store_code, lane, receipt_no, min(event_id) from (
    select s.store_code, s.lane, s.receipt_no, s.event_id from sale s
    where not exists (select 1 from business_key_duplicate d where d.event_id = s.event_id)
    union all
    select r.store_code, r.lane, r.receipt_no, r.event_id from refund r
    where not exists (select 1 from business_key_duplicate d where d.event_id = r.event_id)
) receipts group by store_code, lane, receipt_no;
insert into business_key_duplicate (event_id, reason)
select x.event_id, 'receipt ' || x.lane || '/' || x.receipt_no || ' is already stored under another event (found when HQ added its unique keys)'
from (select s.event_id, s.store_code, s.lane, s.receipt_no from sale s
      union all select r.event_id, r.store_code, r.lane, r.receipt_no from refund r) x
where not exists (select 1 from store_receipt k where k.store_code = x.store_code and k.lane = x.lane
                    and k.receipt_no = x.receipt_no and k.event_id = x.event_id)
  and not exists (select 1 from business_key_duplicate d where d.event_id = x.event_id);

insert into uplink_quarantine (event_id, store_code, position, kind, occurred_at, payload, reason, first_seen_at,
                               last_seen_at, times_seen, state)
select e.event_id, e.store_code, e.position, e.kind, e.received_at, coalesce(e.payload, '{}'), d.reason,
       e.received_at, e.received_at, 1, 'OPEN'
from store_event e join business_key_duplicate d on d.event_id = e.event_id;
delete from sale where event_id in (select event_id from business_key_duplicate);
delete from refund where event_id in (select event_id from business_key_duplicate);
delete from shift_report where event_id in (select event_id from business_key_duplicate);
delete from store_event where event_id in (select event_id from business_key_duplicate);
drop table business_key_duplicate;

-- The business keys themselves: a second event for the same fact cannot be stored, whatever its id.
create unique index sale_store_sale_id on sale (store_code, sale_id);
create unique index refund_store_return_id on refund (store_code, return_id);
create unique index shift_report_store_shift_id on shift_report (store_code, shift_id);
create unique index shift_report_store_lane_z on shift_report (store_code, lane, z_no);
drop index store_event_store_position;
create unique index store_event_store_position on store_event (store_code, position);
