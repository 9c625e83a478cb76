-- Objects that drizzle-kit does not model and that the generated migrations rely on.
CREATE SCHEMA IF NOT EXISTS app;
--> statement-breakpoint
-- Roles are cluster-wide, so a second database in the same cluster must not fail here.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_app') THEN
    CREATE ROLE portal_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
-- The connection user switches to portal_app inside every request transaction.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'portal_app', 'MEMBER') THEN
    EXECUTE format('GRANT portal_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
-- A pooled connection returns '' rather than NULL for a setting once set locally, hence nullif.
-- A function rather than a sub-select in each policy keeps the policies valid on Citus.
CREATE OR REPLACE FUNCTION app.current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA app TO portal_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.current_tenant() TO portal_app;
