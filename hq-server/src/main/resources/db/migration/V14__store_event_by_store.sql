-- A store's events in journal order: the reconciliation's gap check reads every position a store sent,
-- and the store's audit trail pages back from the newest. Both scanned the whole table (every event of
-- every store: each sale is one) without it.
create index store_event_store_position on store_event (store_code, position);
