-- Savings agreements: an initiative that redesigns a service records the baseline annual cost of a
-- service budget line (with its source), the proposed cost, the period and how any saving is split
-- between pots. Actual costs are entered per period; a saving becomes money only when a second
-- finance officer signs the period off, which posts one ledger transaction (kind 'saving').
-- Every table is a tenant table: municipality_id first in the primary key and in every foreign key
-- to another tenant table, row-level security forced.

-- Per-municipality settings of the ledger: the value of one volunteer hour, shown beside cash on
-- the money trail (a value, never posted as money).
create table ledger_settings (
  municipality_id integer not null references municipalities (id),
  volunteer_hour_rate_ore bigint not null default 15000 check (volunteer_hour_rate_ore between 0 and 10000000),
  updated_by bigint references accounts_users (id) on delete set null,
  updated_at timestamptz not null default now(),
  primary key (municipality_id)
);

create table ledger_agreements (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  initiative_id integer not null,
  -- The service budget line the saving comes from, e.g. "Bus route 312" (kind 'service_budget').
  service_account_id integer not null,
  title text not null check (length(title) between 3 and 200),
  baseline_annual_ore bigint not null check (baseline_annual_ore > 0),
  baseline_source text not null check (length(baseline_source) between 3 and 500),
  proposed_annual_ore bigint not null check (proposed_annual_ore >= 0),
  starts_on date not null,
  ends_on date not null,
  status text not null default 'draft' check (status in ('draft', 'agreed')),
  agreed_by bigint references accounts_users (id),
  agreed_at timestamptz,
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  check (ends_on >= starts_on),
  check (ends_on - starts_on <= 3660),
  check ((status = 'agreed') = (agreed_at is not null)),
  check (status = 'draft' or agreed_by is not null),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id),
  foreign key (municipality_id, service_account_id) references ledger_accounts (municipality_id, id)
);
create index ledger_agreements_initiative_idx on ledger_agreements (municipality_id, initiative_id);

-- The agreed split of any saving: each row a receiving account (a pot, an area pool or the municipal
-- budget) and its share in basis points. An agreed agreement's shares sum to exactly 10000.
create table ledger_agreement_splits (
  municipality_id integer not null,
  agreement_id integer not null,
  account_id integer not null,
  share_bp integer not null check (share_bp between 1 and 10000),
  primary key (municipality_id, agreement_id, account_id),
  foreign key (municipality_id, agreement_id) references ledger_agreements (municipality_id, id) on delete cascade,
  foreign key (municipality_id, account_id) references ledger_accounts (municipality_id, id)
);

-- Actual costs of one period of an agreement, and its sign-off. Four eyes: the person who signs off
-- is never the one who entered the costs. A signed-off period names the transaction it posted.
create table ledger_agreement_periods (
  municipality_id integer not null,
  id integer generated always as identity,
  agreement_id integer not null,
  label text not null check (length(label) between 1 and 60),
  starts_on date not null,
  ends_on date not null,
  actual_ore bigint not null check (actual_ore >= 0),
  source_note text not null default '' check (length(source_note) <= 500),
  entered_by bigint not null references accounts_users (id),
  entered_at timestamptz not null default now(),
  -- The pro-rated baseline and the saving, fixed when the period is signed off.
  baseline_ore bigint check (baseline_ore >= 0),
  saving_ore bigint check (saving_ore > 0),
  signed_off_by bigint references accounts_users (id),
  signed_off_at timestamptz,
  transaction_id bigint,
  primary key (municipality_id, id),
  unique (municipality_id, transaction_id),
  check (ends_on >= starts_on),
  constraint ledger_agreement_periods_four_eyes check (signed_off_by is null or signed_off_by <> entered_by),
  check ((signed_off_at is null) = (signed_off_by is null)),
  check ((signed_off_at is null) = (transaction_id is null)),
  check ((signed_off_at is null) = (saving_ore is null)),
  check ((signed_off_at is null) = (baseline_ore is null)),
  check (saving_ore is null or saving_ore = baseline_ore - actual_ore),
  constraint ledger_agreement_periods_no_overlap exclude using gist (municipality_id with =, agreement_id with =, daterange(starts_on, ends_on, '[]') with &&),
  foreign key (municipality_id, agreement_id) references ledger_agreements (municipality_id, id),
  foreign key (municipality_id, transaction_id) references ledger_transactions (municipality_id, id)
);
create index ledger_agreement_periods_agreement_idx on ledger_agreement_periods (municipality_id, agreement_id, starts_on);

