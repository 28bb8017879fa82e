-- Grant pools (puljer): a pool's money sits on its own ledger account (kind 'grant_pool'); groups,
-- associations or residents apply under the pool's rules; a facilitator triages; a decision is
-- recorded with the deciding body and date (or a facilitator fast-tracks a small grant); a finance
-- officer pays out (a 'grant_payout' transaction pool → grants paid); the grantee files a final
-- report with spending lines and receipts, due a set number of days after payout; an overdue
-- report flags the grant for repayment.
-- Receipts are stored in the database (bytea, at most 5 MB each) like field-report photos: one
-- backup holds everything, row-level security guards them like every other tenant row, and any
-- number of stateless app processes can serve them. PDFs are recognised by their bytes, images are
-- rewritten without metadata before they are stored.
-- Every table is a tenant table: municipality_id first in the primary key and in every foreign key
-- to another tenant table, row-level security forced.

create table ledger_grant_pools (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  name text not null check (length(btrim(name)) between 3 and 140),
  description text not null default '' check (length(description) <= 5000),
  -- The language name and description were written in.
  lang text not null check (lang in ('da', 'en')),
  -- The account holding the pool's money; it may never go negative (checked by the ledger).
  account_id integer not null,
  max_grant_ore bigint not null check (max_grant_ore > 0 and max_grant_ore <= 100000000000),
  -- Required co-financing as a share of the project's total budget, in basis points (2500 = 25 %).
  cofinancing_bp integer not null default 0 check (cofinancing_bp between 0 and 9900),
  allow_groups boolean not null default true,
  allow_associations boolean not null default true,
  allow_residents boolean not null default false,
  -- Last day to apply, in the municipality's time zone (applications are accepted all that day).
  deadline date not null,
  -- Applications asking for at most this much may be approved by one facilitator (0 = no fast track).
  fast_track_ore bigint not null default 0 check (fast_track_ore >= 0),
  report_due_days integer not null default 90 check (report_due_days between 1 and 730),
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, account_id),
  unique (municipality_id, name),
  check (allow_groups or allow_associations or allow_residents),
  check (fast_track_ore <= max_grant_ore),
  foreign key (municipality_id, account_id) references ledger_accounts (municipality_id, id)
);

create table ledger_grant_applications (
  municipality_id integer not null,
  id integer generated always as identity,
  pool_id integer not null,
  applicant_id bigint not null references accounts_users (id),
  -- Who applies: a resident alone, or on behalf of an informal group or an association (incl. a
  -- local council) they coordinate. The kind is kept as it was when they applied.
  applicant_kind text not null check (applicant_kind in ('resident', 'group', 'association')),
  group_id integer,
  title text not null check (length(btrim(title)) between 3 and 140),
  purpose text not null check (length(btrim(purpose)) between 10 and 5000),
  lang text not null check (lang in ('da', 'en')),
  amount_requested_ore bigint not null check (amount_requested_ore > 0),
  cofinancing_ore bigint not null default 0 check (cofinancing_ore >= 0),
  status text not null default 'submitted' check (status in ('submitted', 'in_triage', 'approved', 'fast_track_approved',
    'declined', 'paid', 'reported', 'repayment_due', 'closed')),
  -- The decision: by a body ("Udvalget for Landdistrikter") on a date, or fast-tracked by one facilitator.
  deciding_body text check (length(btrim(deciding_body)) between 2 and 200),
  decision_date date,
  decision_note text not null default '' check (length(decision_note) <= 2000),
  amount_granted_ore bigint check (amount_granted_ore > 0),
  fast_track boolean not null default false,
  decided_by bigint references accounts_users (id),
  decided_at timestamptz,
  payout_transaction_id bigint,
  paid_at timestamptz,
  -- Day the final report is due, in the municipality's time zone.
  report_due_on date,
  report_narrative text check (length(report_narrative) <= 10000),
  report_lang text check (report_lang in ('da', 'en')),
  reported_at timestamptz,
  reported_by bigint references accounts_users (id),
  repayment_flagged_at timestamptz,
  repayment_transaction_id bigint,
  closed_by bigint references accounts_users (id),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, payout_transaction_id),
  unique (municipality_id, repayment_transaction_id),
  foreign key (municipality_id, pool_id) references ledger_grant_pools (municipality_id, id),
  foreign key (municipality_id, group_id) references groups (municipality_id, id),
  foreign key (municipality_id, payout_transaction_id) references ledger_transactions (municipality_id, id),
  foreign key (municipality_id, repayment_transaction_id) references ledger_transactions (municipality_id, id),
  check ((applicant_kind = 'resident') = (group_id is null)),
  check (amount_granted_ore is null or amount_granted_ore <= amount_requested_ore),
  -- Every state after a positive decision has its decision; a fast-tracked one has its reason.
  check (status not in ('approved', 'fast_track_approved', 'paid', 'reported', 'repayment_due', 'closed')
         or (amount_granted_ore is not null and decided_by is not null and decided_at is not null)),
  check (status <> 'declined' or decided_by is not null),
  check ((status = 'fast_track_approved' or fast_track) = fast_track),
  check (not fast_track or length(btrim(decision_note)) > 0),
  check (fast_track or status not in ('approved', 'paid', 'reported', 'repayment_due', 'closed', 'declined')
         or (deciding_body is not null and decision_date is not null)),
  -- Paid means a payout transaction exists; one application is paid at most once (unique above).
  check (status not in ('paid', 'reported', 'repayment_due', 'closed')
         or (payout_transaction_id is not null and paid_at is not null and report_due_on is not null)),
  check (status <> 'reported' or reported_at is not null),
  check (status <> 'repayment_due' or repayment_flagged_at is not null),
  check ((reported_at is null) = (report_narrative is null))
);
create index ledger_grant_applications_pool_idx on ledger_grant_applications (municipality_id, pool_id, status);
create index ledger_grant_applications_applicant_idx on ledger_grant_applications (municipality_id, applicant_id);
create index ledger_grant_applications_due_idx on ledger_grant_applications (municipality_id, report_due_on) where status = 'paid';

