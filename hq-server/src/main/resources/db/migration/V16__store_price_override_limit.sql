-- How far a store's manager may move a product's price from HQ's where HQ set no bound for the product, in
-- basis points either way. Stores from before the column get the chain's default (hq.pricing.default-price-
-- override-max-bp) at HQ's next start, which also sends each of them its record again.
alter table store add column price_override_max_bp integer;
