-- How each person wants e-mail about what they follow. No row means the default: immediately.
create table notifications_settings (
  user_id bigint primary key references accounts_users (id) on delete cascade,
  email_frequency text not null default 'immediately' check (email_frequency in ('immediately', 'daily', 'never')),
  -- Set when something waits for the person's next daily digest, so the digest finds who is due
  -- without looking into every municipality.
  digest_pending boolean not null default false,
  last_digest_at timestamptz,
  updated_at timestamptz not null default now()
);
create index notifications_settings_digest_idx on notifications_settings (last_digest_at) where digest_pending;

-- In-app notifications. The text is an i18n key plus values, so each person reads it in their own
-- language; `link` is a path on this site.
create table notifications (
  municipality_id integer not null references municipalities (id),
  id bigint generated always as identity,
  user_id bigint not null references accounts_users (id) on delete cascade,
  message_key text not null check (length(message_key) <= 120),
  params jsonb not null default '{}',
  link text not null check (link ~ '^/[^/\\]' and length(link) <= 500),
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- none: no e-mail wanted; pending: to be sent right away; digest: waits for the daily digest; sent.
  email_status text not null check (email_status in ('none', 'pending', 'digest', 'sent')),
  emailed_at timestamptz,
  primary key (municipality_id, id),
  check ((email_status = 'sent') = (emailed_at is not null))
);
create index notifications_user_idx on notifications (user_id, created_at desc);
create index notifications_pending_idx on notifications (municipality_id, created_at) where email_status = 'pending';

-- A tenant writes and reads its own notifications; a person also reads and marks their own, from
-- every municipality, on their notifications page and in their digest.
alter table notifications enable row level security;
alter table notifications force row level security;
create policy notifications_tenant on notifications
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());
create policy notifications_own_read on notifications for select
  using (user_id = core_current_user_id());
create policy notifications_own_update on notifications for update
  using (user_id = core_current_user_id())
  with check (user_id = core_current_user_id());
