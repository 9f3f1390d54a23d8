-- A lane's till must be paired with the agent before a cashier can sign in there: the manager issues a
-- one-time code for the lane, the till trades it for a key of its own, and each sign-in at the lane carries
-- that key. Only SHA-256 hashes are kept, of the key and of the code, so a copy of the database pairs no one.
create table lane_pairing (
    lane        varchar(16) primary key,
    key_hash    varchar(64) not null,
    paired_at   timestamp with time zone not null,
    paired_by   varchar(32) not null
);

-- At most one outstanding code per lane; a wrong code counts against it, and it is gone after too many.
create table lane_pairing_code (
    lane        varchar(16) primary key,
    code_hash   varchar(64) not null,
    expires_at  timestamp with time zone not null,
    failures    int not null default 0,
    issued_by   varchar(32) not null
);
