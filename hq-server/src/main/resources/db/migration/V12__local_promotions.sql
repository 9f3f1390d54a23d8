-- How deep a promotion a store's manager may run on their own, in basis points off; null: none.
alter table store add column local_promotion_max_bp integer;
