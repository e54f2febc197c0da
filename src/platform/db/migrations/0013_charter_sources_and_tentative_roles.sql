ALTER TABLE "group_roles" ADD COLUMN "tentative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "source_commit" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "source_committed_at" timestamp with time zone;