-- FORCE makes the policies hold for the table owner too, so an owner connection is no bypass.
ALTER TABLE "content_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "content_revisions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portal_app;
--> statement-breakpoint
-- Tenants and their hosts change only through the tenant sync, which runs as the owner.
GRANT SELECT ON "tenants", "tenant_domains" TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "content_items" TO portal_app;
--> statement-breakpoint
-- Revisions are immutable: the application may add them, never change or remove them.
GRANT SELECT, INSERT ON "content_revisions" TO portal_app;
