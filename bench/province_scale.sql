-- Province-sized volume on top of the demo (1,000 units, 100,000 people, 1M nominations,
-- 200,000 past awards, a 2,000-task plan, 2,000 movements, one sent to 957 units).
-- For measuring only: psql -f bench/province_scale.sql <a demo database of your own>.
-- The ids are those of a fresh `load_demo` (the seven new wards, the city's unit, plan and
-- department). The nominations belong to the city's department (unit 38), so the city's
-- standing office has all of them in its own scope, as a province's office would.
\timing on
INSERT INTO org_unit (code,name,short_name,kind,path,search_text,sort_key,is_active,address,email,level_id,parent_id)
SELECT 'fill-u'||g, 'Đơn vị thử '||g, '', CASE WHEN g%3=0 THEN 'small_collective' ELSE 'school' END, '',
       ' don vi thu '||g||' ', lpad(g::text,8,'0'), true, '', '', 4, (array[39,41,43,45,47,49,51])[1+g%7]
FROM generate_series(1,950) g;
UPDATE org_unit u SET path = p.path || u.id || '/' FROM org_unit p WHERE u.parent_id = p.id AND u.code LIKE 'fill-u%';
CREATE TEMP TABLE fu AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM org_unit WHERE code LIKE 'fill-u%';
INSERT INTO org_person (code, full_name, position, gender, is_direct_worker, is_manager, email, search_text, sort_key, unit_id)
SELECT 'fill-p'||g, 'Người thử '||g, '', CASE WHEN g%2=0 THEN 'female' ELSE 'male' END, g%3=0, g%5=0, '',
       ' nguoi thu '||g||' ', lpad(g::text,10,'0'), fu.id
FROM generate_series(0,99999) g JOIN fu ON fu.k = g % 950;
CREATE TEMP TABLE fp AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, unit_id FROM org_person WHERE code LIKE 'fill-p%';
CREATE INDEX ON fp (k);
-- 1M nominations: 900k of people, 100k of collectives; two in three decided.
INSERT INTO awards_nomination (year, event, achievements, state, version, created_at, updated_at, basis_id, unit_id, title_id, lower_vote, person_id)
SELECT CASE WHEN g%10<7 THEN 2026 ELSE 2025 END, '', '',
       (array['decided','decided','decided','decided','handed_over','decided','submitted','draft','voting','returned','voted','rejected'])[1+g%12],
       0, now(), now(), 1, 38, 1 + (g/7)%12, '', fp.id
FROM generate_series(0,899999) g JOIN fp ON fp.k = g % 100000;
INSERT INTO awards_nomination (year, event, achievements, state, version, created_at, updated_at, basis_id, unit_id, title_id, lower_vote, collective_id)
SELECT CASE WHEN g%10<7 THEN 2026 ELSE 2025 END, '', '',
       (array['decided','decided','decided','decided','handed_over','decided','submitted','draft','voting','returned','voted','rejected'])[1+g%12],
       0, now(), now(), 1, 38, 13 + (g/7)%8, '', fu.id
FROM generate_series(0,99999) g JOIN fu ON fu.k = g % 950;
INSERT INTO records_pastaward (year, title_code, basis_code, decision_ref, achievement, person_id)
SELECT 2026, (array['lao_dong_tien_tien','chien_si_thi_dua_co_so','giay_khen'])[1+g%3], '', '', '', fp.id
FROM generate_series(0,199999) g JOIN fp ON fp.k = g % 100000;
ANALYZE;
INSERT INTO plans_task (position, number, section, content, directing, lead_names, coordinating_names, lead_groups, coordinating_groups, deadline_kind, deadline_date, deadline_text, deadline_period, note, flags, done_on, plan_id)
SELECT 1000+g, (1000+g)::text, (array['Quý I','Quý II','Quý III','Quý IV'])[1+g%4], 'Nhiệm vụ thử số '||g||' về công tác thi đua, khen thưởng của các đơn vị trên địa bàn thành phố', '', '[]', '[]', '[]', '[]', 'date', date '2026-01-05' + (g % 360), '', '', '', '[]', CASE WHEN g%3=0 THEN date '2026-01-05' + (g % 360) END, 2
FROM generate_series(0,1999) g;
INSERT INTO plans_task_lead_units (task_id, unit_id) SELECT t.id, fu.id FROM plans_task t JOIN fu ON fu.k = t.position % 950 WHERE t.plan_id = 2 AND t.position >= 1000;
INSERT INTO plans_task_coordinating_units (task_id, unit_id) SELECT t.id, fu.id FROM plans_task t JOIN fu ON fu.k = (t.position + 7) % 950 WHERE t.plan_id = 2 AND t.position >= 1000;
INSERT INTO movements_movement (name, kind, year, starts_on, ends_on, registration_deadline, goals, criteria, status, document_number, launched_at, launched_by_id, version)
SELECT 'Phong trào thử '||g, 'campaign', 2026, date '2026-01-01', date '2026-12-31', date '2026-03-01', '', '', 'launched', '', now(), 1, 0 FROM generate_series(1,2000) g;
INSERT INTO movements_movement_target_units (movement_id, unit_id)
SELECT (SELECT id FROM movements_movement WHERE name = 'Phong trào thử 1'), id FROM org_unit WHERE code LIKE 'fill-u%' OR code LIKE 'hn-%';
INSERT INTO movements_registration (state, commitment, return_reason, submitted_at, version, movement_id, unit_id)
SELECT (array['submitted','approved','draft','returned'])[1+fu.k%4], 'Cam kết', '', now(), 0, (SELECT id FROM movements_movement WHERE name = 'Phong trào thử 1'), fu.id FROM fu WHERE fu.k < 600;
ANALYZE;
