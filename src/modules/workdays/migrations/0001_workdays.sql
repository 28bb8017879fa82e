-- Work days and recurring rounds: shifts with capacity and a waitlist, mixed resident and staff
-- teams, attendance and verified hours, volunteer arrangements, field reports, e-mail tokens.
-- Every table is a tenant table: municipality_id first in the primary key and in every foreign key to
-- another tenant table, row-level security forced.

-- Per-municipality settings of this module (the municipalities module owns its own settings table).
create table workdays_settings (
  municipality_id integer not null references municipalities (id),
  guests_allowed boolean not null default false,
  primary key (municipality_id)
);

-- A recurring round ("every second Saturday, 7 times"): the rule it was generated from. The days
-- themselves are rows in workdays_days, so one day can be changed or cancelled alone.
create table workdays_rounds (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  every_weeks integer not null check (every_weeks between 1 and 8),
  weekday integer not null check (weekday between 1 and 7),
  first_date date not null,
  occurrences integer check (occurrences between 1 and 60),
  until_date date,
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  check (occurrences is not null or until_date is not null)
);

create table workdays_days (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  round_id integer,
  title text not null check (length(title) between 3 and 140),
  description text not null default '' check (length(description) <= 5000),
  lang text not null check (lang in ('da', 'en')),
  group_id integer,
  initiative_id integer,
  area_id integer,
  address text not null default '' check (length(address) <= 200),
  meeting_point text not null default '' check (length(meeting_point) <= 500),
  tasks text not null default '' check (length(tasks) <= 2000),
  equipment text not null default '' check (length(equipment) <= 2000),
  bring text not null default '' check (length(bring) <= 1000),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  check (ends_at > starts_at),
  check (ends_at - starts_at <= interval '24 hours'),
  check (address <> '' or area_id is not null),
  check (group_id is not null or initiative_id is not null),
  foreign key (municipality_id, round_id) references workdays_rounds (municipality_id, id) on delete cascade,
  foreign key (municipality_id, group_id) references groups (municipality_id, id) on delete cascade,
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade,
  foreign key (municipality_id, area_id) references municipalities_areas (municipality_id, id)
);
create index workdays_days_starts_idx on workdays_days (municipality_id, starts_at);
create index workdays_days_round_idx on workdays_days (municipality_id, round_id);

-- confirmed_count is kept by the trigger below from the signups themselves, and the check on it is
-- the capacity invariant: whatever code path writes a signup, a shift can never be over capacity.
create table workdays_shifts (
  municipality_id integer not null,
  id integer generated always as identity,
  day_id integer not null,
  label text not null check (length(label) between 1 and 120),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity integer not null check (capacity between 1 and 1000),
  confirmed_count integer not null default 0,
  primary key (municipality_id, id),
  unique (municipality_id, day_id, id),
  check (ends_at > starts_at),
  check (confirmed_count between 0 and capacity),
  foreign key (municipality_id, day_id) references workdays_days (municipality_id, id) on delete cascade
);
create index workdays_shifts_day_idx on workdays_shifts (municipality_id, day_id);

-- One row per person per shift (unique person_key): a registered person by id, a guest by e-mail.
-- Cancelling keeps the row (status 'cancelled'); signing up again reuses it.
create table workdays_signups (
  municipality_id integer not null,
  id integer generated always as identity,
  shift_id integer not null,
  user_id bigint references accounts_users (id) on delete cascade,
  guest_name text check (length(guest_name) between 1 and 120),
  guest_email text check (length(guest_email) between 3 and 254),
  person_key text generated always as (case when user_id is not null then 'u:' || user_id::text else 'g:' || lower(guest_email) end) stored,
  participant_kind text not null default 'resident' check (participant_kind in ('resident', 'staff')),
  status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
  -- Order on the waitlist; taken under the shift's row lock, so it is the order people asked in.
  position bigint not null,
  assigned_by bigint references accounts_users (id) on delete set null,
  lang text not null default 'da' check (lang in ('da', 'en')),
  attended boolean,
  minutes integer check (minutes between 0 and 1440),
  verified_by bigint references accounts_users (id) on delete set null,
  verified_at timestamptz,
  reminder_sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, shift_id, person_key),
  check ((user_id is not null) <> (guest_email is not null)),
  check (guest_email is null or guest_name is not null),
  check (participant_kind = 'resident' or user_id is not null),
  check (minutes is null or attended),
  check (verified_at is null or minutes is not null),
  foreign key (municipality_id, shift_id) references workdays_shifts (municipality_id, id) on delete cascade
);
create index workdays_signups_user_idx on workdays_signups (municipality_id, user_id);
create index workdays_signups_waitlist_idx on workdays_signups (municipality_id, shift_id, status, position);

