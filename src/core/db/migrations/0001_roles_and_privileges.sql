-- The application role: requests run as it (set per transaction), and it owns no table, so
-- FORCE ROW LEVEL SECURITY policies always apply to it. Roles are cluster-wide: several databases
-- on one server (tests run in parallel) may race to create it, so losing that race is fine.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'samskab_app') then
    begin
      create role samskab_app nologin;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
end
$$;

-- The connecting (owner) role must be a member to switch to the app role per transaction.
do $$
begin
  if not pg_has_role(current_user, 'samskab_app', 'member') then
    begin
      execute format('grant samskab_app to %I', current_user);
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
end
$$;

grant usage on schema public to samskab_app;
alter default privileges in schema public grant select, insert, update, delete on tables to samskab_app;
alter default privileges in schema public grant usage, select on sequences to samskab_app;
alter default privileges in schema public grant execute on functions to samskab_app;

create extension if not exists btree_gist;
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- The tenant of the current transaction, or null when none is set. Policies on every tenant table use it.
create or replace function core_current_municipality() returns integer
  language sql stable
  as $$ select nullif(current_setting('app.municipality_id', true), '')::integer $$;

create or replace function core_current_user_id() returns bigint
  language sql stable
  as $$ select nullif(current_setting('app.user_id', true), '')::bigint $$;
