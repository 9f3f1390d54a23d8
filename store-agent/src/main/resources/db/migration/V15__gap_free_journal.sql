-- Journal positions are gap-free by construction: each append takes the next number from this one-row
-- counter in the business change's own transaction, so a rolled-back sale gives its number back and a
-- crash loses none (an identity column promised neither: H2 hands out cached values, and a crash or a
-- rollback leaves them unused, which HQ then reported as events it never received).
create table journal_position (
    id             integer primary key,
    last_position  bigint  not null
);

-- Positions the identity column skipped before: each filled with an event that says it holds nothing,
-- sent to HQ like any other, so that the journal HQ sees is whole and a real gap still shows.
insert into journal (position, event_id, kind, schema_id, payload, occurred_at)
select x, random_uuid(), 'journal-skipped', 'up.journal-skipped.v1',
       '{"reason":"position left unused by the journal numbering of an earlier store agent version"}',
       current_timestamp
from system_range(1, (select coalesce(max(position), 0) from journal))
where x not in (select position from journal);

insert into journal_position (id, last_position) select 1, coalesce(max(position), 0) from journal;
