-- The board reads across tenants through a second, explicit scope. Only withPlatform() sets it,
-- after checking the board permission; policies allow it for reads only.
CREATE OR REPLACE FUNCTION app.current_scope() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(nullif(current_setting('app.scope', true), ''), 'tenant') $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.current_scope() TO portal_app;
