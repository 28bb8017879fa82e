-- An optional image for a project proposal: the sanitised bytes (PNG or JPEG, metadata stripped,
-- recognised by their bytes), the sniffed content type and the alt text shown with it. Kept apart from
-- budgeting_projects so listing projects never reads the image bytes.
create table budgeting_project_images (
  municipality_id integer not null,
  project_id integer not null,
  content_type text not null check (content_type in ('image/png', 'image/jpeg')),
  bytes bytea not null check (octet_length(bytes) between 1 and 5 * 1024 * 1024),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  alt_text text not null check (length(alt_text) between 1 and 300),
  created_at timestamptz not null default now(),
  primary key (municipality_id, project_id),
  foreign key (municipality_id, project_id) references budgeting_projects (municipality_id, id) on delete cascade
);

alter table budgeting_project_images enable row level security;
alter table budgeting_project_images force row level security;
create policy budgeting_project_images_tenant on budgeting_project_images
  using (municipality_id = core_current_municipality()) with check (municipality_id = core_current_municipality());
