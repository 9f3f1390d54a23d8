-- Signed-in till and manager sessions survive a restart of the agent (or kill -9): the cashier goes on
-- where they were, with the open basket the agent also kept. The token itself is never stored, only its
-- SHA-256, so a copy of the database signs no one in.
create table till_session (
    token_hash    varchar(64) primary key,
    cashier       varchar(32) not null,
    role          varchar(16) not null,
    lane          varchar(16) not null,
    last_used_at  timestamp with time zone not null
);
