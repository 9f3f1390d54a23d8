-- The replica becomes one table of feed rows, keyed as HQ keys them (decision 0005): every feed, every kind of
-- row, hashed and snapshotted the same way. Barcodes keep their own index for the scan lookup.
create table replica_record (
    schema_id   varchar(64)  not null,
    record_key  varchar(200) not null,
    feed        varchar(32)  not null,
    payload     varchar      not null,
    primary key (schema_id, record_key)
);
create index replica_record_feed on replica_record (feed);

drop table replica_product;
drop table replica_price;
delete from replica_barcode;

-- The old replica is gone: start every feed from the beginning; HQ answers with a snapshot.
insert into feed_state (feed, last_seq) values ('members', 0);
insert into feed_state (feed, last_seq) values ('promotions', 0);
update feed_state set last_seq = 0;
