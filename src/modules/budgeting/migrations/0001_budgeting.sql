-- Participatory budgeting: processes (an envelope and phases), projects, ballots and their choices.
-- Money is integer øre. The rules a ballot was cast under are frozen by a trigger once a ballot exists,
-- and a ballot can only be written while its process is in the voting phase.
create table budgeting_processes (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  area_id integer,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  budget_ore bigint not null check (budget_ore > 0),
  phase text not null default 'proposals' check (phase in ('proposals', 'review', 'voting', 'result', 'implementation')),
  proposals_from date not null,
  review_from date not null,
  voting_from date not null,
  result_from date not null,
  implementation_from date not null,
  ballot_kind text not null check (ballot_kind in ('approval', 'knapsack', 'cumulative', 'ranked')),
  -- approval: choose up to k; ranked: rank up to k.
  max_choices integer check (max_choices between 1 and 100),
  -- knapsack: optional minimum spend.
  min_spend_ore bigint check (min_spend_ore >= 0),
  -- cumulative: points to distribute.
  points integer check (points between 1 and 1000),
  rule text not null check (rule in ('greedy-votes', 'greedy-votes-per-cost', 'mes-cost', 'mes-approval', 'mes-cost-add1u', 'mes-cost-add1')),
  min_age integer not null default 0 check (min_age between 0 and 120),
  -- Set for imported elections: the original Pabulib META rows, written back on export.
  pb_meta jsonb,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, area_id) references municipalities_areas (municipality_id, id),
  check (proposals_from <= review_from and review_from <= voting_from and voting_from <= result_from and result_from <= implementation_from),
  check (ballot_kind not in ('approval', 'ranked') or max_choices is not null),
  check (ballot_kind <> 'cumulative' or points is not null),
  check (min_spend_ore is null or min_spend_ore <= budget_ore)
);

create table budgeting_projects (
  municipality_id integer not null,
  id integer generated always as identity,
  process_id integer not null,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 5000),
  area_id integer,
  proposed_by bigint references accounts_users (id) on delete set null,
  status text not null default 'proposed' check (status in ('proposed', 'feasible', 'rejected')),
  cost_ore bigint check (cost_ore >= 0),
  reject_reason text,
  -- The id in an imported Pabulib file, kept so an export round-trips.
  external_id text,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, process_id, id),
  unique (municipality_id, process_id, external_id),
  foreign key (municipality_id, process_id) references budgeting_processes (municipality_id, id) on delete cascade,
  foreign key (municipality_id, area_id) references municipalities_areas (municipality_id, id),
  check (status <> 'feasible' or cost_ore is not null),
  check (status <> 'rejected' or length(coalesce(reject_reason, '')) > 0)
);

create table budgeting_ballots (
  municipality_id integer not null,
  id integer generated always as identity,
  process_id integer not null,
  -- Null for paper and imported ballots; a person has at most one digital ballot per process.
  voter_id bigint references accounts_users (id) on delete set null,
  source text not null check (source in ('digital', 'paper', 'import')),
  birth_year integer check (birth_year between 1900 and 2100),
  entered_by bigint references accounts_users (id) on delete set null,
  checked_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, process_id, id),
  foreign key (municipality_id, process_id) references budgeting_processes (municipality_id, id) on delete cascade,
  check (source <> 'digital' or voter_id is not null),
  check (checked_by is null or checked_by is distinct from entered_by)
);
create unique index budgeting_ballots_one_per_voter on budgeting_ballots (municipality_id, process_id, voter_id);

create table budgeting_ballot_choices (
  municipality_id integer not null,
  process_id integer not null,
  ballot_id integer not null,
  project_id integer not null,
  points integer not null default 1 check (points > 0),
  -- 1 = first choice, for ranked ballots.
  rank integer check (rank > 0),
  primary key (municipality_id, ballot_id, project_id),
  -- The ballot and the project must belong to the same process: an unknown project cannot be stored.
  foreign key (municipality_id, process_id, ballot_id) references budgeting_ballots (municipality_id, process_id, id) on delete cascade,
  foreign key (municipality_id, process_id, project_id) references budgeting_projects (municipality_id, process_id, id)
);

-- Counted paper results from a voting station: per-project totals and the number of voters.
create table budgeting_station_totals (
  municipality_id integer not null,
  process_id integer not null,
  station text not null check (length(station) between 1 and 120),
  project_id integer not null,
  votes integer not null check (votes >= 0),
  entered_by bigint references accounts_users (id) on delete set null,
  primary key (municipality_id, process_id, station, project_id),
  foreign key (municipality_id, process_id, project_id) references budgeting_projects (municipality_id, process_id, id)
);

-- Rules are frozen once a ballot exists: a change to the envelope, ballot kind or rule would make
-- ballots already cast mean something else.
create function budgeting_freeze_rules() returns trigger language plpgsql as $$
begin
  if (new.budget_ore, new.ballot_kind, new.max_choices, new.min_spend_ore, new.points, new.rule, new.min_age)
     is distinct from (old.budget_ore, old.ballot_kind, old.max_choices, old.min_spend_ore, old.points, old.rule, old.min_age)
     and exists (select 1 from budgeting_ballots b where b.municipality_id = old.municipality_id and b.process_id = old.id) then
    raise exception 'budgeting_rules_frozen' using errcode = 'P0001', hint = 'budgeting_rules_frozen';
  end if;
  return new;
end $$;
create trigger budgeting_processes_freeze before update on budgeting_processes
  for each row execute function budgeting_freeze_rules();

-- Digital ballots only while voting is open (paper and imported ballots are entered afterwards too).
create function budgeting_ballot_open() returns trigger language plpgsql as $$
begin
  if new.source = 'digital' and not exists (
    select 1 from budgeting_processes p where p.municipality_id = new.municipality_id and p.id = new.process_id and p.phase = 'voting'
  ) then
    raise exception 'budgeting_voting_closed' using errcode = 'P0001', hint = 'budgeting_voting_closed';
  end if;
  return new;
end $$;
create trigger budgeting_ballots_open before insert or update on budgeting_ballots
  for each row execute function budgeting_ballot_open();

alter table budgeting_processes enable row level security;
alter table budgeting_processes force row level security;
create policy budgeting_processes_tenant on budgeting_processes
  using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality());
alter table budgeting_projects enable row level security;
alter table budgeting_projects force row level security;
create policy budgeting_projects_tenant on budgeting_projects
  using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality());
alter table budgeting_ballots enable row level security;
alter table budgeting_ballots force row level security;
create policy budgeting_ballots_tenant on budgeting_ballots
  using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality());
alter table budgeting_ballot_choices enable row level security;
alter table budgeting_ballot_choices force row level security;
create policy budgeting_ballot_choices_tenant on budgeting_ballot_choices
  using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality());
alter table budgeting_station_totals enable row level security;
alter table budgeting_station_totals force row level security;
create policy budgeting_station_totals_tenant on budgeting_station_totals
  using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality());
