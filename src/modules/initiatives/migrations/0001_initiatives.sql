-- Citizen initiatives and everything around them: the people behind them, partners, what they ask the
-- municipality for, the co-production agreement (versioned), a public timeline, supports, followers,
-- threaded comments with edit history, and reports for moderation.
-- Every table is a tenant table: municipality_id first in the primary key and in every foreign key to
-- another tenant table. Text people write is stored as written, with its language.
create table initiatives (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  title text not null check (length(title) between 3 and 140),
  problem text not null check (length(problem) between 1 and 10000),
  proposal text not null check (length(proposal) between 1 and 10000),
  lang text not null check (lang in ('da', 'en')),
  area_id integer,
  theme_id integer,
  -- The local group that owns the initiative, if a group does; otherwise the people in initiatives_members.
  group_id integer,
  state text not null default 'idea'
    check (state in ('idea', 'open_for_support', 'in_dialogue', 'agreed', 'active', 'completed', 'evaluated', 'declined', 'paused')),
  paused_from text check (paused_from in ('open_for_support', 'in_dialogue', 'agreed', 'active')),
  facilitator_id bigint references accounts_users (id) on delete set null,
  decline_reason text check (length(decline_reason) <= 5000),
  decline_reason_lang text check (decline_reason_lang in ('da', 'en')),
  outcomes text check (length(outcomes) <= 10000),
  outcomes_lang text check (outcomes_lang in ('da', 'en')),
  -- Kept in step with initiatives_supports in the same transaction (the row is locked first), so
  -- lists can sort by it without counting a million rows.
  support_count integer not null default 0 check (support_count >= 0),
  comment_count integer not null default 0 check (comment_count >= 0),
  -- The current co-production agreement's version and review date, for the workspace's due list.
  agreement_version integer,
  review_date date,
  created_by bigint references accounts_users (id) on delete set null,
  -- A hidden field of the proposal form: the same form sent twice creates one initiative.
  creation_key uuid,
  created_at timestamptz not null default now(),
  state_changed_at timestamptz not null default now(),
  last_activity_at timestamptz not null default now(),
  -- Each initiative is stemmed in its own language; a search matches the query stemmed both ways.
  search_vector tsvector generated always as (
    setweight(to_tsvector(case lang when 'da' then 'danish'::regconfig else 'english'::regconfig end, title), 'A')
    || setweight(to_tsvector(case lang when 'da' then 'danish'::regconfig else 'english'::regconfig end, problem || ' ' || proposal), 'B')
  ) stored,
  primary key (municipality_id, id),
  unique (municipality_id, creation_key),
  foreign key (municipality_id, area_id) references municipalities_areas (municipality_id, id),
  foreign key (municipality_id, theme_id) references municipalities_themes (municipality_id, id),
  check ((state = 'paused') = (paused_from is not null)),
  check (state <> 'declined' or decline_reason is not null),
  check (state <> 'evaluated' or outcomes is not null)
);
-- The list pages: filter by state, sort by recent activity / newest / most supported, within a tenant.
create index initiatives_state_activity_idx on initiatives (municipality_id, state, last_activity_at desc);
create index initiatives_activity_idx on initiatives (municipality_id, last_activity_at desc);
create index initiatives_created_idx on initiatives (municipality_id, created_at desc);
create index initiatives_support_idx on initiatives (municipality_id, support_count desc, id desc);
create index initiatives_state_changed_idx on initiatives (municipality_id, state, state_changed_at);
create index initiatives_search_idx on initiatives using gin (search_vector);
create index initiatives_group_idx on initiatives (municipality_id, group_id) where group_id is not null;

create table initiatives_members (
  municipality_id integer not null,
  initiative_id integer not null,
  user_id bigint not null references accounts_users (id) on delete cascade,
  role text not null default 'owner' check (role in ('owner', 'member')),
  created_at timestamptz not null default now(),
  primary key (municipality_id, initiative_id, user_id),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade
);
create index initiatives_members_user_idx on initiatives_members (municipality_id, user_id);

create table initiatives_partners (
  municipality_id integer not null,
  initiative_id integer not null,
  id integer generated always as identity,
  kind text not null check (kind in ('association', 'business', 'municipal_unit', 'other')),
  name text not null check (length(name) between 2 and 120),
  contribution text not null default '' check (length(contribution) <= 500),
  lang text not null check (lang in ('da', 'en')),
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade
);
create index initiatives_partners_initiative_idx on initiatives_partners (municipality_id, initiative_id);

-- What the municipality is asked for, and its answer.
create table initiatives_asks (
  municipality_id integer not null,
  initiative_id integer not null,
  id integer generated always as identity,
  kind text not null check (kind in ('money', 'premises', 'equipment', 'permission', 'staff_time')),
  description text not null check (length(description) between 1 and 2000),
  lang text not null check (lang in ('da', 'en')),
  -- Money in øre, only for money asks.
  amount_ore bigint check (amount_ore >= 0),
  status text not null default 'open' check (status in ('open', 'granted', 'partly_granted', 'declined')),
  answer text check (length(answer) <= 2000),
  answer_lang text check (answer_lang in ('da', 'en')),
  answered_by bigint references accounts_users (id) on delete set null,
  answered_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade,
  check (kind = 'money' or amount_ore is null),
  check ((status = 'open') = (answered_at is null))
);
create index initiatives_asks_initiative_idx on initiatives_asks (municipality_id, initiative_id);
create index initiatives_asks_open_idx on initiatives_asks (municipality_id, created_at) where status = 'open';

