DROP INDEX "votes_one_open_per_question";--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "subject_id" text;--> statement-breakpoint
-- Existing votes are membership votes (their subject is the person) or proposals (no subject).
UPDATE "votes" SET "subject_id" = "subject_person_id"::text WHERE "subject_person_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "votes_one_open_per_question" ON "votes" USING btree ("group_id","kind","subject_id") WHERE status = 'open' and subject_id is not null;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_kind_known" CHECK (kind in ('admit-member', 'remove-member', 'elect-chair', 'elect-co-chair', 'proposal', 'charter-change', 'funding-request', 'content-item', 'ownership-transfer'));