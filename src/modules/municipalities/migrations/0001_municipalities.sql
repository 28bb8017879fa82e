-- Tenants. Every tenant table in every module carries municipality_id in its primary key and in its
-- foreign keys to other tenant tables, so a row can never point into another municipality.
create table municipalities (
  id integer generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
  name text not null check (length(name) between 1 and 120),
  region text,
  inhabitants integer check (inhabitants >= 0),
  time_zone text not null default 'Europe/Copenhagen',
  default_lang text not null default 'da' check (default_lang in ('da', 'en')),
  tagline_da text not null default '',
  tagline_en text not null default '',
  network_member boolean not null default true,
  created_at timestamptz not null default now()
);

create table municipalities_areas (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  name text not null check (length(name) between 1 and 120),
  kind text not null check (kind in ('town', 'village', 'rural_district')),
  inhabitants integer check (inhabitants >= 0),
  -- GeoJSON Polygon or MultiPolygon; validated by the command, stored as given.
  boundary jsonb,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id)
);
create unique index municipalities_areas_name_uq on municipalities_areas (municipality_id, lower(name));

create table municipalities_themes (
  municipality_id integer not null references municipalities (id),
  id integer generated always as identity,
  key text not null check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_da text not null check (length(name_da) between 1 and 80),
  name_en text not null check (length(name_en) between 1 and 80),
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, key)
);

-- Row-level security: a transaction sees only the rows of the tenant it set.
alter table municipalities_areas enable row level security;
alter table municipalities_areas force row level security;
create policy municipalities_areas_tenant on municipalities_areas
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());

alter table municipalities_themes enable row level security;
alter table municipalities_themes force row level security;
create policy municipalities_themes_tenant on municipalities_themes
  using (municipality_id = core_current_municipality())
  with check (municipality_id = core_current_municipality());
