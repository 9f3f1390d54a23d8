-- The store manager's own promotions, within the depth HQ allows the store (StoreChange.localPromotionMaxBp).
-- The till's engine runs them beside HQ's; each start, change and end is also a journal event
-- (up.local-promotion.v1), so HQ sees what the store runs.
create table local_promotion (
    code       varchar(64) primary key,
    promotion  varchar(10000) not null,
    set_by     varchar(32) not null,
    set_at     timestamp with time zone not null,
    ended_at   timestamp with time zone
);
