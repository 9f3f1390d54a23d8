-- Each store's stock on hand as HQ knows it: the sum of the stock movements its journal reported (sales, returns
-- and voids, the manager's receipts, counts and write-offs), written in the transaction that stores the event, so
-- an event counts once. as_of_position is the highest journal position that moved the product, moved_at when.
-- Weighed products also keep their grams. Stores start from the manual movements already held; a sale or return
-- stored before this table existed is not in it (its lines are only in its JSON payload).
create table store_stock (
    store_code     varchar(16) not null,
    sku            varchar(64) not null,
    quantity       bigint not null,
    weight_grams   bigint not null,
    as_of_position bigint not null,
    moved_at       timestamp with time zone not null,
    primary key (store_code, sku)
);
create index store_stock_sku on store_stock (sku);

insert into store_stock (store_code, sku, quantity, weight_grams, as_of_position, moved_at)
select store_code, sku, sum(quantity), 0, 0, max(moved_at) from store_stock_adjustment group by store_code, sku;
