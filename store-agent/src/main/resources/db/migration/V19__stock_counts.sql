-- A stock count (stocktake) by the store manager, of the whole store or of one category: each product counted is
-- compared with the books at the moment it was counted (sales go on during a count), and posting the count moves
-- the ledger by each difference, journaled for HQ as a count. One count is open at a time.
create table stock_count (
    count_id    varchar(36)  primary key,
    category    varchar(32),
    state       varchar(16)  not null,
    opened_by   varchar(32)  not null,
    opened_at   timestamp with time zone not null,
    closed_by   varchar(32),
    closed_at   timestamp with time zone
);

create table stock_count_line (
    count_id    varchar(36)  not null references stock_count (count_id),
    sku         varchar(64)  not null,
    -- What the books held when the product was counted, and what was counted.
    expected    bigint       not null,
    counted     bigint       not null,
    counted_at  timestamp with time zone not null,
    primary key (count_id, sku)
);
