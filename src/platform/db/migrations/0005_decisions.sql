CREATE TABLE "group_decision_settings" (
	"group_id" integer PRIMARY KEY NOT NULL,
	"base_rule" text DEFAULT 'electorate' NOT NULL,
	"secrecy" text DEFAULT 'open' NOT NULL,
	"next_meeting_on" date,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"user_id" integer,
	"statement" text NOT NULL,
	"skills" text NOT NULL,
	"time_commitment" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open_ballots" (
	"vote_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"choice" text NOT NULL,
	"cast_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "term_reminders" (
	"role_period_id" integer NOT NULL,
	"term_ends_on" date NOT NULL,
	"threshold_days" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "term_reminders_role_period_id_term_ends_on_threshold_days_pk" PRIMARY KEY("role_period_id","term_ends_on","threshold_days")
);
--> statement-breakpoint
CREATE TABLE "vote_electorate" (
	"vote_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	CONSTRAINT "vote_electorate_vote_id_person_id_pk" PRIMARY KEY("vote_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "vote_extensions" (
	"id" serial PRIMARY KEY NOT NULL,
	"vote_id" integer NOT NULL,
	"from_closes_at" timestamp with time zone NOT NULL,
	"to_closes_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"by_person_id" integer,
	"extended_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_participation" (
	"vote_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"voted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"kind" text NOT NULL,
	"subject_person_id" integer,
	"application_id" integer,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"secrecy" text NOT NULL,
	"base_rule" text NOT NULL,
	"electorate_size" integer NOT NULL,
	"opened_by_person_id" integer,
	"opened_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"yes" integer DEFAULT 0 NOT NULL,
	"no" integer DEFAULT 0 NOT NULL,
	"abstain" integer DEFAULT 0 NOT NULL,
	"base" integer,
	"outcome" text,
	"close_reason" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "group_decision_settings" ADD CONSTRAINT "group_decision_settings_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_ballots" ADD CONSTRAINT "open_ballots_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_ballots" ADD CONSTRAINT "open_ballots_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_reminders" ADD CONSTRAINT "term_reminders_role_period_id_role_periods_id_fk" FOREIGN KEY ("role_period_id") REFERENCES "public"."role_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_electorate" ADD CONSTRAINT "vote_electorate_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_electorate" ADD CONSTRAINT "vote_electorate_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_extensions" ADD CONSTRAINT "vote_extensions_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_extensions" ADD CONSTRAINT "vote_extensions_by_person_id_people_id_fk" FOREIGN KEY ("by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_participation" ADD CONSTRAINT "vote_participation_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_participation" ADD CONSTRAINT "vote_participation_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_subject_person_id_people_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_application_id_membership_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."membership_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_opened_by_person_id_people_id_fk" FOREIGN KEY ("opened_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_applications_group" ON "membership_applications" USING btree ("group_id","status");--> statement-breakpoint
CREATE INDEX "membership_applications_person" ON "membership_applications" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open_ballots_once" ON "open_ballots" USING btree ("vote_id","person_id");--> statement-breakpoint
CREATE INDEX "vote_extensions_vote" ON "vote_extensions" USING btree ("vote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vote_participation_once" ON "vote_participation" USING btree ("vote_id","person_id");--> statement-breakpoint
CREATE INDEX "votes_group" ON "votes" USING btree ("group_id","status");--> statement-breakpoint
CREATE INDEX "votes_open" ON "votes" USING btree ("status","closes_at");