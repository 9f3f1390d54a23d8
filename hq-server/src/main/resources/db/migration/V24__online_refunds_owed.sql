-- What an online order owes its customer back online, kept apart from what the channel gave back so that an order
-- can be refunded more than once: owed_minor for a paid order's cancellation (its total) or short pick (what its
-- sale charged less), returned_minor for its goods a till took back and refunded to the online payment. The
-- refund due is owed + returned - refunded. A refund names the channel's refund id (reference), so a refund sent
-- again is recognised.
alter table online_order add column owed_minor bigint default 0 not null;
alter table online_order add column returned_minor bigint default 0 not null;
update online_order set owed_minor = case
        when paid and state = 'CANCELLED' then total_minor
        when paid and state = 'COMPLETED' and charged_minor is not null and charged_minor < total_minor
            then total_minor - charged_minor
        when state = 'REFUNDED' then refunded_minor
        else 0 end;
alter table online_order_change add column reference varchar(64);
create index online_order_change_reference on online_order_change (order_id, reference);
