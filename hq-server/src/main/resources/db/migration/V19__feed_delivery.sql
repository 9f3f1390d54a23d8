-- How far each broker has the change feed: the last sequence number of each feed it acknowledged. With
-- several brokers, each is fed from its own position, so a broker that is down holds back only its own stores;
-- feed_outbox.published_at then means "acknowledged by every broker". A broker without a row starts at the
-- last delta published to every broker (its stores catch up on anything older by asking).
create table feed_delivery (
    broker  varchar(255) not null,
    feed    varchar(64) not null,
    seq     bigint not null,
    primary key (broker, feed)
);
