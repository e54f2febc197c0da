CREATE TABLE "person_merges" (
	"id" serial PRIMARY KEY NOT NULL,
	"kept_person_id" integer NOT NULL,
	"merged_person_id" integer NOT NULL,
	"merged_slug" text NOT NULL,
	"merged_name" text NOT NULL,
	"reason" text NOT NULL,
	"suggestion_id" integer,
	"merged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_kept_person_id_people_id_fk" FOREIGN KEY ("kept_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;