-- The ledger foundation: double-entry bookkeeping in integer øre (docs/decisions/010-ledger-double-entry.md).
-- Sign convention: an entry's amount is positive when money goes INTO the account, negative when it
-- goes OUT. The entries of one transaction sum to exactly 0, and a transaction has at least two
-- entries: checked at commit by deferred constraint triggers. Accounts that may not go negative
-- (pots, pools, initiative budgets) are checked at commit too. Transactions and entries are
-- append-only: corrections are reversing transactions. Every table is a tenant table.

create table ledger_accounts (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  kind text not null check (kind in ('service_budget', 'municipal_budget', 'pot', 'area_pool', 'initiative_budget',
                                     'grant_pool', 'grants_paid', 'spending', 'external')),
  name text not null check (length(btrim(name)) between 1 and 200),
  -- The account in the municipality's accounting system, e.g. '5.32.30'.
  code text check (code is null or length(code) between 1 and 40),
  description text not null default '' check (length(description) <= 2000),
  may_go_negative boolean not null,
  initiative_id integer,
  area_id integer,
  budgeting_process_id integer,
  group_id integer,
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  created_by bigint references accounts_users (id) on delete set null,
  primary key (municipality_id, id),
  -- Money that is held for something may never be spent below zero; sources of money may.
  check (kind not in ('pot', 'area_pool', 'initiative_budget', 'grant_pool') or not may_go_negative),
  check (kind not in ('service_budget', 'municipal_budget', 'external') or may_go_negative),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id),
  foreign key (municipality_id, area_id) references municipalities_areas (municipality_id, id),
  foreign key (municipality_id, budgeting_process_id) references budgeting_processes (municipality_id, id),
  foreign key (municipality_id, group_id) references groups (municipality_id, id)
);
create index ledger_accounts_kind_idx on ledger_accounts (municipality_id, kind);
create index ledger_accounts_initiative_idx on ledger_accounts (municipality_id, initiative_id) where initiative_id is not null;

create table ledger_transactions (
  municipality_id integer not null references municipalities (id),
  id bigint generated always as identity,
  posted_at timestamptz not null default now(),
  posted_by bigint not null references accounts_users (id),
  memo text not null check (length(btrim(memo)) between 1 and 1000),
  kind text not null check (kind in ('manual', 'saving', 'reinvestment', 'grant_payout', 'grant_repayment', 'reversal',
                                     'opening', 'pb_envelope', 'grant_pool_funding')),
  reverses_id bigint,
  initiative_id integer,
  agreement_id integer,
  grant_application_id integer,
  budgeting_process_id integer,
  -- The database transaction that wrote this row (set by a trigger): entries can only be added in it.
  created_txid bigint not null default 0,
  primary key (municipality_id, id),
  -- A transaction is reversed at most once, and only a reversal reverses.
  unique (municipality_id, reverses_id),
  check ((kind = 'reversal') = (reverses_id is not null)),
  foreign key (municipality_id, reverses_id) references ledger_transactions (municipality_id, id),
  foreign key (municipality_id, initiative_id) references initiatives (municipality_id, id),
  foreign key (municipality_id, budgeting_process_id) references budgeting_processes (municipality_id, id)
);
create index ledger_transactions_posted_idx on ledger_transactions (municipality_id, posted_at);
create index ledger_transactions_initiative_idx on ledger_transactions (municipality_id, initiative_id) where initiative_id is not null;

create table ledger_entries (
  municipality_id integer not null,
  transaction_id bigint not null,
  line smallint not null check (line >= 1),
  account_id integer not null,
  amount_ore bigint not null check (amount_ore <> 0),
  primary key (municipality_id, transaction_id, line),
  foreign key (municipality_id, transaction_id) references ledger_transactions (municipality_id, id),
  foreign key (municipality_id, account_id) references ledger_accounts (municipality_id, id)
);
create index ledger_entries_account_idx on ledger_entries (municipality_id, account_id);

-- Append-only: no row of a posted transaction is ever changed or removed.
create or replace function ledger_append_only() returns trigger
  language plpgsql
  as $$
begin
  raise exception 'ledger_append_only' using errcode = 'P0001', hint = 'ledger_append_only';
end
$$;
create trigger ledger_transactions_append_only before update or delete on ledger_transactions
  for each row execute function ledger_append_only();
create trigger ledger_entries_append_only before update or delete on ledger_entries
  for each row execute function ledger_append_only();
create trigger ledger_transactions_no_truncate before truncate on ledger_transactions
  for each statement execute function ledger_append_only();
create trigger ledger_entries_no_truncate before truncate on ledger_entries
  for each statement execute function ledger_append_only();

create or replace function ledger_transactions_stamp() returns trigger
  language plpgsql
  as $$
begin
  new.created_txid := txid_current();
  return new;
end
$$;
create trigger ledger_transactions_stamp before insert on ledger_transactions
  for each row execute function ledger_transactions_stamp();

-- An entry can only be added while its transaction is being posted (same database transaction).
create or replace function ledger_entries_same_posting() returns trigger
  language plpgsql
  as $$
