ALTER TABLE "categories" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workflow_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "slug_redirects" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "preview_links" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "categories" TO portal_app;
--> statement-breakpoint
-- Workflow events are the record of who did what: the application adds them, never changes them.
GRANT SELECT, INSERT ON "workflow_events" TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "slug_redirects", "preview_links" TO portal_app;
