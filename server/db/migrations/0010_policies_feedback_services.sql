CREATE TABLE "policy_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "policy_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tenant_id" uuid,
	"key" text NOT NULL,
	"change" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "policy_overrides" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_overrides_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "policy_overrides" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "policy_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"bounds" jsonb,
	"is_locked" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_cases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"draft_item_id" uuid,
	"tracking_code_hash" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"topic" text,
	"status" text DEFAULT 'received' NOT NULL,
	"assigned_tenant_id" uuid,
	"sender_name" text,
	"sender_email" text,
	"sender_phone" text,
	"sender_organisation" text,
	"consent_at" timestamp with time zone NOT NULL,
	"personal_data_removed_at" timestamp with time zone,
	"attachment_media_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone,
	"next_progress_due_at" timestamp with time zone,
	"answer_body" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"published_at" timestamp with time zone,
	"rejection_reason" text,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_cases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "feedback_cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"is_public" boolean DEFAULT false NOT NULL,
	"actor_user_id" uuid,
	"assigned_tenant_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "feedback_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "used_challenges" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"event_id" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	CONSTRAINT "dossier_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "dossier_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "dossiers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"code" text NOT NULL,
	"applicant_name" text,
	"applicant_phone" text,
	"applicant_email" text,
	"applicant_id_number" text,
	"lookup_secret_hash" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"received_on" date NOT NULL,
	"due_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "dossiers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "integration_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "services" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"procedure_name" text NOT NULL,
	"provision" text NOT NULL,
	"legacy_level" integer,
	"field" text NOT NULL,
	"agency" text NOT NULL,
	"fees" text,
	"processing_days" integer NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"how_to_apply" text,
	"external_url" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "services" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "policy_overrides" ADD CONSTRAINT "policy_overrides_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_cases" ADD CONSTRAINT "feedback_cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_tokens" ADD CONSTRAINT "integration_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_history_key_idx" ON "policy_history" USING btree ("key","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_cases_tracking_key" ON "feedback_cases" USING btree ("tracking_code_hash");--> statement-breakpoint
CREATE INDEX "feedback_cases_status_idx" ON "feedback_cases" USING btree ("tenant_id","status","due_at");--> statement-breakpoint
CREATE INDEX "feedback_cases_assigned_idx" ON "feedback_cases" USING btree ("assigned_tenant_id","status");--> statement-breakpoint
CREATE INDEX "feedback_cases_draft_idx" ON "feedback_cases" USING btree ("tenant_id","draft_item_id");--> statement-breakpoint
CREATE INDEX "feedback_events_case_idx" ON "feedback_events" USING btree ("tenant_id","case_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_events_event_key" ON "dossier_events" USING btree ("tenant_id","event_id");--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("tenant_id","dossier_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_key" ON "dossiers" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "dossiers_service_idx" ON "dossiers" USING btree ("tenant_id","service_id","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_tokens_hash_key" ON "integration_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "services_code_key" ON "services" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "services_published_idx" ON "services" USING btree ("is_published","field");--> statement-breakpoint
CREATE POLICY "policy_history_read" ON "policy_history" AS PERMISSIVE FOR SELECT TO "portal_app" USING ("policy_history"."tenant_id" is null or "policy_history"."tenant_id" = app.current_tenant() or app.current_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "policy_history_append" ON "policy_history" AS PERMISSIVE FOR INSERT TO "portal_app" WITH CHECK ("policy_history"."tenant_id" is null or "policy_history"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "policy_overrides_tenant_isolation" ON "policy_overrides" AS PERMISSIVE FOR ALL TO "portal_app" USING ("policy_overrides"."tenant_id" = app.current_tenant()) WITH CHECK ("policy_overrides"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "policy_overrides_platform_read" ON "policy_overrides" AS PERMISSIVE FOR SELECT TO "portal_app" USING (app.current_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "feedback_cases_tenant_isolation" ON "feedback_cases" AS PERMISSIVE FOR ALL TO "portal_app" USING ("feedback_cases"."tenant_id" = app.current_tenant()) WITH CHECK ("feedback_cases"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "feedback_cases_assigned_read" ON "feedback_cases" AS PERMISSIVE FOR SELECT TO "portal_app" USING ("feedback_cases"."assigned_tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "feedback_cases_assigned_update" ON "feedback_cases" AS PERMISSIVE FOR UPDATE TO "portal_app" USING ("feedback_cases"."assigned_tenant_id" = app.current_tenant()) WITH CHECK ("feedback_cases"."assigned_tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "feedback_cases_platform_read" ON "feedback_cases" AS PERMISSIVE FOR SELECT TO "portal_app" USING (app.current_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "feedback_events_tenant_isolation" ON "feedback_events" AS PERMISSIVE FOR ALL TO "portal_app" USING ("feedback_events"."tenant_id" = app.current_tenant()) WITH CHECK ("feedback_events"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "feedback_events_assigned_read" ON "feedback_events" AS PERMISSIVE FOR SELECT TO "portal_app" USING ("feedback_events"."assigned_tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "feedback_events_assigned_insert" ON "feedback_events" AS PERMISSIVE FOR INSERT TO "portal_app" WITH CHECK ("feedback_events"."assigned_tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "feedback_events_platform_read" ON "feedback_events" AS PERMISSIVE FOR SELECT TO "portal_app" USING (app.current_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "dossier_events_tenant_isolation" ON "dossier_events" AS PERMISSIVE FOR ALL TO "portal_app" USING ("dossier_events"."tenant_id" = app.current_tenant()) WITH CHECK ("dossier_events"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "dossier_events_platform_read" ON "dossier_events" AS PERMISSIVE FOR SELECT TO "portal_app" USING (app.current_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "dossiers_tenant_isolation" ON "dossiers" AS PERMISSIVE FOR ALL TO "portal_app" USING ("dossiers"."tenant_id" = app.current_tenant()) WITH CHECK ("dossiers"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "dossiers_platform_read" ON "dossiers" AS PERMISSIVE FOR SELECT TO "portal_app" USING (app.current_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "services_tenant_isolation" ON "services" AS PERMISSIVE FOR ALL TO "portal_app" USING ("services"."tenant_id" = app.current_tenant()) WITH CHECK ("services"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "services_public_read" ON "services" AS PERMISSIVE FOR SELECT TO "portal_app" USING ("services"."is_published");--> statement-breakpoint
CREATE POLICY "services_platform_read" ON "services" AS PERMISSIVE FOR SELECT TO "portal_app" USING (app.current_scope() = 'platform');