-- Full-text search over groups: the name weighs most, then the description, each stemmed in the
-- language the description was written in (a query is stemmed both ways, as for initiatives).
alter table groups add column search_vector tsvector generated always as (
  setweight(to_tsvector(case description_lang when 'da' then 'danish'::regconfig else 'english'::regconfig end, name), 'A')
  || setweight(to_tsvector(case description_lang when 'da' then 'danish'::regconfig else 'english'::regconfig end, description), 'B')
) stored;
create index groups_search_idx on groups using gin (search_vector);
