-- A feed's rows are found by their schemas (every schema belongs to one feed; the primary key starts with
-- it), so the index on feed goes: it was the costliest part of writing a 100,000-row snapshot (H2 keeps
-- each secondary index as a tree of its own, written on every insert and again at commit).
drop index replica_record_feed;
