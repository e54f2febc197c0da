CREATE TABLE "ecosystem_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"taken_on" date NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"taken_by" text NOT NULL,
	"title" text NOT NULL,
	"data" jsonb NOT NULL,
	"questions" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "package_release_declarations" (
	"name" text NOT NULL,
	"version" text NOT NULL,
	"uploaded_at" timestamp with time zone,
	"classifiers" jsonb NOT NULL,
	"requires_dist" jsonb NOT NULL,
	"requires_python" text,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "package_release_declarations_name_version_pk" PRIMARY KEY("name","version")
);
--> statement-breakpoint
CREATE TABLE "package_repositories" (
	"name" text PRIMARY KEY NOT NULL,
	"repo" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"archived" boolean,
	"pushed_at" timestamp with time zone,
	"default_branch" text,
	"open_issues" integer,
	"security_policy" boolean,
	"ci_conclusion" text,
	"ci_run_at" timestamp with time zone,
	"etags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fetched_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "packages" ADD COLUMN "vulnerabilities" jsonb;--> statement-breakpoint
ALTER TABLE "package_release_declarations" ADD CONSTRAINT "package_release_declarations_name_packages_name_fk" FOREIGN KEY ("name") REFERENCES "public"."packages"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_repositories" ADD CONSTRAINT "package_repositories_name_packages_name_fk" FOREIGN KEY ("name") REFERENCES "public"."packages"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "package_repositories_repo" ON "package_repositories" USING btree ("repo");