-- Open and suspended sales survive a restart of the agent: each change to a basket is saved here, and
-- the row is deleted in the transaction that completes the sale.
create table open_sale (
    sale_id     varchar(36) primary key,
    lane        varchar(16) not null,
    cashier     varchar(32) not null,
    suspended   boolean     not null,
    updated_at  timestamp with time zone not null,
    payload     clob        not null
);