begin
  if not exists (select 1 from ledger_transactions t
                 where t.municipality_id = new.municipality_id and t.id = new.transaction_id
                   and t.created_txid = txid_current()) then
    raise exception 'ledger_append_only' using errcode = 'P0001', hint = 'ledger_append_only';
  end if;
  return new;
end
$$;
create trigger ledger_entries_same_posting before insert on ledger_entries
  for each row execute function ledger_entries_same_posting();

-- At commit: the transaction has at least two entries, they sum to zero, and a reversal is the
-- exact negation (per account) of the transaction it reverses.
create or replace function ledger_transactions_balanced() returns trigger
  language plpgsql
  as $$
declare
  n integer;
  total numeric;
  orig bigint;
begin
  select count(*), coalesce(sum(amount_ore), 0) into n, total
    from ledger_entries where municipality_id = new.municipality_id and transaction_id = new.id;
  if n < 2 then
    raise exception 'ledger_too_few_entries' using errcode = 'P0001', hint = 'ledger_too_few_entries';
  end if;
  if total <> 0 then
    raise exception 'ledger_unbalanced' using errcode = 'P0001', hint = 'ledger_unbalanced';
  end if;
  select reverses_id into orig from ledger_transactions where municipality_id = new.municipality_id and id = new.id;
  if orig is not null and exists (
    select 1
      from (select account_id, sum(amount_ore) as s from ledger_entries
             where municipality_id = new.municipality_id and transaction_id = new.id group by account_id) r
      full join (select account_id, sum(amount_ore) as s from ledger_entries
             where municipality_id = new.municipality_id and transaction_id = orig group by account_id) o
        on o.account_id = r.account_id
     where coalesce(r.s, 0) <> -coalesce(o.s, 0)) then
    raise exception 'ledger_reversal_mismatch' using errcode = 'P0001', hint = 'ledger_reversal_mismatch';
  end if;
  return null;
end
$$;
create constraint trigger ledger_transactions_balanced after insert on ledger_transactions
  deferrable initially deferred
  for each row execute function ledger_transactions_balanced();

-- An entry added later to a transaction (refused above anyway) is checked at commit too.
create or replace function ledger_entries_balanced() returns trigger
  language plpgsql
  as $$
declare
  total numeric;
begin
  select coalesce(sum(amount_ore), 0) into total
    from ledger_entries where municipality_id = new.municipality_id and transaction_id = new.transaction_id;
  if total <> 0 then
    raise exception 'ledger_unbalanced' using errcode = 'P0001', hint = 'ledger_unbalanced';
  end if;
  return null;
end
$$;
create constraint trigger ledger_entries_balanced after insert on ledger_entries
  deferrable initially deferred
  for each row execute function ledger_entries_balanced();

-- At commit: an account that may not go negative is not below zero. The account row is locked first,
-- so a concurrent posting to the same account waits, and the sum (a new snapshot per statement in
-- READ COMMITTED) then includes what the other one committed. postTransaction locks the same rows
-- earlier, in id order; this is the backstop for every other writer.
create or replace function ledger_entries_not_negative() returns trigger
  language plpgsql
  as $$
declare
  may boolean;
  balance numeric;
begin
  if new.amount_ore > 0 then
    return null;
  end if;
  select may_go_negative into may from ledger_accounts
   where municipality_id = new.municipality_id and id = new.account_id for no key update;
  if may then
    return null;
  end if;
  select coalesce(sum(amount_ore), 0) into balance
    from ledger_entries where municipality_id = new.municipality_id and account_id = new.account_id;
  if balance < 0 then
    raise exception 'ledger_overdrawn' using errcode = 'P0001', hint = 'ledger_overdrawn';
  end if;
  return null;
end
$$;
create constraint trigger ledger_entries_not_negative after insert on ledger_entries
  deferrable initially deferred
  for each row execute function ledger_entries_not_negative();

-- An account that holds a negative balance cannot be switched to "may not go negative".
create or replace function ledger_accounts_guard() returns trigger
  language plpgsql
  as $$
begin
  if new.kind <> old.kind or new.municipality_id <> old.municipality_id then
    raise exception 'ledger_account_kind_fixed' using errcode = 'P0001', hint = 'ledger_account_kind_fixed';
  end if;
  if old.may_go_negative and not new.may_go_negative
     and (select coalesce(sum(amount_ore), 0) from ledger_entries
           where municipality_id = new.municipality_id and account_id = new.id) < 0 then
    raise exception 'ledger_overdrawn' using errcode = 'P0001', hint = 'ledger_overdrawn';
  end if;
  return new;
end
$$;
create trigger ledger_accounts_guard before update on ledger_accounts
  for each row execute function ledger_accounts_guard();
-- Accounts with entries are archived, never deleted (the entries' foreign key refuses the delete).

do $$
declare
  t text;
begin
  foreach t in array array['ledger_accounts', 'ledger_transactions', 'ledger_entries'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality())', t || '_tenant', t);
  end loop;
end
$$;
