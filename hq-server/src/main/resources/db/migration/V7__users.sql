-- People who sign in to HQ (and, through the users feed, to their store): role hq-admin, hq-staff,
-- store-manager or cashier; store managers and cashiers belong to one store. Passwords are PBKDF2
-- hashes; repeated failed sign-ins lock the account for a while.
create table user_account (
    username        varchar(64) primary key,
    display_name    varchar(128) not null,
    role            varchar(16) not null,
    store_code      varchar(16),
    password_hash   varchar(200) not null,
    active          boolean not null,
    failed_signins  integer not null,
    locked_until    timestamp with time zone,
    created_at      timestamp with time zone not null
);

-- Sessions by the SHA-256 of their bearer token; they expire after a time without use.
create table user_session (
    token_hash  varchar(64) primary key,
    username    varchar(64) not null references user_account (username),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index user_session_user on user_session (username);
