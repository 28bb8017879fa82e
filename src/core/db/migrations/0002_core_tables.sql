-- Development outbox: a copy of every e-mail sent, shown at /dev/outbox. Not used in production.
create table core_outbox (
  id bigint generated always as identity primary key,
  recipient text not null,
  subject text not null,
  body_text text not null,
  created_at timestamptz not null default now()
);

-- Secrets generated once per installation and shared by every process (CSRF signing key).
create table core_secrets (
  name text primary key,
  value bytea not null,
  created_at timestamptz not null default now()
);
revoke all on core_secrets from samskab_app;

-- Fixed-window counters for rate limits, shared by every process.
create table core_rate_limits (
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (bucket, window_start)
);
create index core_rate_limits_window_idx on core_rate_limits (window_start);
