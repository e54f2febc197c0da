ALTER TABLE "package_sync_runs" ADD COLUMN "scope" text DEFAULT 'listed' NOT NULL;--> statement-breakpoint
ALTER TABLE "package_sync_runs" ADD COLUMN "out_of_scope" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "package_sync_runs" ADD COLUMN "delisted" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "package_sync_runs" ADD COLUMN "relisted" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "delisted_at" timestamp with time zone;