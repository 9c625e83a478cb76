CREATE TABLE "tenant_domains" (
	"hostname" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"is_canonical" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenant_domains_hostname_check" CHECK ("tenant_domains"."hostname" = lower("tenant_domains"."hostname"))
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"abbreviation" text NOT NULL,
	"description_vi" text NOT NULL,
	"description_en" text,
	"external_url" text,
	"theme" jsonb NOT NULL,
	"operator" jsonb NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_external_url_check" CHECK (("tenants"."kind" = 'independent') = ("tenants"."external_url" is not null))
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_revision_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "content_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "content_revisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text,
	"lead_vi" text,
	"lead_en" text,
	"body_vi" text DEFAULT '' NOT NULL,
	"body_en" text,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_revisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "content_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tenant_domains" ADD CONSTRAINT "tenant_domains_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_revisions" ADD CONSTRAINT "content_revisions_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."content_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tenant_domains_tenant_idx" ON "tenant_domains" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_domains_one_canonical_key" ON "tenant_domains" USING btree ("tenant_id") WHERE "tenant_domains"."is_canonical";--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "tenants_one_main_key" ON "tenants" USING btree ("kind") WHERE "tenants"."kind" = 'main';--> statement-breakpoint
CREATE UNIQUE INDEX "content_items_slug_key" ON "content_items" USING btree ("tenant_id","type","slug");--> statement-breakpoint
CREATE INDEX "content_items_published_idx" ON "content_items" USING btree ("tenant_id","type","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "content_revisions_number_key" ON "content_revisions" USING btree ("tenant_id","item_id","number");--> statement-breakpoint
CREATE POLICY "content_items_tenant_isolation" ON "content_items" AS PERMISSIVE FOR ALL TO "portal_app" USING ("content_items"."tenant_id" = app.current_tenant()) WITH CHECK ("content_items"."tenant_id" = app.current_tenant());--> statement-breakpoint
CREATE POLICY "content_revisions_tenant_isolation" ON "content_revisions" AS PERMISSIVE FOR ALL TO "portal_app" USING ("content_revisions"."tenant_id" = app.current_tenant()) WITH CHECK ("content_revisions"."tenant_id" = app.current_tenant());