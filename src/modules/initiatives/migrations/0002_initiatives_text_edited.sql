-- The people behind an initiative may correct its text after proposing it; each edit leaves an entry
-- on the public timeline so supporters can see that what they supported was changed.
alter table initiatives_events drop constraint initiatives_events_kind_check;
alter table initiatives_events add constraint initiatives_events_kind_check
  check (kind in ('proposed', 'state_changed', 'facilitator_assigned', 'update', 'agreement', 'ask_answered', 'edited'));
