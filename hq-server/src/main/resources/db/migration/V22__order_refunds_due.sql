-- What an order's sale at its store charged (from the store's HANDED_OVER or DELIVERED step; null before, or when
-- an older store agent did not say) and what the channel gave back online: an order paid online that was cancelled,
-- or charged less than it was paid (a short pick), has the difference to refund until the channel refunds it.
alter table online_order add column charged_minor bigint;
alter table online_order add column refunded_minor bigint default 0 not null;
