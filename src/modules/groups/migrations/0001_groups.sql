-- Local groups: informal groups, associations and the recognised local council (lokalråd) of an area.
-- Every table is a tenant table: municipality_id first in the primary key and in every foreign key to
-- another tenant table, so a group can never point at another municipality's area, theme or rows.
create table groups (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  kind text not null check (kind in ('informal', 'association', 'local_council')),
  name text not null check (length(name) between 2 and 120),
  description text not null default '' check (length(description) <= 5000),
  description_lang text not null default 'da' check (description_lang in ('da', 'en')),
  area_id integer,
  theme_id integer,
  membership_policy text not null check (membership_policy in ('open', 'request', 'invite')),
  -- Danish company register number; the modulus-11 check is done by the command.
  cvr text check (cvr ~ '^[0-9]{8}$'),
  statutes text not null default '' check (length(statutes) <= 20000),
  recognised_at timestamptz,
  recognised_by bigint references accounts_users (id) on delete set null,
  created_by bigint references accounts_users (id) on delete set null,
  -- A hidden field of the creation form: the same form sent twice creates one group.
  creation_key uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, slug),
  unique (municipality_id, creation_key),
  foreign key (municipality_id, area_id) references municipalities_areas (municipality_id, id),
  foreign key (municipality_id, theme_id) references municipalities_themes (municipality_id, id),
  -- Only associations and local councils are legal persons with a CVR number and statutes.
  check (kind <> 'informal' or (cvr is null and statutes = '')),
  -- A local council is the municipality's recognised partner for one area: recognised, with an area.
  check ((kind = 'local_council') = (recognised_at is not null)),
  check (kind <> 'local_council' or area_id is not null)
);
-- One recognised local council per area.
create unique index groups_local_council_area_uq on groups (municipality_id, area_id) where kind = 'local_council';
create index groups_area_idx on groups (municipality_id, area_id);
create index groups_theme_idx on groups (municipality_id, theme_id);

create table groups_members (
  municipality_id integer not null,
  group_id integer not null,
  user_id bigint not null references accounts_users (id) on delete cascade,
  role text not null default 'member' check (role in ('member', 'coordinator')),
  status text not null check (status in ('active', 'requested', 'invited')),
  -- Consent to be shown by name to people outside the group's coordinators.
  show_publicly boolean not null default false,
  invited_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  joined_at timestamptz,
  -- One row per person and group: parallel join requests count once.
  primary key (municipality_id, group_id, user_id),
  foreign key (municipality_id, group_id) references groups (municipality_id, id) on delete cascade,
  check ((status = 'active') = (joined_at is not null)),
  check (role = 'member' or status = 'active')
);
create index groups_members_user_idx on groups_members (municipality_id, user_id);

-- The board of an association or local council. Officer terms of the same role may not overlap,
-- and nobody holds two positions at once.
create table groups_board_positions (
  municipality_id integer not null,
  group_id integer not null,
  id integer generated always as identity,
  user_id bigint not null,
  role text not null check (role in ('chairperson', 'treasurer', 'secretary', 'member')),
  term_start date not null,
  term_end date,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, group_id, user_id) references groups_members (municipality_id, group_id, user_id) on delete cascade,
  check (term_end is null or term_end >= term_start),
  exclude using gist (municipality_id with =, group_id with =, role with =, daterange(term_start, term_end, '[]') with &&) where (role <> 'member'),
  exclude using gist (municipality_id with =, group_id with =, user_id with =, daterange(term_start, term_end, '[]') with &&)
);
create index groups_board_group_idx on groups_board_positions (municipality_id, group_id);

-- The discussion: plain text, threaded one level (a reply's parent is a top-level post).
create table groups_posts (
  municipality_id integer not null,
  group_id integer not null,
  id bigint generated always as identity,
  parent_id bigint,
  author_id bigint references accounts_users (id) on delete set null,
  body text not null check (length(body) between 1 and 5000),
  lang text not null check (lang in ('da', 'en')),
  post_key uuid,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  hidden_at timestamptz,
  hidden_by bigint references accounts_users (id) on delete set null,
  primary key (municipality_id, id),
  unique (municipality_id, group_id, id),
  unique (municipality_id, post_key),
  foreign key (municipality_id, group_id) references groups (municipality_id, id) on delete cascade,
  foreign key (municipality_id, group_id, parent_id) references groups_posts (municipality_id, group_id, id) on delete cascade
);
create index groups_posts_group_idx on groups_posts (municipality_id, group_id, created_at);

-- Upcoming activities the coordinators keep; work days will add to the same list later.
create table groups_activities (
  municipality_id integer not null,
  group_id integer not null,
  id integer generated always as identity,
  title text not null check (length(title) between 2 and 120),
  starts_at timestamptz not null,
  place text not null default '' check (length(place) <= 200),
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, group_id) references groups (municipality_id, id) on delete cascade
);
create index groups_activities_group_idx on groups_activities (municipality_id, group_id, starts_at);

alter table groups enable row level security;
alter table groups force row level security;
create policy groups_tenant on groups
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table groups_members enable row level security;
alter table groups_members force row level security;
create policy groups_members_tenant on groups_members
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table groups_board_positions enable row level security;
alter table groups_board_positions force row level security;
create policy groups_board_positions_tenant on groups_board_positions
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table groups_posts enable row level security;
alter table groups_posts force row level security;
create policy groups_posts_tenant on groups_posts
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table groups_activities enable row level security;
alter table groups_activities force row level security;
create policy groups_activities_tenant on groups_activities
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());