-- The co-production agreement: who delivers what, the named municipal contact, the term and the
-- review date. Never updated in place: each change is a new version.
create table initiatives_agreements (
  municipality_id integer not null,
  initiative_id integer not null,
  version integer not null check (version >= 1),
  citizens_deliver text not null check (length(citizens_deliver) between 1 and 5000),
  municipality_delivers text not null check (length(municipality_delivers) between 1 and 5000),
  lang text not null check (lang in ('da', 'en')),
  contact_name text not null check (length(contact_name) between 2 and 120),
  contact_title text not null default '' check (length(contact_title) <= 120),
  contact_email text not null default '' check (length(contact_email) <= 254),
  term_start date not null,
  term_end date not null,
  review_date date not null,
  change_note text not null default '' check (length(change_note) <= 1000),
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, initiative_id, version),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade,
  check (term_end >= term_start)
);

-- The public timeline: every state change, progress update, agreement version and answer.
create table initiatives_events (
  municipality_id integer not null,
  initiative_id integer not null,
  id bigint generated always as identity,
  kind text not null check (kind in ('proposed', 'state_changed', 'facilitator_assigned', 'update', 'agreement', 'ask_answered')),
  from_state text,
  to_state text,
  body text not null default '' check (length(body) <= 10000),
  lang text check (lang in ('da', 'en')),
  -- The agreement version or ask id the event is about.
  ref integer,
  actor_id bigint references accounts_users (id) on delete set null,
  -- A hidden field of the update form: the same update sent twice is posted once.
  event_key uuid,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, event_key),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade,
  check (kind <> 'state_changed' or (from_state is not null and to_state is not null))
);
create index initiatives_events_initiative_idx on initiatives_events (municipality_id, initiative_id, created_at);

-- One support per person and initiative: parallel requests from the same person count once.
create table initiatives_supports (
  municipality_id integer not null,
  initiative_id integer not null,
  user_id bigint not null references accounts_users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (municipality_id, initiative_id, user_id),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade
);
create index initiatives_supports_user_idx on initiatives_supports (municipality_id, user_id);

create table initiatives_follows (
  municipality_id integer not null,
  initiative_id integer not null,
  user_id bigint not null references accounts_users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (municipality_id, initiative_id, user_id),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade
);
create index initiatives_follows_user_idx on initiatives_follows (municipality_id, user_id);

-- Threaded comments; a reply's parent belongs to the same initiative (the composite key says so).
create table initiatives_comments (
  municipality_id integer not null,
  initiative_id integer not null,
  id bigint generated always as identity,
  parent_id bigint,
  author_id bigint references accounts_users (id) on delete set null,
  body text not null check (length(body) between 1 and 5000),
  lang text not null check (lang in ('da', 'en')),
  version integer not null default 1 check (version >= 1),
  comment_key uuid,
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  hidden_at timestamptz,
  hidden_by bigint references accounts_users (id) on delete set null,
  primary key (municipality_id, id),
  unique (municipality_id, initiative_id, id),
  unique (municipality_id, comment_key),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id) on delete cascade,
  foreign key (municipality_id, initiative_id, parent_id) references initiatives_comments (municipality_id, initiative_id, id) on delete cascade
);
create index initiatives_comments_initiative_idx on initiatives_comments (municipality_id, initiative_id, created_at);

-- Earlier wordings of edited comments: the edit history.
create table initiatives_comment_versions (
  municipality_id integer not null,
  comment_id bigint not null,
  version integer not null,
  body text not null,
  lang text not null check (lang in ('da', 'en')),
  written_at timestamptz not null,
  primary key (municipality_id, comment_id, version),
  foreign key (municipality_id, comment_id) references initiatives_comments (municipality_id, id) on delete cascade
);

create table initiatives_comment_reports (
  municipality_id integer not null,
  id integer generated always as identity,
  comment_id bigint not null,
  reporter_id bigint references accounts_users (id) on delete set null,
  reason text not null check (reason in ('spam', 'abuse', 'personal_data', 'off_topic', 'other')),
  note text not null default '' check (length(note) <= 1000),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by bigint references accounts_users (id) on delete set null,
  resolution text check (resolution in ('hidden', 'kept')),
  primary key (municipality_id, id),
  -- One report per person and comment.
  unique (municipality_id, comment_id, reporter_id),
  foreign key (municipality_id, comment_id) references initiatives_comments (municipality_id, id) on delete cascade,
  check ((resolved_at is null) = (resolution is null))
);
create index initiatives_comment_reports_open_idx on initiatives_comment_reports (municipality_id, created_at) where resolved_at is null;

alter table initiatives enable row level security;
alter table initiatives force row level security;
create policy initiatives_tenant on initiatives
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_members enable row level security;
alter table initiatives_members force row level security;
create policy initiatives_members_tenant on initiatives_members
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_partners enable row level security;
alter table initiatives_partners force row level security;
create policy initiatives_partners_tenant on initiatives_partners
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_asks enable row level security;
alter table initiatives_asks force row level security;
create policy initiatives_asks_tenant on initiatives_asks
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_agreements enable row level security;
alter table initiatives_agreements force row level security;
create policy initiatives_agreements_tenant on initiatives_agreements
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_events enable row level security;
alter table initiatives_events force row level security;
create policy initiatives_events_tenant on initiatives_events
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_supports enable row level security;
alter table initiatives_supports force row level security;
create policy initiatives_supports_tenant on initiatives_supports
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_follows enable row level security;
alter table initiatives_follows force row level security;
create policy initiatives_follows_tenant on initiatives_follows
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_comments enable row level security;
alter table initiatives_comments force row level security;
create policy initiatives_comments_tenant on initiatives_comments
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_comment_versions enable row level security;
alter table initiatives_comment_versions force row level security;
create policy initiatives_comment_versions_tenant on initiatives_comment_versions
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table initiatives_comment_reports enable row level security;
alter table initiatives_comment_reports force row level security;
create policy initiatives_comment_reports_tenant on initiatives_comment_reports
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());
