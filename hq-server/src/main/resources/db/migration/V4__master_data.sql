-- Master data of the chain (docs/architecture.md); runs unchanged on H2 and PostgreSQL.

create table region (
    code  varchar(32)  primary key,
    name  varchar(200) not null
);
insert into region (code, name) values ('default', 'Default region');

alter table store add column region varchar(32) default 'default' not null references region (code);
alter table store add column timezone varchar(64) default 'UTC' not null;
alter table store add column opening_hours varchar(2000) default '[]' not null;
alter table store add column lanes integer default 1 not null;

create table tax_class (
    code       varchar(32)  primary key,
    name       varchar(200) not null,
    rate_bp    integer      not null check (rate_bp between 0 and 10000),
    inclusive  boolean      not null
);
-- Products from before tax classes get this one; set its rate, or move them, as the tax office requires.
-- (Its catalog delta is written at the end, once the old deltas are gone.)
insert into tax_class (code, name, rate_bp, inclusive) values ('STD', 'Standard rate', 0, true);

create table category (
    code    varchar(32)  primary key,
    name    varchar(200) not null,
    parent  varchar(32)  references category (code),
    active  boolean      not null
);

create table brand (
    code    varchar(32)  primary key,
    name    varchar(200) not null,
    active  boolean      not null
);

alter table product add column category varchar(32) references category (code);
alter table product add column brand varchar(32) references brand (code);
alter table product add column tax_class varchar(32) default 'STD' not null references tax_class (code);
alter table product add column measure varchar(8) default 'UNIT' not null;
alter table product add column plu varchar(5);
create unique index product_plu on product (plu);

create table regional_price (
    sku          varchar(64) not null references product (sku),
    region       varchar(32) not null references region (code),
    price_minor  bigint      not null check (price_minor >= 0),
    currency     varchar(3)  not null,
    primary key (sku, region)
);

create table member_tier (
    code  varchar(32)  primary key,
    name  varchar(200) not null
);

create table tier_price (
    sku          varchar(64) not null references product (sku),
    tier         varchar(32) not null references member_tier (code),
    price_minor  bigint      not null check (price_minor >= 0),
    currency     varchar(3)  not null,
    primary key (sku, tier)
);

create table price_bounds (
    id                varchar(32) primary key,
    sku               varchar(64) not null references product (sku),
    store_code        varchar(16) references store (code),
    floor_minor       bigint,
    ceiling_minor     bigint,
    max_deviation_bp  integer,
    valid_from        timestamp with time zone,
    valid_to          timestamp with time zone
);
create index price_bounds_sku on price_bounds (sku);

create table member (
    card_no               varchar(32)  primary key,
    phone                 varchar(21)  unique,
    name                  varchar(200) not null,
    tier                  varchar(32)  not null references member_tier (code),
    points_balance        bigint       not null,
    offline_redeem_limit  bigint       not null,
    active                boolean      not null,
    updated_at            timestamp with time zone not null
);

-- Promotions are data: the definition is the canonical JSON of the retail-core Promotion record.
create table promotion (
    code        varchar(32) primary key,
    version     integer     not null,
    active      boolean     not null,
    definition  varchar     not null,
    updated_at  timestamp with time zone not null
);

insert into feed_sequence (feed, last_seq) values ('members', 0);
insert into feed_sequence (feed, last_seq) values ('promotions', 0);

-- Deltas written before this version carry the old product payload; stores rebuild their replica from
-- a snapshot instead (their own migration resets it), so the old deltas are not needed.
delete from feed_outbox;

-- Every row a store must hold comes with a delta, the STD tax class above included.
update feed_sequence set last_seq = last_seq + 1 where feed = 'catalog';
insert into feed_outbox (feed, seq, event_id, schema_id, payload, occurred_at)
select 'catalog', last_seq, '019a0000-0000-7000-8000-000000000004', 'catalog.tax-class.v1',
       '{"code":"STD","name":"Standard rate","rateBp":0,"inclusive":true}', current_timestamp
from feed_sequence where feed = 'catalog';
