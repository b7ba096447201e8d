-- Kuulo on PostgreSQL: roles for one organisation's schema (here "espoo"; replace every "espoo").
-- Run as the admin role after its first Kuulo command has created the schema's tables:
--   psql "postgres://espoo_admin@db.example.fi/kuulo" -f postgres-roles.sql
-- espoo_admin owns the tables: migrations (a newer Kuulo), erasure, merges, everything.
-- espoo_staff reads, imports and reports; espoo_kiosk adds answers to open sessions, nothing else.
CREATE ROLE espoo_staff LOGIN;
CREATE ROLE espoo_kiosk LOGIN;
GRANT USAGE ON SCHEMA espoo TO espoo_staff, espoo_kiosk;

-- Staff: read everything; import files, create and close sessions, record published reports.
GRANT SELECT ON ALL TABLES IN SCHEMA espoo TO espoo_staff;
GRANT INSERT, UPDATE ON espoo.surveys, espoo.sessions, espoo.responses, espoo.imports,
  espoo.import_rows, espoo.releases, espoo.release_responses TO espoo_staff;

-- Kiosk: the survey versions and sessions it needs, and answers: new ones into open sessions,
-- and only unfinished, recent ones back (to add the next answer). No deleting, no reports, no
-- imports, no answers sent more than 10 minutes ago.
GRANT SELECT ON espoo.kuulo_schema, espoo.surveys, espoo.sessions TO espoo_kiosk;
GRANT INSERT ON espoo.surveys, espoo.sessions TO espoo_kiosk;
GRANT SELECT, INSERT, UPDATE ON espoo.responses TO espoo_kiosk;

ALTER TABLE espoo.responses ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_all ON espoo.responses TO espoo_staff USING (true) WITH CHECK (true);
CREATE POLICY kiosk_adds ON espoo.responses FOR INSERT TO espoo_kiosk
  WITH CHECK (source = 'interactive' AND status = 'partial'
    AND session_id IN (SELECT id FROM espoo.sessions WHERE status = 'open'));
-- PostgreSQL requires a changed row to stay readable, so the answer that completes a turn is
-- readable for 10 minutes after it was sent; unfinished turns for 3 hours after their last answer.
CREATE POLICY kiosk_reads_own_turn ON espoo.responses FOR SELECT TO espoo_kiosk
  USING (source = 'interactive' AND (
    (status = 'partial' AND updated_at > to_char(now() AT TIME ZONE 'UTC' - interval '3 hours', 'YYYY-MM-DD"T"HH24:MI:SS'))
    OR updated_at > to_char(now() AT TIME ZONE 'UTC' - interval '10 minutes', 'YYYY-MM-DD"T"HH24:MI:SS')));
CREATE POLICY kiosk_answers_own_turn ON espoo.responses FOR UPDATE TO espoo_kiosk
  USING (status = 'partial' AND source = 'interactive'
    AND updated_at > to_char(now() AT TIME ZONE 'UTC' - interval '3 hours', 'YYYY-MM-DD"T"HH24:MI:SS'))
  WITH CHECK (source = 'interactive');
ALTER TABLE espoo.sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_sessions ON espoo.sessions TO espoo_staff USING (true) WITH CHECK (true);
CREATE POLICY kiosk_sees_sessions ON espoo.sessions FOR SELECT TO espoo_kiosk USING (true);
-- A kiosk's turn names its session again (INSERT … ON CONFLICT DO NOTHING): allowed only for an
-- open session that exists, so a kiosk cannot make sessions of its own.
CREATE POLICY kiosk_names_open_session ON espoo.sessions FOR INSERT TO espoo_kiosk
  WITH CHECK (status = 'open' AND id IN (SELECT id FROM espoo.sessions WHERE status = 'open'));
