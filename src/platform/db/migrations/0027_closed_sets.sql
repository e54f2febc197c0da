ALTER TABLE "foundation_roles" ADD CONSTRAINT "foundation_roles_role" CHECK (role in ('dsf-member', 'board-member', 'steering-council-member', 'fellow', 'president', 'site-admin'));--> statement-breakpoint
ALTER TABLE "person_claims" ADD CONSTRAINT "person_claims_status" CHECK (status in ('pending', 'confirmed', 'rejected'));--> statement-breakpoint
ALTER TABLE "role_periods" ADD CONSTRAINT "role_periods_role" CHECK (role in ('chair', 'co-chair', 'board-liaison', 'steering-council-liaison', 'member', 'other'));--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_method" CHECK (method in ('github', 'email'));--> statement-breakpoint
ALTER TABLE "group_decision_settings" ADD CONSTRAINT "group_decision_settings_base_rule" CHECK (base_rule in ('electorate', 'cast', 'consensus'));--> statement-breakpoint
ALTER TABLE "group_decision_settings" ADD CONSTRAINT "group_decision_settings_secrecy" CHECK (secrecy in ('open', 'secret'));--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_status" CHECK (status in ('pending', 'voting', 'accepted', 'rejected', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_status" CHECK (status in ('open', 'closed'));--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_outcome" CHECK ("votes"."outcome" is null or outcome in ('passed', 'failed'));--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_secrecy" CHECK (secrecy in ('open', 'secret'));--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_base_rule" CHECK (base_rule in ('electorate', 'cast', 'consensus'));--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_close_reason" CHECK ("votes"."close_reason" is null or close_reason in ('deadline', 'decided'));--> statement-breakpoint
ALTER TABLE "package_repositories" ADD CONSTRAINT "package_repositories_status" CHECK (status in ('ok', 'not_found', 'error'));--> statement-breakpoint
ALTER TABLE "package_sync_items" ADD CONSTRAINT "package_sync_items_state_known" CHECK (state in ('pending', 'fetched', 'not_modified', 'error'));--> statement-breakpoint
ALTER TABLE "package_sync_problems" ADD CONSTRAINT "package_sync_problems_kind" CHECK (kind in ('not_found', 'malformed', 'truncated', 'http', 'timeout', 'network', 'metadata'));--> statement-breakpoint
ALTER TABLE "package_sync_runs" ADD CONSTRAINT "package_sync_runs_status" CHECK (status in ('running', 'finished'));--> statement-breakpoint
ALTER TABLE "package_sync_runs" ADD CONSTRAINT "package_sync_runs_scope" CHECK (scope in ('listed', 'catalogue'));--> statement-breakpoint
ALTER TABLE "alias_suggestions" ADD CONSTRAINT "alias_suggestions_status" CHECK (status in ('pending', 'accepted', 'rejected'));--> statement-breakpoint
ALTER TABLE "group_events" ADD CONSTRAINT "group_events_kind" CHECK (kind in ('proposed', 'activated', 'archived', 'status-changed', 'renamed', 'joined', 'left', 'role-changed'));--> statement-breakpoint
ALTER TABLE "group_events" ADD CONSTRAINT "group_events_source" CHECK (source in ('history', 'import'));--> statement-breakpoint
ALTER TABLE "group_roles" ADD CONSTRAINT "group_roles_role" CHECK (role in ('chair', 'co-chair', 'board-liaison', 'steering-council-liaison', 'member', 'other', 'alumnus'));--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_kind" CHECK (kind in ('working-group', 'team'));--> statement-breakpoint
ALTER TABLE "groups" ADD CONSTRAINT "groups_status" CHECK (status in ('active', 'draft', 'archived', 'proposed', 'unknown'));--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_cadence" CHECK (cadence in ('weekly', 'fortnightly', 'monthly', 'every-two-months', 'quarterly', 'twice-yearly', 'annual', 'as-needed', 'none', 'other', 'unknown'));--> statement-breakpoint
ALTER TABLE "report_tracking" ADD CONSTRAINT "report_tracking_cadence" CHECK (cadence in ('weekly', 'fortnightly', 'monthly', 'every-two-months', 'quarterly', 'twice-yearly', 'annual', 'as-needed', 'none', 'other'));