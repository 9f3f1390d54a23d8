-- The store's till staff as HQ last sent them (sync.staff.v1): till id, role and PIN hash. Replaced whole
-- by each newer list; agent.cashiers still signs in ids HQ has not sent.
create table staff_member (
    till_id       varchar(8) primary key,
    username      varchar(64) not null,
    display_name  varchar(128) not null,
    role          varchar(16) not null,
    pin_hash      varchar(200) not null,
    active        boolean not null
);

create table staff_roster (
    id       integer primary key,
    version  bigint not null
);
