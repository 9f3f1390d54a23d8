-- Completed sales keep their journaled payload (priced lines with promotion traces, member, tenders)
-- so the till can show them and returns can refund at the price paid.
alter table sale add column payload clob;

-- Weighed products are now found by their PLU through the barcode index. Replaying the catalog feed
-- (idempotent merges) fills it in for products the replica already holds.
update feed_state set last_seq = 0 where feed = 'catalog';