-- Transactions name the agreement they belong to (the column is in 0001).
alter table ledger_transactions add foreign key (municipality_id, agreement_id) references ledger_agreements (municipality_id, id);

-- The shape rules of agreements that a check constraint cannot see: the service account is a
-- service budget line, split accounts are pots, area pools or the municipal budget, an agreed
-- agreement is frozen, and periods lie inside an agreed agreement's period.
create or replace function ledger_agreements_guard() returns trigger
  language plpgsql
  as $$
declare
  k text;
begin
  if tg_op = 'UPDATE' and old.status = 'agreed' then
    raise exception 'ledger_agreement_frozen' using errcode = 'P0001', hint = 'ledger_agreement_frozen';
  end if;
  select kind into k from ledger_accounts where municipality_id = new.municipality_id and id = new.service_account_id;
  if k is distinct from 'service_budget' then
    raise exception 'ledger_agreement_service_account' using errcode = 'P0001', hint = 'ledger_agreement_service_account';
  end if;
  return new;
end
$$;
create trigger ledger_agreements_guard before insert or update on ledger_agreements
  for each row execute function ledger_agreements_guard();

create or replace function ledger_agreement_splits_guard() returns trigger
  language plpgsql
  as $$
declare
  s text;
  k text;
begin
  select status into s from ledger_agreements where municipality_id = coalesce(new.municipality_id, old.municipality_id) and id = coalesce(new.agreement_id, old.agreement_id);
  if s = 'agreed' then
    raise exception 'ledger_agreement_frozen' using errcode = 'P0001', hint = 'ledger_agreement_frozen';
  end if;
  if tg_op <> 'DELETE' then
    select kind into k from ledger_accounts where municipality_id = new.municipality_id and id = new.account_id;
    if k is null or k not in ('pot', 'area_pool', 'municipal_budget') then
      raise exception 'ledger_agreement_split_account' using errcode = 'P0001', hint = 'ledger_agreement_split_account';
    end if;
  end if;
  return coalesce(new, old);
end
$$;
create trigger ledger_agreement_splits_guard before insert or update or delete on ledger_agreement_splits
  for each row execute function ledger_agreement_splits_guard();

-- Checked at commit, so an agreement and its split rows can be written in any order in one transaction.
create or replace function ledger_agreement_split_sum() returns trigger
  language plpgsql
  as $$
declare
  s text;
  total bigint;
begin
  select status into s from ledger_agreements where municipality_id = new.municipality_id and id = new.id;
  if s = 'agreed' then
    select coalesce(sum(share_bp), 0) into total from ledger_agreement_splits where municipality_id = new.municipality_id and agreement_id = new.id;
    if total <> 10000 then
      raise exception 'ledger_agreement_split_sum' using errcode = 'P0001', hint = 'ledger_agreement_split_sum';
    end if;
  end if;
  return null;
end
$$;
create constraint trigger ledger_agreement_split_sum after insert or update on ledger_agreements
  deferrable initially deferred
  for each row execute function ledger_agreement_split_sum();

create or replace function ledger_agreement_periods_guard() returns trigger
  language plpgsql
  as $$
declare
  a record;
begin
  if tg_op = 'DELETE' then
    if old.signed_off_at is not null then
      raise exception 'ledger_period_signed_off' using errcode = 'P0001', hint = 'ledger_period_signed_off';
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' and old.signed_off_at is not null then
    raise exception 'ledger_period_signed_off' using errcode = 'P0001', hint = 'ledger_period_signed_off';
  end if;
  select status, starts_on, ends_on into a from ledger_agreements where municipality_id = new.municipality_id and id = new.agreement_id;
  if a.status is distinct from 'agreed' then
    raise exception 'ledger_agreement_not_agreed' using errcode = 'P0001', hint = 'ledger_agreement_not_agreed';
  end if;
  if new.starts_on < a.starts_on or new.ends_on > a.ends_on then
    raise exception 'ledger_period_outside' using errcode = 'P0001', hint = 'ledger_period_outside';
  end if;
  return new;
end
$$;
create trigger ledger_agreement_periods_guard before insert or update or delete on ledger_agreement_periods
  for each row execute function ledger_agreement_periods_guard();

do $$
declare
  t text;
begin
  foreach t in array array['ledger_settings', 'ledger_agreements', 'ledger_agreement_splits', 'ledger_agreement_periods'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality())', t || '_tenant', t);
  end loop;
end
$$;
