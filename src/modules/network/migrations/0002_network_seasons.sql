-- Network seasons and meetings: the member municipalities of a season and their named leaders,
-- meetings with registration and a waitlist, minutes and the cases discussed.
--
-- These rows belong to the network, not to one municipality, so they carry no municipality_id key
-- and no tenant row-level security (see docs/decisions/011-network-across-tenants.md, "Seasons and
-- meetings"): everyone may read seasons and public meetings; only network admins change them, and
-- only network members register, which the module's commands check. What must never go wrong is
-- kept here: capacity, one registration per person per meeting, the waitlist order.

create table network_seasons (
  id integer generated always as identity primary key,
  name text not null check (length(name) between 1 and 120),
  starts_on date not null,
  ends_on date not null,
  theme_da text check (length(theme_da) between 1 and 200),
  theme_en text check (length(theme_en) between 1 and 200),
  description_da text check (length(description_da) between 1 and 5000),
  description_en text check (length(description_en) between 1 and 5000),
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_on >= starts_on)
);
create unique index network_seasons_name_uq on network_seasons (lower(name));
create index network_seasons_dates_idx on network_seasons (starts_on, ends_on);

create table network_season_members (
  season_id integer not null references network_seasons (id) on delete cascade,
  municipality_id integer not null references municipalities (id),
  added_at timestamptz not null default now(),
  primary key (season_id, municipality_id)
);
create index network_season_members_municipality_idx on network_season_members (municipality_id);

-- A leader is a person with an account who leads their municipality's part in the season, with a
-- role in words ("kommunaldirektør"). One municipality per person per season.
create table network_season_leaders (
  season_id integer not null,
  municipality_id integer not null,
  user_id bigint not null references accounts_users (id) on delete cascade,
  role_text text not null check (length(role_text) between 1 and 120),
  added_at timestamptz not null default now(),
  primary key (season_id, municipality_id, user_id),
  unique (season_id, user_id),
  foreign key (season_id, municipality_id) references network_season_members (season_id, municipality_id) on delete cascade
);
create index network_season_leaders_user_idx on network_season_leaders (user_id);

-- confirmed_count is kept by the trigger below from the registrations themselves; the check on it is
-- the capacity invariant, whatever code path writes a registration.
create table network_meetings (
  id integer generated always as identity primary key,
  season_id integer not null references network_seasons (id) on delete restrict,
  -- The host must be a member of the meeting's season (null: hosted by the network itself).
  host_municipality_id integer,
  title text not null check (length(title) between 1 and 200),
  lang text not null default 'da' check (lang in ('da', 'en')),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text not null check (length(place) between 1 and 200),
  address text check (length(address) between 1 and 300),
  agenda text check (length(agenda) between 1 and 10000),
  -- Visitors may read the agenda and minutes of a public meeting; others are for members only.
  is_public boolean not null default true,
  capacity integer not null check (capacity between 1 and 10000),
  confirmed_count integer not null default 0,
  registration_deadline timestamptz,
  minutes text check (length(minutes) between 1 and 50000),
  minutes_updated_at timestamptz,
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (confirmed_count between 0 and capacity),
  check (registration_deadline is null or registration_deadline <= starts_at),
  foreign key (season_id, host_municipality_id) references network_season_members (season_id, municipality_id)
);
create index network_meetings_starts_idx on network_meetings (starts_at);
create index network_meetings_season_idx on network_meetings (season_id, starts_at);

-- One row per person per meeting. Cancelling keeps the row (status 'cancelled'); registering again
-- reuses it with a new place in the queue.
create table network_registrations (
  id integer generated always as identity primary key,
  meeting_id integer not null references network_meetings (id) on delete cascade,
  user_id bigint not null references accounts_users (id) on delete cascade,
  status text not null check (status in ('confirmed', 'waitlisted', 'cancelled')),
  -- Order of asking; taken under the meeting's row lock, so the waitlist is served in this order.
  position bigint not null check (position > 0),
  lang text not null default 'da' check (lang in ('da', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (meeting_id, user_id)
);
create index network_registrations_queue_idx on network_registrations (meeting_id, status, position);
create index network_registrations_user_idx on network_registrations (user_id);

create or replace function network_registrations_count() returns trigger
  language plpgsql
  as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.status = 'confirmed' then
    update network_meetings set confirmed_count = confirmed_count - 1 where id = old.meeting_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'confirmed' then
    update network_meetings set confirmed_count = confirmed_count + 1 where id = new.meeting_id;
  end if;
  return null;
end
$$;
create trigger network_registrations_count after insert or update of status, meeting_id or delete on network_registrations
  for each row execute function network_registrations_count();

-- Cases discussed at a meeting, linked afterwards with the minutes.
create table network_meeting_cases (
  meeting_id integer not null references network_meetings (id) on delete cascade,
  case_municipality_id integer not null,
  case_id integer not null,
  linked_by bigint references accounts_users (id) on delete set null,
  linked_at timestamptz not null default now(),
  primary key (meeting_id, case_municipality_id, case_id),
  foreign key (case_municipality_id, case_id) references network_cases (municipality_id, id) on delete cascade
);
create index network_meeting_cases_case_idx on network_meeting_cases (case_municipality_id, case_id);
