-- Search across the practice library (network.search.ts): full text in Danish and English with
-- stemming, facets with counts, and the three orders (relevance, evidence, newest).
--
-- Full text: the Danish texts stemmed with the 'danish' configuration and the English texts with
-- 'english', weighted title (A) > summary (B) > the narrative (C). A query is parsed with both
-- configurations and the two are OR-ed, so "busruter" (Danish stem busrut) finds a Danish "busrute" and
-- English "buses" (Danish stem bus) finds an English "bus", whichever language version a case has.
--
-- Why a table of its own: a case row with its whole narrative in two languages is several kilobytes,
-- and a search reads the row of every candidate it considers. network_case_search holds one row per
-- PUBLISHED case with only what search needs — the facet values, the sort keys and the vector — kept
-- in step by a trigger, so the rows of a search are fewer pages and unpublished drafts are not in it.

-- The "has measured savings" facet: signed-off savings measured on the platform, not stated ones.
alter table network_cases add column has_measured_savings boolean generated always as (coalesce(evidence_savings_ore, 0) > 0) stored;

create function network_case_vector(c network_cases) returns tsvector language sql immutable as $$
  select setweight(to_tsvector('danish'::regconfig, coalesce(c.title_da, '')), 'A')
    || setweight(to_tsvector('danish'::regconfig, coalesce(c.summary_da, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(c.title_en, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(c.summary_en, '')), 'B')
    || setweight(to_tsvector('danish'::regconfig,
         coalesce(c.problem_da, '') || ' ' || coalesce(c.context_da, '') || ' ' || coalesce(c.approach_da, '') || ' '
         || coalesce(c.actors_da, '') || ' ' || coalesce(c.municipal_contribution_da, '') || ' ' || coalesce(c.costs_da, '') || ' '
         || coalesce(c.results_da, '') || ' ' || coalesce(c.dos_da, '') || ' ' || coalesce(c.donts_da, '')), 'C')
    || setweight(to_tsvector('english'::regconfig,
         coalesce(c.problem_en, '') || ' ' || coalesce(c.context_en, '') || ' ' || coalesce(c.approach_en, '') || ' '
         || coalesce(c.actors_en, '') || ' ' || coalesce(c.municipal_contribution_en, '') || ' ' || coalesce(c.costs_en, '') || ' '
         || coalesce(c.results_en, '') || ' ' || coalesce(c.dos_en, '') || ' ' || coalesce(c.donts_en, '')), 'C')
$$;

-- Derived from published cases only, which everyone may read: no tenant, no row-level security; only
-- the trigger (running as the owner) writes it.
create table network_case_search (
  municipality_id integer not null,
  case_id integer not null,
  published_at timestamptz not null,
  status text not null,
  municipality_size text,
  has_measured_savings boolean not null,
  themes text[] not null,
  tags text[] not null,
  evidence_savings_ore bigint,
  evidence_hours numeric(12, 2),
  search_vector tsvector not null,
  primary key (municipality_id, case_id),
  foreign key (municipality_id, case_id) references network_cases (municipality_id, id) on delete cascade
);

create function network_case_index() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if new.published then
    insert into network_case_search as s (municipality_id, case_id, published_at, status, municipality_size, has_measured_savings,
        themes, tags, evidence_savings_ore, evidence_hours, search_vector)
      values (new.municipality_id, new.id, new.published_at, new.status, new.municipality_size, new.has_measured_savings,
        new.themes, new.tags, new.evidence_savings_ore, new.evidence_hours, network_case_vector(new))
    on conflict (municipality_id, case_id) do update set published_at = excluded.published_at, status = excluded.status,
      municipality_size = excluded.municipality_size, has_measured_savings = excluded.has_measured_savings, themes = excluded.themes,
      tags = excluded.tags, evidence_savings_ore = excluded.evidence_savings_ore, evidence_hours = excluded.evidence_hours,
      search_vector = excluded.search_vector;
  elsif tg_op = 'UPDATE' then
    delete from network_case_search where municipality_id = new.municipality_id and case_id = new.id;
  end if;
  return null;
end;
$$;
create trigger network_cases_index after insert or update on network_cases for each row execute function network_case_index();

create index network_case_search_text_idx on network_case_search using gin (search_vector);
create index network_case_search_themes_idx on network_case_search using gin (themes);
create index network_case_search_tags_idx on network_case_search using gin (tags);
-- The orders, each ending in the primary key so equal values still have one stable order.
create index network_case_search_newest_idx on network_case_search (published_at desc, municipality_id desc, case_id desc);
create index network_case_search_evidence_idx on network_case_search
  (evidence_savings_ore desc nulls last, evidence_hours desc nulls last, published_at desc, municipality_id desc, case_id desc);
-- One municipality's cases, newest first; and the single-valued facets.
create index network_case_search_municipality_idx on network_case_search (municipality_id, published_at desc, case_id desc);
create index network_case_search_status_idx on network_case_search (status, published_at desc);
create index network_case_search_size_idx on network_case_search (municipality_size, published_at desc);
create index network_case_search_savings_idx on network_case_search (published_at desc) where has_measured_savings;

revoke insert, update, delete, truncate on network_case_search from samskab_app;
grant select on network_case_search to samskab_app;

-- Facet counts kept up to date, so the library's first page and every one-filter refinement count
-- 100,000 cases without reading them. For every published case and every pair of its facet values
-- (dimension, value) — including the pseudo value ('all', 'all') and each value paired with itself —
-- n counts the cases that have both. So the counts of all values with the filter status=proven are the
-- rows where (dim1, val1) = ('status', 'proven'), and without a filter those where it is ('all', 'all').
-- Aggregates only: no text, no person; the same for everyone, hence no tenant and no row-level security.
create table network_case_facet_counts (
  dim1 text not null,
  val1 text not null,
  dim2 text not null,
  val2 text not null,
  -- Never negative once a statement is done; no check constraint, because ON CONFLICT checks the
  -- proposed row (a negative delta) before it finds the row the delta applies to.
  n integer not null,
  primary key (dim1, val1, dim2, val2)
);

-- The facet values of one case; keep in step with facetDimensions in network.search.ts.
create function network_case_facets(municipality_id integer, status text, municipality_size text, has_savings boolean, themes text[], tags text[])
returns table (dim text, val text) language sql immutable as $$
  select 'all', 'all'
  union all select 'municipality', municipality_id::text
  union all select 'status', status
  union all select 'size', municipality_size where municipality_size is not null
  union all select 'savings', 'yes' where has_savings
  union all select 'theme', t from unnest(themes) t
  union all select 'tag', g from unnest(tags) g
$$;

-- One statement-level trigger per event with its transition tables: a bulk insert of 1,000 cases
-- updates each counter once. The rows are applied in key order, so two transactions never lock the
-- same counters in opposite orders. Runs as the owner: the application role may only read the counts.
-- The transition tables are named per trigger, so each event has its own statement.
create function network_case_count_facets() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if tg_op = 'INSERT' then
    insert into network_case_facet_counts as c (dim1, val1, dim2, val2, n)
    with d as (select municipality_id, status, municipality_size, has_measured_savings, themes, tags, 1 as delta from new_rows where published)
    select a.dim, a.val, b.dim, b.val, sum(d.delta)::integer
    from d
    cross join lateral network_case_facets(d.municipality_id, d.status, d.municipality_size, d.has_measured_savings, d.themes, d.tags) a
    cross join lateral network_case_facets(d.municipality_id, d.status, d.municipality_size, d.has_measured_savings, d.themes, d.tags) b
    group by 1, 2, 3, 4
    having sum(d.delta) <> 0
    order by 1, 2, 3, 4
  on conflict (dim1, val1, dim2, val2) do update set n = c.n + excluded.n;
  elsif tg_op = 'DELETE' then
    insert into network_case_facet_counts as c (dim1, val1, dim2, val2, n)
    with d as (select municipality_id, status, municipality_size, has_measured_savings, themes, tags, -1 as delta from old_rows where published)
    select a.dim, a.val, b.dim, b.val, sum(d.delta)::integer
    from d
    cross join lateral network_case_facets(d.municipality_id, d.status, d.municipality_size, d.has_measured_savings, d.themes, d.tags) a
    cross join lateral network_case_facets(d.municipality_id, d.status, d.municipality_size, d.has_measured_savings, d.themes, d.tags) b
    group by 1, 2, 3, 4
    having sum(d.delta) <> 0
    order by 1, 2, 3, 4
  on conflict (dim1, val1, dim2, val2) do update set n = c.n + excluded.n;
  else
    insert into network_case_facet_counts as c (dim1, val1, dim2, val2, n)
    with d as (
      select municipality_id, status, municipality_size, has_measured_savings, themes, tags, -1 as delta from old_rows where published
      union all
      select municipality_id, status, municipality_size, has_measured_savings, themes, tags, 1 as delta from new_rows where published)
    select a.dim, a.val, b.dim, b.val, sum(d.delta)::integer
    from d
    cross join lateral network_case_facets(d.municipality_id, d.status, d.municipality_size, d.has_measured_savings, d.themes, d.tags) a
    cross join lateral network_case_facets(d.municipality_id, d.status, d.municipality_size, d.has_measured_savings, d.themes, d.tags) b
    group by 1, 2, 3, 4
    having sum(d.delta) <> 0
    order by 1, 2, 3, 4
  on conflict (dim1, val1, dim2, val2) do update set n = c.n + excluded.n;
  end if;
  return null;
end;
$$;

create trigger network_cases_count_insert after insert on network_cases
  referencing new table as new_rows for each statement execute function network_case_count_facets();
create trigger network_cases_count_update after update on network_cases
  referencing old table as old_rows new table as new_rows for each statement execute function network_case_count_facets();
create trigger network_cases_count_delete after delete on network_cases
  referencing old table as old_rows for each statement execute function network_case_count_facets();

revoke insert, update, delete, truncate on network_case_facet_counts from samskab_app;
grant select on network_case_facet_counts to samskab_app;
