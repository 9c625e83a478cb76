ALTER TABLE "policy_overrides" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "policy_history" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "feedback_cases" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "feedback_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "services" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "dossiers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "dossier_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Board defaults are global; the permission to change them is checked by the application.
GRANT SELECT, INSERT, UPDATE ON "policy_settings" TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "policy_overrides" TO portal_app;
--> statement-breakpoint
-- Policy history and case and dossier events are records: added, never changed.
GRANT SELECT, INSERT ON "policy_history", "feedback_events", "dossier_events" TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "feedback_cases", "services", "dossiers" TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_limits", "used_challenges" TO portal_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "integration_tokens" TO portal_app;
