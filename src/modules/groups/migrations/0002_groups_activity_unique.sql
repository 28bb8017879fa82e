-- The same activity (title and start) entered twice, e.g. by a double click, is one activity.
create unique index groups_activities_once_uq on groups_activities (municipality_id, group_id, starts_at, title);
