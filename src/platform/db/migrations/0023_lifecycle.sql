CREATE TABLE "charter_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"status" text NOT NULL,
	"class" text NOT NULL,
	"fields" jsonb NOT NULL,
	"summary" text NOT NULL,
	"before_markdown" text NOT NULL,
	"after_markdown" text NOT NULL,
	"after_charter" jsonb NOT NULL,
	"vote_id" integer,
	"proposed_by_person_id" integer,
	"proposed_by_user_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "charter_changes_status" CHECK (status in ('proposed', 'voting', 'applied', 'rejected', 'withdrawn')),
	CONSTRAINT "charter_changes_class" CHECK (class in ('substantive', 'membership', 'arrangements', 'editorial'))
);
--> statement-breakpoint
CREATE TABLE "group_proposal_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"proposal_id" integer NOT NULL,
	"number" integer NOT NULL,
	"markdown" text NOT NULL,
	"charter" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_person_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_proposal_revisions_number_positive" CHECK ("group_proposal_revisions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "group_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"author_user_id" integer,
	"author_person_id" integer,
	"group_id" integer,
	"vote_id" integer,
	"feedback" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"ready_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "group_proposals_status" CHECK (status in ('draft', 'ready', 'voting', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "group_proposals_source" CHECK ("group_proposals"."source" in ('guildhall', 'import'))
);
--> statement-breakpoint
CREATE TABLE "group_shutdowns" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"ground" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"vote_id" integer,
	"final_report_id" integer,
	"started_by_person_id" integer,
	"started_by_user_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	CONSTRAINT "group_shutdowns_ground" CHECK (ground in ('voluntary', 'membership', 'defunct', 'board-vote')),
	CONSTRAINT "group_shutdowns_status" CHECK (status in ('voting', 'rejected', 'archiving', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "lifecycle_checklist" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"step" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"done_by_person_id" integer,
	"done_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lifecycle_checklist_subject" CHECK ("lifecycle_checklist"."subject_kind" in ('proposal', 'shutdown')),
	CONSTRAINT "lifecycle_checklist_step" CHECK (step in ('charter-pr', 'channels', 'first-meeting', 'final-report', 'charter-archived', 'channels-closed')),
	CONSTRAINT "lifecycle_checklist_outcome" CHECK ("lifecycle_checklist"."outcome" in ('done', 'skipped'))
);
--> statement-breakpoint
ALTER TABLE "votes" DROP CONSTRAINT "votes_kind_known";--> statement-breakpoint
ALTER TABLE "charter_changes" ADD CONSTRAINT "charter_changes_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_changes" ADD CONSTRAINT "charter_changes_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_changes" ADD CONSTRAINT "charter_changes_proposed_by_person_id_people_id_fk" FOREIGN KEY ("proposed_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_changes" ADD CONSTRAINT "charter_changes_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_proposal_revisions" ADD CONSTRAINT "group_proposal_revisions_proposal_id_group_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."group_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_proposal_revisions" ADD CONSTRAINT "group_proposal_revisions_created_by_person_id_people_id_fk" FOREIGN KEY ("created_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_proposals" ADD CONSTRAINT "group_proposals_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_proposals" ADD CONSTRAINT "group_proposals_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_proposals" ADD CONSTRAINT "group_proposals_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_proposals" ADD CONSTRAINT "group_proposals_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_shutdowns" ADD CONSTRAINT "group_shutdowns_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_shutdowns" ADD CONSTRAINT "group_shutdowns_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_shutdowns" ADD CONSTRAINT "group_shutdowns_final_report_id_group_reports_id_fk" FOREIGN KEY ("final_report_id") REFERENCES "public"."group_reports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_shutdowns" ADD CONSTRAINT "group_shutdowns_started_by_person_id_people_id_fk" FOREIGN KEY ("started_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_shutdowns" ADD CONSTRAINT "group_shutdowns_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_checklist" ADD CONSTRAINT "lifecycle_checklist_done_by_person_id_people_id_fk" FOREIGN KEY ("done_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "charter_changes_one_pending" ON "charter_changes" USING btree ("group_id") WHERE status in ('proposed', 'voting');--> statement-breakpoint
CREATE INDEX "charter_changes_group" ON "charter_changes" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "group_proposal_revisions_number" ON "group_proposal_revisions" USING btree ("proposal_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "group_proposals_one_per_slug" ON "group_proposals" USING btree ("slug") WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "group_shutdowns_one_open" ON "group_shutdowns" USING btree ("group_id") WHERE status in ('voting', 'archiving');--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycle_checklist_once" ON "lifecycle_checklist" USING btree ("subject_kind","subject_id","step");--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_kind_known" CHECK (kind in ('admit-member', 'remove-member', 'elect-chair', 'elect-co-chair', 'proposal', 'charter-change', 'group-proposal', 'group-shutdown', 'board-shutdown', 'funding-request', 'content-item', 'ownership-transfer'));