-- People. An account is global (one person, many municipalities); what a person may do in a
-- municipality is a role row in that municipality's tenant (accounts_roles).
create table accounts_users (
  id bigint generated always as identity primary key,
  email text not null check (length(email) between 3 and 254 and email = lower(email)),
  email_verified_at timestamptz,
  password_hash text,
  display_name text not null check (length(display_name) between 1 and 100),
  preferred_lang text check (preferred_lang in ('da', 'en')),
  home_municipality_id integer references municipalities (id),
  network_role text check (network_role in ('member', 'admin')),
  -- Consent to appear by name in member lists and directories.
  show_in_directory boolean not null default false,
  -- When the person accepted the terms of use (required to register).
  terms_accepted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index accounts_users_email_uq on accounts_users (email);

-- Only a hash of the session token is stored, so a leaked table does not hand out sessions.
create table accounts_sessions (
  id text primary key,
  user_id bigint not null references accounts_users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index accounts_sessions_user_idx on accounts_sessions (user_id);
create index accounts_sessions_expires_idx on accounts_sessions (expires_at);

-- One-time links for e-mail verification and password reset; again only hashes.
create table accounts_tokens (
  token_hash text primary key,
  user_id bigint not null references accounts_users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index accounts_tokens_user_idx on accounts_tokens (user_id, purpose);

create table accounts_roles (
  municipality_id integer not null references municipalities (id),
  user_id bigint not null references accounts_users (id) on delete cascade,
  role text not null check (role in ('resident', 'facilitator', 'finance_officer', 'admin')),
  granted_at timestamptz not null default now(),
  granted_by bigint references accounts_users (id) on delete set null,
  primary key (municipality_id, user_id, role)
);
create index accounts_roles_user_idx on accounts_roles (user_id);

-- A person may read their own roles in every municipality (to build their navigation); everything
-- else about roles is visible only inside the municipality's own tenant.
alter table accounts_roles enable row level security;
alter table accounts_roles force row level security;
create policy accounts_roles_tenant on accounts_roles
  using (municipality_id = core_current_municipality() or user_id = core_current_user_id())
  with check (municipality_id = core_current_municipality());
