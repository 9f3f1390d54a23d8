-- A delivery's goods now leave the stock ledger with the sale a till records when the driver is back, as a
-- pickup's do at handover. Deliveries already on the road took their goods off the ledger when they were sent
-- out: stock_left marks them, so their sale puts those units back once (journaled for HQ) and they leave once.
alter table online_order add column stock_left boolean default false not null;
update online_order set stock_left = true where state = 'OUT_FOR_DELIVERY';
