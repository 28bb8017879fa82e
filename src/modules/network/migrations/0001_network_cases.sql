-- The practice library of the municipality network: cases (owned by the municipality that wrote them,
-- readable by everyone), adoptions of a case into another municipality with their lineage, comments
-- and follows. A case is addressed as /network/cases/<municipality_id>-<id> (network.urls.ts).
--
-- Row-level security, and why it differs from other tenant tables (docs/decisions/011-network-across-tenants.md):
-- a case is public knowledge meant to be read by every municipality and every visitor, so its rows are
-- readable without a tenant (`using (true)` for select). Writing stays tenant-bound: a case is inserted,
-- updated and deleted only in a transaction scoped to its own municipality. An adoption belongs to the
-- ADOPTING municipality (its municipality_id) and is written only in that scope; it points at the case in
-- another tenant on purpose (the lineage), which is the one cross-tenant foreign key of the platform.
-- Comments and follows are written by the person themselves (author/user = the transaction's user).

create table network_cases (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  -- Set when the case was published from one of the municipality's initiatives; one case per initiative.
  initiative_id integer,
  status text not null default 'running' check (status in ('idea', 'running', 'proven', 'paused', 'stopped')),
  published boolean not null default false,
  published_at timestamptz,
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- The narrative, in Danish and/or English; null where that language version is not written.
  title_da text check (length(title_da) between 3 and 140),
  title_en text check (length(title_en) between 3 and 140),
  summary_da text check (length(summary_da) <= 1000),
  summary_en text check (length(summary_en) <= 1000),
  problem_da text check (length(problem_da) <= 10000),
  problem_en text check (length(problem_en) <= 10000),
  context_da text check (length(context_da) <= 10000),
  context_en text check (length(context_en) <= 10000),
  approach_da text check (length(approach_da) <= 10000),
  approach_en text check (length(approach_en) <= 10000),
  actors_da text check (length(actors_da) <= 10000),
  actors_en text check (length(actors_en) <= 10000),
  municipal_contribution_da text check (length(municipal_contribution_da) <= 10000),
  municipal_contribution_en text check (length(municipal_contribution_en) <= 10000),
  costs_da text check (length(costs_da) <= 10000),
  costs_en text check (length(costs_en) <= 10000),
  results_da text check (length(results_da) <= 10000),
  results_en text check (length(results_en) <= 10000),
  dos_da text check (length(dos_da) <= 10000),
  dos_en text check (length(dos_en) <= 10000),
  donts_da text check (length(donts_da) <= 10000),
  donts_en text check (length(donts_en) <= 10000),
  contact_name text check (length(contact_name) between 2 and 120),
  contact_email text check (length(contact_email) between 3 and 254 and contact_email like '%_@_%'),
  municipality_size text check (municipality_size in ('small', 'medium', 'large')),
  setting text check (setting in ('urban', 'rural', 'mixed')),
  themes text[] not null default '{}'
    check (themes <@ array['mobility', 'food', 'environment', 'culture', 'care', 'nature', 'housing', 'democracy']::text[]),
  tags text[] not null default '{}'
    check (tags <@ array['partnership', 'professional_roles', 'quality', 'incentives', 'scaling']::text[]),
  -- What the authors state (not verified by the platform).
  stated_savings_ore bigint check (stated_savings_ore >= 0),
  -- Measured on the platform: a snapshot of the linked initiative's verified hours, participants,
  -- signed-off savings and reinvested money, refreshed on publish, on staff views and by
  -- `samskab network refresh-evidence`. Null when never measured (no initiative).
  evidence_hours numeric(12, 2) check (evidence_hours >= 0),
  evidence_participants integer check (evidence_participants >= 0),
  evidence_savings_ore bigint,
  evidence_reinvested_ore bigint,
  evidence_refreshed_at timestamptz,
  primary key (municipality_id, id),
  unique (municipality_id, initiative_id),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete set null (initiative_id),
  check (title_da is not null or title_en is not null),
  check (published = (published_at is not null))
);
create index network_cases_published_idx on network_cases (published_at desc) where published;
create index network_cases_municipality_idx on network_cases (municipality_id, updated_at desc);

-- A case adopted into another municipality: the adopter's draft initiative and where it came from.
create table network_adoptions (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  case_municipality_id integer not null,
  case_id integer not null,
  initiative_id integer not null,
  adopted_by bigint references accounts_users (id) on delete set null,
  adopted_at timestamptz not null default now(),
  primary key (municipality_id, id),
  -- One adoption of a case per municipality: adopting again returns the existing one.
  unique (municipality_id, case_municipality_id, case_id),
  unique (municipality_id, initiative_id),
  -- The lineage crosses tenants on purpose: the case is public knowledge of another municipality.
  foreign key (case_municipality_id, case_id) references network_cases (municipality_id, id) on delete cascade,
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade,
  check (municipality_id <> case_municipality_id)
);
create index network_adoptions_case_idx on network_adoptions (case_municipality_id, case_id, adopted_at);

-- Discussion of a case among network members; stored in the case's tenant.
create table network_case_comments (
  municipality_id integer not null,
  id integer generated always as identity,
  case_id integer not null,
  author_id bigint not null references accounts_users (id) on delete cascade,
  body text not null check (length(body) between 1 and 5000),
  lang text not null check (lang in ('da', 'en')),
  hidden_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, case_id) references network_cases (municipality_id, id) on delete cascade
);
create index network_case_comments_case_idx on network_case_comments (municipality_id, case_id, created_at);

