-- The replica hash a store last reported for a feed, and the sequence it was computed at.
alter table store_feed_position add column reported_hash varchar(40);
alter table store_feed_position add column hash_seq bigint;
