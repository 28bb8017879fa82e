-- Facilities: rooms and equipment that institutions lend out, their opening hours and closed dates,
-- bookings, and seasonal allocation of weekly slots to associations. Every table is a tenant table:
-- municipality_id first in the primary key and in every foreign key to another tenant table.
create table facilities (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  kind text not null check (kind in ('room', 'equipment')),
  name text not null check (length(name) between 2 and 120),
  -- The institution that owns it: a school, a library, a depot.
  institution text not null check (length(institution) between 2 and 120),
  address text not null default '' check (length(address) <= 200),
  description text not null default '' check (length(description) <= 5000),
  capacity integer not null check (capacity > 0 and capacity <= 10000),
  accessibility text not null default '' check (length(accessibility) <= 2000),
  house_rules text not null default '' check (length(house_rules) <= 5000),
  deposit_note text not null default '' check (length(deposit_note) <= 1000),
  needs_approval boolean not null default false,
  allow_residents boolean not null default true,
  allow_groups boolean not null default true,
  allow_associations boolean not null default true,
  -- How far ahead a resident may book, and how far ahead groups and approved initiatives may.
  horizon_days integer not null default 30 check (horizon_days between 1 and 730),
  priority_horizon_days integer not null default 180 check (priority_horizon_days between 1 and 730),
  cancel_deadline_hours integer not null default 24 check (cancel_deadline_hours between 0 and 720),
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, slug),
  check (priority_horizon_days >= horizon_days)
);

-- One opening interval per weekday (ISO 1 = Monday), in minutes after local midnight; no row = closed.
create table facilities_opening_hours (
  municipality_id integer not null,
  facility_id integer not null,
  weekday smallint not null check (weekday between 1 and 7),
  opens_min smallint not null check (opens_min between 0 and 1439),
  closes_min smallint not null check (closes_min between 1 and 1440),
  primary key (municipality_id, facility_id, weekday),
  foreign key (municipality_id, facility_id) references facilities (municipality_id, id) on delete cascade,
  check (opens_min < closes_min)
);

create table facilities_closed_dates (
  municipality_id integer not null,
  facility_id integer not null,
  day date not null,
  reason text not null default '' check (length(reason) <= 200),
  primary key (municipality_id, facility_id, day),
  foreign key (municipality_id, facility_id) references facilities (municipality_id, id) on delete cascade
);

create table facilities_seasons (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  name text not null check (length(name) between 2 and 80),
  starts_on date not null,
  ends_on date not null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, name),
  check (starts_on <= ends_on and ends_on - starts_on <= 400)
);

-- An association asks for the same weekly slot through a season; staff allocate or decline.
create table facilities_season_requests (
  municipality_id integer not null,
  id integer generated always as identity,
  season_id integer not null,
  facility_id integer not null,
  group_id integer not null,
  requested_by bigint references accounts_users (id) on delete set null,
  weekday smallint not null check (weekday between 1 and 7),
  start_min smallint not null check (start_min between 0 and 1439),
  end_min smallint not null check (end_min between 1 and 1440),
  purpose text not null check (length(purpose) between 2 and 200),
  status text not null default 'requested' check (status in ('requested', 'allocated', 'declined')),
  -- Set when the request was proposed by "copy last season".
  copied_from integer,
  created_at timestamptz not null default now(),
  decided_by bigint references accounts_users (id) on delete set null,
  decided_at timestamptz,
  primary key (municipality_id, id),
  foreign key (municipality_id, season_id) references facilities_seasons (municipality_id, id) on delete cascade,
  foreign key (municipality_id, facility_id) references facilities (municipality_id, id) on delete cascade,
  foreign key (municipality_id, group_id) references groups (municipality_id, id) on delete cascade,
  foreign key (municipality_id, copied_from) references facilities_season_requests (municipality_id, id) on delete set null (copied_from),
  -- "Copy last season" twice proposes each slot once.
  unique (municipality_id, season_id, copied_from),
  check (start_min < end_min),
  check ((status = 'requested') = (decided_at is null))
);
create index facilities_season_requests_season_idx on facilities_season_requests (municipality_id, season_id, facility_id);

create table facilities_bookings (
  municipality_id integer not null,
  id integer generated always as identity,
  facility_id integer not null,
  booked_by bigint references accounts_users (id) on delete set null,
  -- Booked on behalf of a group (priority horizon), or by a person alone.
  group_id integer,
  season_request_id integer,
  purpose text not null check (length(purpose) between 2 and 200),
  attendees integer check (attendees > 0),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  during tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
  status text not null check (status in ('pending', 'confirmed', 'rejected', 'cancelled')),
  decided_by bigint references accounts_users (id) on delete set null,
  decided_at timestamptz,
  decision_note text not null default '' check (length(decision_note) <= 500),
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, facility_id) references facilities (municipality_id, id) on delete cascade,
  foreign key (municipality_id, group_id) references groups (municipality_id, id) on delete set null (group_id),
  foreign key (municipality_id, season_request_id) references facilities_season_requests (municipality_id, id) on delete set null (season_request_id),
  check (ends_at > starts_at),
  -- The invariant: no two confirmed bookings of one facility overlap. Pending requests do not block;
  -- confirming one that overlaps a confirmed booking fails here, whatever raced with it.
  constraint facilities_bookings_no_overlap exclude using gist (municipality_id with =, facility_id with =, during with &&) where (status = 'confirmed')
);
create index facilities_bookings_facility_idx on facilities_bookings using gist (municipality_id, facility_id, during);
create index facilities_bookings_booker_idx on facilities_bookings (municipality_id, booked_by);
create index facilities_bookings_pending_idx on facilities_bookings (municipality_id, created_at) where status = 'pending';

alter table facilities enable row level security;
alter table facilities force row level security;
create policy facilities_tenant on facilities
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table facilities_opening_hours enable row level security;
alter table facilities_opening_hours force row level security;
create policy facilities_opening_hours_tenant on facilities_opening_hours
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table facilities_closed_dates enable row level security;
alter table facilities_closed_dates force row level security;
create policy facilities_closed_dates_tenant on facilities_closed_dates
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table facilities_seasons enable row level security;
alter table facilities_seasons force row level security;
create policy facilities_seasons_tenant on facilities_seasons
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table facilities_season_requests enable row level security;
alter table facilities_season_requests force row level security;
create policy facilities_season_requests_tenant on facilities_season_requests
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table facilities_bookings enable row level security;
alter table facilities_bookings force row level security;
create policy facilities_bookings_tenant on facilities_bookings
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());