create table network_case_follows (
  municipality_id integer not null,
  case_id integer not null,
  user_id bigint not null references accounts_users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (municipality_id, case_id, user_id),
  foreign key (municipality_id, case_id) references network_cases (municipality_id, id) on delete cascade
);
create index network_case_follows_user_idx on network_case_follows (user_id);

alter table network_cases enable row level security;
alter table network_cases force row level security;
create policy network_cases_read on network_cases for select using (true);
create policy network_cases_insert on network_cases for insert
  with check (municipality_id = core_current_municipality());
create policy network_cases_update on network_cases for update
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());
create policy network_cases_delete on network_cases for delete
  using (municipality_id = core_current_municipality());

alter table network_adoptions enable row level security;
alter table network_adoptions force row level security;
create policy network_adoptions_read on network_adoptions for select using (true);
create policy network_adoptions_insert on network_adoptions for insert
  with check (municipality_id = core_current_municipality());
create policy network_adoptions_update on network_adoptions for update
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());
create policy network_adoptions_delete on network_adoptions for delete
  using (municipality_id = core_current_municipality());

-- Comments are public; a person writes only as themselves, and only into the case's own tenant scope;
-- the author or the case's municipality (moderation) may change one.
alter table network_case_comments enable row level security;
alter table network_case_comments force row level security;
create policy network_case_comments_read on network_case_comments for select using (true);
create policy network_case_comments_insert on network_case_comments for insert
  with check (author_id = core_current_user_id() and municipality_id = core_current_municipality());
create policy network_case_comments_update on network_case_comments for update
  using (author_id = core_current_user_id() or municipality_id = core_current_municipality())
  with check (author_id = core_current_user_id() or municipality_id = core_current_municipality());
create policy network_case_comments_delete on network_case_comments for delete
  using (author_id = core_current_user_id() or municipality_id = core_current_municipality());

-- Who follows a case is personal: visible to the person and to the case's municipality (to notify
-- followers); a person follows and unfollows only as themselves.
alter table network_case_follows enable row level security;
alter table network_case_follows force row level security;
create policy network_case_follows_read on network_case_follows for select
  using (user_id = core_current_user_id() or municipality_id = core_current_municipality());
create policy network_case_follows_insert on network_case_follows for insert
  with check (user_id = core_current_user_id());
create policy network_case_follows_delete on network_case_follows for delete
  using (user_id = core_current_user_id());
