-- Cashiers and store managers sign in at their store's tills with a till id and a PIN (PBKDF2 hash);
-- HQ sends each store its own staff list (sync.staff.v1 on the store's sync/reply topic).
alter table user_account add column till_id varchar(8);
alter table user_account add column pin_hash varchar(200);
create unique index user_account_till_id on user_account (till_id);