-- The project budget of an application; its lines add up to the amount requested plus co-financing.
create table ledger_grant_budget_lines (
  municipality_id integer not null,
  application_id integer not null,
  line smallint not null check (line between 1 and 50),
  description text not null check (length(btrim(description)) between 2 and 200),
  amount_ore bigint not null check (amount_ore > 0),
  primary key (municipality_id, application_id, line),
  foreign key (municipality_id, application_id) references ledger_grant_applications (municipality_id, id) on delete cascade
);

-- Notes a facilitator writes while triaging (not public; the applicant sees them on their application).
create table ledger_grant_triage_notes (
  municipality_id integer not null,
  id integer generated always as identity,
  application_id integer not null,
  author_id bigint references accounts_users (id) on delete set null,
  note text not null check (length(btrim(note)) between 2 and 2000),
  lang text not null check (lang in ('da', 'en')),
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, application_id) references ledger_grant_applications (municipality_id, id) on delete cascade
);
create index ledger_grant_triage_notes_app_idx on ledger_grant_triage_notes (municipality_id, application_id);

-- What the grant was spent on, from the final report.
create table ledger_grant_spending_lines (
  municipality_id integer not null,
  application_id integer not null,
  line smallint not null check (line between 1 and 50),
  description text not null check (length(btrim(description)) between 2 and 200),
  amount_ore bigint not null check (amount_ore > 0),
  primary key (municipality_id, application_id, line),
  foreign key (municipality_id, application_id) references ledger_grant_applications (municipality_id, id) on delete cascade
);

-- Receipts of the final report: PDF, JPEG or PNG as recognised by their bytes, at most 5 MB each.
create table ledger_grant_receipts (
  municipality_id integer not null,
  id integer generated always as identity,
  application_id integer not null,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  bytes bytea not null check (octet_length(bytes) between 1 and 5 * 1024 * 1024),
  uploaded_by bigint references accounts_users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, application_id) references ledger_grant_applications (municipality_id, id) on delete cascade
);
create index ledger_grant_receipts_app_idx on ledger_grant_receipts (municipality_id, application_id);

-- The ledger's link from a payout or repayment back to its application (a plain column in 0001).
alter table ledger_transactions add foreign key (municipality_id, grant_application_id)
  references ledger_grant_applications (municipality_id, id);

do $$
declare
  t text;
begin
  foreach t in array array['ledger_grant_pools', 'ledger_grant_applications', 'ledger_grant_budget_lines', 'ledger_grant_triage_notes',
                           'ledger_grant_spending_lines', 'ledger_grant_receipts'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality())', t || '_tenant', t);
  end loop;
end
$$;
