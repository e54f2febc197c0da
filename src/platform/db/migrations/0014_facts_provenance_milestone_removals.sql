CREATE TABLE "package_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"file" text NOT NULL,
	"as_of" text,
	"loaded_at" timestamp with time zone NOT NULL,
	"projects" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "packages" ALTER COLUMN "synced_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "release_milestones" ALTER COLUMN "date" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "sync_run_id" bigint;--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "snapshot_id" integer;--> statement-breakpoint
ALTER TABLE "release_milestones" ADD COLUMN "action" text DEFAULT 'record' NOT NULL;--> statement-breakpoint
ALTER TABLE "charter_imports" ADD COLUMN "commit_sha" text;--> statement-breakpoint
ALTER TABLE "charter_imports" ADD COLUMN "committed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_sync_run_id_package_sync_runs_id_fk" FOREIGN KEY ("sync_run_id") REFERENCES "public"."package_sync_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_snapshot_id_package_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."package_snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_milestones" ADD CONSTRAINT "release_milestones_action_date" CHECK (("release_milestones"."action" = 'record' AND "release_milestones"."date" IS NOT NULL) OR ("release_milestones"."action" = 'remove' AND "release_milestones"."date" IS NULL));--> statement-breakpoint
-- Rows loaded before snapshots were recorded: one snapshot of unknown file and date, loaded when they were.
INSERT INTO "package_snapshots" ("file", "as_of", "loaded_at", "projects")
  SELECT 'unknown (loaded before snapshot files were recorded)', NULL, min("synced_at"), count(*)
  FROM "packages" WHERE "source" = 'snapshot' HAVING count(*) > 0;
--> statement-breakpoint
UPDATE "packages" SET "snapshot_id" = (SELECT max("id") FROM "package_snapshots")
  WHERE "source" = 'snapshot' OR "download_rank" IS NOT NULL;
--> statement-breakpoint
-- A snapshot load is not a sync: only rows a sync wrote keep a sync time.
UPDATE "packages" SET "synced_at" = NULL WHERE "source" = 'snapshot';
--> statement-breakpoint
UPDATE "packages" p SET "sync_run_id" = (
  SELECT max(i."run_id") FROM "package_sync_items" i
  WHERE i."name" = p."name" AND i."state" IN ('fetched', 'not_modified')
) WHERE p."source" = 'index';
--> statement-breakpoint
-- Recorded milestone dates and their removals are a history: never rewritten.
CREATE OR REPLACE FUNCTION release_milestones_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'release_milestones is append-only: record a new date or a removal instead';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER release_milestones_no_update BEFORE UPDATE OR DELETE ON "release_milestones"
  FOR EACH ROW EXECUTE FUNCTION release_milestones_append_only();
