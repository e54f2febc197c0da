CREATE TABLE "group_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"cadence" text NOT NULL,
	"visibility" text NOT NULL,
	"highlights" jsonb NOT NULL,
	"asks" jsonb NOT NULL,
	"challenges" text,
	"next_steps" text,
	"notes" text,
	"submitted_by_user_id" integer,
	"submitted_by_person_id" integer,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_reports_visibility" CHECK ("group_reports"."visibility" in ('public', 'board')),
	CONSTRAINT "group_reports_period_order" CHECK ("group_reports"."period_start" <= "group_reports"."period_end"),
	CONSTRAINT "group_reports_highlights_count" CHECK (jsonb_array_length("group_reports"."highlights") between 3 and 5)
);
--> statement-breakpoint
CREATE TABLE "report_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"ends_on" date,
	"decided_on" date NOT NULL,
	"decided_by_user_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_decisions_kind" CHECK ("report_decisions"."kind" in ('exception', 'shutdown')),
	CONSTRAINT "report_decisions_exception_end" CHECK (("report_decisions"."kind" = 'exception') = ("report_decisions"."ends_on" is not null) and ("report_decisions"."ends_on" is null or "report_decisions"."ends_on" >= "report_decisions"."decided_on"))
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_events_kind" CHECK ("report_events"."kind" in ('reminder-before', 'reminder-after', 'overdue', 'missed', 'defunct'))
);
--> statement-breakpoint
CREATE TABLE "report_tracking" (
	"group_id" integer PRIMARY KEY NOT NULL,
	"cadence" text NOT NULL,
	"tracked_from" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_submitted_by_person_id_people_id_fk" FOREIGN KEY ("submitted_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decisions" ADD CONSTRAINT "report_decisions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_decisions" ADD CONSTRAINT "report_decisions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_tracking" ADD CONSTRAINT "report_tracking_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_reports_one_per_period" ON "group_reports" USING btree ("group_id","period_start");--> statement-breakpoint
CREATE INDEX "group_reports_submitted" ON "group_reports" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "report_decisions_group" ON "report_decisions" USING btree ("group_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "report_events_once" ON "report_events" USING btree ("group_id","period_start","kind");--> statement-breakpoint
CREATE TRIGGER group_reports_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_reports
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
--> statement-breakpoint
CREATE TRIGGER report_events_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_events
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
--> statement-breakpoint
CREATE TRIGGER report_decisions_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
--> statement-breakpoint
CREATE TRIGGER report_tracking_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_tracking
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
