-- A store manager's own price for a product, inside HQ's bounds, for a window; at most one per product.
-- The till applies it while it is valid and still inside HQ's bounds (which HQ may change); each set and
-- removal is also a journal event (up.price-override.v1), so HQ sees what the store charges.
create table price_override (
    sku         varchar(64) primary key,
    price_minor bigint not null,
    valid_from  timestamp with time zone,
    valid_to    timestamp with time zone,
    set_by      varchar(32) not null,
    set_at      timestamp with time zone not null
);
