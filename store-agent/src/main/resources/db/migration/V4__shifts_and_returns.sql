-- Shifts: one open shift per lane at a time, opened with a float and closed with a counted Z report.
create table shift (
    shift_id      varchar(36) primary key,
    lane          varchar(16) not null,
    opened_by     varchar(32) not null,
    opened_at     timestamp with time zone not null,
    float_minor   bigint      not null,
    currency      varchar(3)  not null,
    no_sales      int         not null default 0,
    closed_by     varchar(32),
    closed_at     timestamp with time zone,
    z_no          bigint,
    report        clob
);
create index shift_lane_open on shift (lane, closed_at);

-- The lane's Z report numbers, like its receipt numbers: gap-free, incremented under the lane's lock.
alter table lane_counter add column last_z bigint not null default 0;

-- The store's receipts are sales, returns and voids; each belongs to a shift. A return names its sale.
alter table sale add column kind varchar(8) not null default 'SALE';
alter table sale add column shift_id varchar(36);
alter table sale add column original_sale_id varchar(36);
create index sale_shift on sale (shift_id);
create index sale_original on sale (original_sale_id);