create or replace function workdays_signups_count() returns trigger
  language plpgsql
  as $$
declare
  delta integer := 0;
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'confirmed' then
    update workdays_shifts set confirmed_count = confirmed_count - 1 where municipality_id = old.municipality_id and id = old.shift_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'confirmed' then
    update workdays_shifts set confirmed_count = confirmed_count + 1 where municipality_id = new.municipality_id and id = new.shift_id;
  end if;
  return null;
end
$$;
create trigger workdays_signups_count after insert or update of status, shift_id or delete on workdays_signups
  for each row execute function workdays_signups_count();

-- Single-use e-mail links ("can't come"); only a hash of the token is kept.
create table workdays_tokens (
  municipality_id integer not null,
  token_hash text not null,
  signup_id integer not null,
  purpose text not null check (purpose in ('cant_come')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (municipality_id, token_hash),
  foreign key (municipality_id, signup_id) references workdays_signups (municipality_id, id) on delete cascade
);

-- Volunteer arrangements a municipality must keep track of, per person. For work with children the
-- status and date of the child-protection certificate check (børneattest) are kept, never the certificate.
create table workdays_arrangements (
  municipality_id integer not null references municipalities (id),
  user_id bigint not null references accounts_users (id) on delete cascade,
  role_type text not null check (role_type in ('volunteer_work', 'municipal_insurance', 'association')),
  association_name text not null default '' check (length(association_name) <= 120),
  manager_approved boolean not null default false,
  works_with_children boolean not null default false,
  child_check_status text not null default 'not_required' check (child_check_status in ('not_required', 'requested', 'approved', 'refused')),
  child_check_date date,
  updated_by bigint references accounts_users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (municipality_id, user_id),
  check (role_type <> 'association' or association_name <> ''),
  check (child_check_status in ('not_required', 'requested') or child_check_date is not null),
  check (works_with_children or child_check_status = 'not_required')
);

-- Field reports from rounds, routed to the municipal operations queue.
create table workdays_reports (
  municipality_id integer not null,
  id integer generated always as identity,
  day_id integer,
  reporter_id bigint references accounts_users (id) on delete set null,
  category text not null check (category in ('broken_bench', 'pothole', 'litter', 'graffiti', 'lighting', 'vegetation', 'other')),
  description text not null default '' check (length(description) <= 2000),
  lang text not null check (lang in ('da', 'en')),
  place text not null check (length(place) between 1 and 200),
  image bytea check (octet_length(image) <= 5 * 1024 * 1024),
  image_type text check (image_type in ('image/png', 'image/jpeg')),
  status text not null default 'received' check (status in ('received', 'in_progress', 'done', 'rejected')),
  status_note text not null default '' check (length(status_note) <= 1000),
  status_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  check ((image is null) = (image_type is null)),
  foreign key (municipality_id, day_id) references workdays_days (municipality_id, id) on delete set null (day_id)
);
create index workdays_reports_status_idx on workdays_reports (municipality_id, status, created_at);
create index workdays_reports_reporter_idx on workdays_reports (municipality_id, reporter_id);

do $$
declare
  t text;
begin
  foreach t in array array['workdays_settings', 'workdays_rounds', 'workdays_days', 'workdays_shifts', 'workdays_signups', 'workdays_tokens', 'workdays_arrangements', 'workdays_reports'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality())', t || '_tenant', t);
  end loop;
end
$$;
