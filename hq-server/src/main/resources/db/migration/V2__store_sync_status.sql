-- What each store last reported: online or offline, when, and how far it applied each feed.

create table store_presence (
    store_code    varchar(16) primary key,
    state         varchar(16) not null,
    last_seen_at  timestamp with time zone not null
);

create table store_feed_position (
    store_code   varchar(16) not null,
    feed         varchar(32) not null,
    applied_seq  bigint      not null,
    reported_at  timestamp with time zone not null,
    primary key (store_code, feed)
);
