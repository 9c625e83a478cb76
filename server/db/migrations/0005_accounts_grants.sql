ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "media" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "media_usages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Global tables: read before any tenant is known (sign-in, session lookup, job claims).
GRANT SELECT, INSERT, UPDATE, DELETE ON "users", "board_roles", "sessions", "recovery_codes",
  "password_resets", "login_throttles", "jobs" TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "memberships", "media", "media_usages" TO portal_app;
--> statement-breakpoint
-- Security events are append-only for the application.
GRANT SELECT, INSERT ON "security_events" TO portal_app;
--> statement-breakpoint
-- The audit log is not FORCEd: its owner writes it through app.append_audit() below, and
-- portal_app may only read it under RLS.
GRANT SELECT ON "audit_log" TO portal_app;
--> statement-breakpoint
-- Appends one audit entry and chains its hash to the previous entry of the same tenant; entries
-- with no tenant (sign-ins, board roles) form the platform chain. The advisory lock serialises
-- writers of one chain, so two entries never claim the same predecessor.
CREATE OR REPLACE FUNCTION app.append_audit(
  p_tenant uuid, p_actor uuid, p_action text, p_resource_type text, p_resource_id text,
  p_before jsonb, p_after jsonb, p_ip inet, p_request_id text
) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
DECLARE
  v_previous text;
  v_hash text;
  v_at timestamptz := clock_timestamp();
  v_id bigint;
BEGIN
  IF p_tenant IS NOT NULL AND p_tenant IS DISTINCT FROM app.current_tenant() THEN
    RAISE EXCEPTION 'audit entry for tenant % outside its scope', p_tenant USING ERRCODE = '42501';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('audit:' || coalesce(p_tenant::text, 'platform')));
  SELECT hash INTO v_previous FROM public.audit_log
    WHERE tenant_id IS NOT DISTINCT FROM p_tenant ORDER BY id DESC LIMIT 1;
  v_hash := app.audit_hash(v_previous, p_tenant, v_at, p_actor, p_action, p_resource_type,
    p_resource_id, p_before, p_after);
  INSERT INTO public.audit_log (tenant_id, occurred_at, actor_user_id, action, resource_type,
      resource_id, before, after, ip_address, request_id, previous_hash, hash)
    VALUES (p_tenant, v_at, p_actor, p_action, p_resource_type, p_resource_id, p_before, p_after,
      p_ip, p_request_id, v_previous, v_hash)
    RETURNING id INTO v_id;
  RETURN v_id;
END
$$;
--> statement-breakpoint
-- The hash of one entry. jsonb prints keys in a fixed order and the instant is in microseconds
-- since the epoch, so the text hashed does not depend on the session's settings.
CREATE OR REPLACE FUNCTION app.audit_hash(
  p_previous text, p_tenant uuid, p_at timestamptz, p_actor uuid, p_action text,
  p_resource_type text, p_resource_id text, p_before jsonb, p_after jsonb
) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$
    SELECT encode(sha256(convert_to(coalesce(p_previous, '') || '|' || jsonb_build_array(
      p_tenant, (extract(epoch FROM p_at) * 1000000)::bigint, p_actor, p_action,
      p_resource_type, p_resource_id, p_before, p_after)::text, 'UTF8')), 'hex')
  $$;
--> statement-breakpoint
-- Returns the id of the first entry of a chain whose hash does not match, or NULL when the
-- chain is intact.
CREATE OR REPLACE FUNCTION app.find_broken_audit_entry(p_tenant uuid) RETURNS bigint
  LANGUAGE plpgsql STABLE
  AS $$
DECLARE
  v_row record;
  v_previous text := NULL;
BEGIN
  FOR v_row IN SELECT * FROM public.audit_log
      WHERE tenant_id IS NOT DISTINCT FROM p_tenant ORDER BY id LOOP
    IF v_row.previous_hash IS DISTINCT FROM v_previous OR v_row.hash <> app.audit_hash(
        v_previous, v_row.tenant_id, v_row.occurred_at, v_row.actor_user_id, v_row.action,
        v_row.resource_type, v_row.resource_id, v_row.before, v_row.after) THEN
      RETURN v_row.id;
    END IF;
    v_previous := v_row.hash;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.append_audit(uuid, uuid, text, text, text, jsonb, jsonb, inet, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.append_audit(uuid, uuid, text, text, text, jsonb, jsonb, inet, text),
  app.audit_hash(text, uuid, timestamptz, uuid, text, text, text, jsonb, jsonb),
  app.find_broken_audit_entry(uuid) TO portal_app;
