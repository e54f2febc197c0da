CREATE TABLE "package_releases" (
	"name" text NOT NULL,
	"version" text NOT NULL,
	"uploaded_at" timestamp with time zone,
	"yanked" boolean DEFAULT false NOT NULL,
	"requires_python" text,
	CONSTRAINT "package_releases_name_version_pk" PRIMARY KEY("name","version")
);
--> statement-breakpoint
CREATE TABLE "package_sync_items" (
	"run_id" bigint NOT NULL,
	"name" text NOT NULL,
	"serial" bigint NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	CONSTRAINT "package_sync_items_run_id_name_pk" PRIMARY KEY("run_id","name")
);
--> statement-breakpoint
CREATE TABLE "package_sync_problems" (
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"serial" bigint,
	"run_id" bigint,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "package_sync_problems_name_kind_pk" PRIMARY KEY("name","kind")
);
--> statement-breakpoint
CREATE TABLE "package_sync_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"index_url" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"index_serial" bigint,
	"listed" integer DEFAULT 0 NOT NULL,
	"queued" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"name" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"latest_version" text NOT NULL,
	"latest_release_at" timestamp with time zone,
	"download_rank" integer,
	"summary" text,
	"classifiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requires_dist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requires_python" text,
	"project_urls" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"yanked" boolean DEFAULT false NOT NULL,
	"ownership" jsonb DEFAULT '{"roles":[],"organization":null}'::jsonb NOT NULL,
	"last_serial" bigint,
	"etag" text,
	"source" text NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"core_metadata" jsonb
);
--> statement-breakpoint
ALTER TABLE "package_releases" ADD CONSTRAINT "package_releases_name_packages_name_fk" FOREIGN KEY ("name") REFERENCES "public"."packages"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_sync_items" ADD CONSTRAINT "package_sync_items_run_id_package_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."package_sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "package_sync_items_state" ON "package_sync_items" USING btree ("run_id","state");--> statement-breakpoint
CREATE INDEX "packages_download_rank" ON "packages" USING btree ("download_rank");--> statement-breakpoint
CREATE INDEX "packages_latest_release" ON "packages" USING btree ("latest_release_at");