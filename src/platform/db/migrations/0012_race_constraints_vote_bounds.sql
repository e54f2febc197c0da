-- Races made duplicates (parallel applications, parallel identical votes, overlapping member
-- periods from votes passing together). The database now refuses them; the application maps a
-- violation to a 409 naming the constraint (src/platform/db/errors.ts).
-- A database already holding such duplicates must have them resolved before this migration runs.
ALTER TABLE "group_decision_settings" ADD COLUMN "max_vote_days" integer DEFAULT 28 NOT NULL;--> statement-breakpoint
ALTER TABLE "group_decision_settings" ADD CONSTRAINT "group_decision_settings_max_vote_days_range" CHECK ("max_vote_days" BETWEEN 1 AND 365);--> statement-breakpoint
-- Votes opened before this migration may run to 28 days after opening, or to their current closing time if later.
ALTER TABLE "votes" ADD COLUMN "latest_closes_at" timestamp with time zone;--> statement-breakpoint
UPDATE "votes" SET "latest_closes_at" = greatest("closes_at", "opened_at" + interval '28 days');--> statement-breakpoint
ALTER TABLE "votes" ALTER COLUMN "latest_closes_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_closes_within_bound" CHECK ("closes_at" <= "latest_closes_at");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_applications_one_open" ON "membership_applications" USING btree ("group_id","person_id") WHERE status in ('pending', 'voting');--> statement-breakpoint
CREATE UNIQUE INDEX "votes_one_open_per_question" ON "votes" USING btree ("group_id","kind","subject_person_id") WHERE status = 'open' and subject_person_id is not null;--> statement-breakpoint
-- Periods of one role never overlap. Equality on plain columns inside a GiST index needs btree_gist
-- (PGlite loads it too: src/platform/db/client.ts). A period ended before it started counts as empty.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "role_periods" ADD CONSTRAINT "role_periods_no_overlap" EXCLUDE USING gist (
  "group_id" WITH =,
  "person_id" WITH =,
  "role" WITH =,
  "title" WITH =,
  daterange("started_on", CASE WHEN "ended_on" < "started_on" THEN "started_on" ELSE "ended_on" END, '[)') WITH &&
);
