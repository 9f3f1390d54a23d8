-- What each store charges on its own: the store manager's price overrides as the stores report them
-- (up.price-override.v1); a removal deletes the row.
create table store_price_override (
    store_code  varchar(16) not null,
    sku         varchar(64) not null,
    price_minor bigint not null,
    currency    varchar(3),
    valid_from  timestamp with time zone,
    valid_to    timestamp with time zone,
    set_by      varchar(32) not null,
    set_at      timestamp with time zone not null,
    primary key (store_code, sku)
);
