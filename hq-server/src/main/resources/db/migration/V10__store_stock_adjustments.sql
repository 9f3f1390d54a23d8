-- Stock moved by hand at the stores (up.stock-adjusted.v1): goods received, counts, damage and shrink,
-- with the manager and the note. Sales and returns move stock too; HQ has those as sales and refunds.
create table store_stock_adjustment (
    movement_id varchar(36) primary key,
    store_code  varchar(16) not null,
    sku         varchar(64) not null,
    kind        varchar(16) not null,
    quantity    bigint not null,
    counted     bigint,
    note        varchar(200),
    manager     varchar(32) not null,
    moved_at    timestamp with time zone not null
);
create index store_stock_adjustment_store on store_stock_adjustment (store_code, moved_at);
