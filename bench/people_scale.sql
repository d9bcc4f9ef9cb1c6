-- Province scale on PostgreSQL: ~300,000 people as copies of the demo's people (each copy in
-- the same unit, code "<original>~c<n>"), each with the original's ratings.
-- psql "$DATABASE_URL" -v copies=700 -f bench/province_scale.sql
INSERT INTO org_person (code, full_name, position, gender, birth_year, is_direct_worker,
                        is_manager, email, search_text, sort_key, unit_id)
SELECT p.code || '~c' || g, p.full_name, p.position, p.gender, p.birth_year, p.is_direct_worker,
       p.is_manager, '', p.search_text, p.sort_key, p.unit_id
FROM org_person p CROSS JOIN generate_series(1, :copies) AS g
WHERE p.code NOT LIKE '%~c%';

INSERT INTO records_rating (year, level, person_id)
SELECT r.year, r.level, c.id
FROM records_rating r
JOIN org_person o ON o.id = r.person_id
JOIN org_person c ON substring(c.code FROM '^(.*)~c[0-9]+$') = o.code;
ANALYZE;
