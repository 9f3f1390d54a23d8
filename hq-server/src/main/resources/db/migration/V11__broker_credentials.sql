-- Each store agent's own broker account, issued by HQ. Only a hash is kept, in Mosquitto's format
-- (PBKDF2-SHA512, "$7$iterations$salt$hash"), so the same row checks a password at the embedded broker
-- and goes into a generated Mosquitto password file. Issuing again replaces the password.
create table broker_credential (
    store_code     varchar(16) primary key,
    username       varchar(64) not null unique,
    password_hash  varchar(200) not null,
    issued_at      timestamp with time zone not null,
    issued_by      varchar(64) not null
);
