CREATE TABLE "release_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"series" text NOT NULL,
	"milestone" text NOT NULL,
	"date" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE INDEX "release_milestones_series" ON "release_milestones" USING btree ("series","milestone","recorded_at");