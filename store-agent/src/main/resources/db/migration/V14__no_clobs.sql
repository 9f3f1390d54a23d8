-- JSON columns become plain varchar (up to a million characters; a 500-line sale is about 200,000).
-- H2 keeps a CLOB of more than a few hundred bytes apart from its row, in maps of its own, and removes it
-- later on a cleaner thread: every saved basket and completed sale wrote, and every deleted basket queued,
-- such an object, and with removals queued H2 threw (and swallowed) an exception on every commit.
alter table sale alter column payload set data type varchar(1000000);
alter table open_sale alter column payload set data type varchar(1000000);
alter table shift alter column report set data type varchar(1000000);
