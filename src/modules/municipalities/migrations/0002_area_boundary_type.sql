-- A boundary is stored as the geometry alone (a Feature is unwrapped by the command), so the database
-- can insist on it: anything else would break every map and API client that reads it.
alter table municipalities_areas
  add constraint municipalities_areas_boundary_type
  check (boundary is null or (jsonb_typeof(boundary) = 'object' and boundary->>'type' in ('Polygon', 'MultiPolygon') and jsonb_typeof(boundary->'coordinates') = 'array'));
