CREATE TABLE "categories" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"slug" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"template_key" text,
	"is_standing" boolean DEFAULT false NOT NULL,
	"deadline" jsonb,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "categories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "preview_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"revision_id" uuid NOT NULL,
	"created_by" uuid,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "preview_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "slug_redirects" (
	"tenant_id" uuid NOT NULL,
	"type" text NOT NULL,
	"old_slug" text NOT NULL,
	"item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slug_redirects_tenant_id_type_old_slug_pk" PRIMARY KEY("tenant_id","type","old_slug")
);
--> statement-breakpoint
ALTER TABLE "slug_redirects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workflow_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"note" text,
	"revision_id" uuid,
	"source_tenant_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflow_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "workflow_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "category_id" uuid;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "current_revision_id" uuid;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "source_tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "provenance" jsonb;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "is_sensitive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "escalation_approved_by" uuid;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "assigned_editor_id" uuid;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "publish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "unpublish_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "first_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD COLUMN "based_on_revision_id" uuid;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD COLUMN "source_tenant_id" uuid;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."categories"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preview_links" ADD CONSTRAINT "preview_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slug_redirects" ADD CONSTRAINT "slug_redirects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "categories_slug_key" ON "categories" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "workflow_events_item_idx" ON "workflow_events" USING btree ("tenant_id","item_id","occurred_at");--> statement-breakpoint
CREATE INDEX "content_items_status_idx" ON "content_items" USING btree ("tenant_id","status","due_at");--> statement-breakpoint
CREATE INDEX "content_items_source_idx" ON "content_items" USING btree ("source_tenant_id");--> statement-breakpoint
CREATE POLICY "content_items_source_read" ON "content_items" AS PERMISSIVE FOR SELECT TO "portal_app" USING ("content_items"."source_tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "content_revisions_source_read" ON "content_revisions" AS PERMISSIVE FOR SELECT TO "portal_app" USING ("content_revisions"."source_tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "categories_tenant_isolation" ON "categories" AS PERMISSIVE FOR ALL TO "portal_app" USING ("categories"."tenant_id" = app.current_tenant()) WITH CHECK ("categories"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "categories_platform_read" ON "categories" AS PERMISSIVE FOR SELECT TO "portal_app" USING (app.current_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "preview_links_tenant_isolation" ON "preview_links" AS PERMISSIVE FOR ALL TO "portal_app" USING ("preview_links"."tenant_id" = app.current_tenant()) WITH CHECK ("preview_links"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "slug_redirects_tenant_isolation" ON "slug_redirects" AS PERMISSIVE FOR ALL TO "portal_app" USING ("slug_redirects"."tenant_id" = app.current_tenant()) WITH CHECK ("slug_redirects"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "workflow_events_tenant_isolation" ON "workflow_events" AS PERMISSIVE FOR ALL TO "portal_app" USING ("workflow_events"."tenant_id" = app.current_tenant()) WITH CHECK ("workflow_events"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "workflow_events_platform_read" ON "workflow_events" AS PERMISSIVE FOR SELECT TO "portal_app" USING (app.current_scope() = 'platform');--> statement-breakpoint
CREATE POLICY "workflow_events_source_read" ON "workflow_events" AS PERMISSIVE FOR SELECT TO "portal_app" USING ("workflow_events"."source_tenant_id" = app.current_tenant());