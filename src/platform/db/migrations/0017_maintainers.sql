CREATE TYPE "public"."maintainer_call_state" AS ENUM('open', 'filled', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."maintainer_offer_state" AS ENUM('offered', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."tracker_status" AS ENUM('in-progress', 'not-started', 'blocked');--> statement-breakpoint
CREATE TABLE "maintainer_calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"package_name" text NOT NULL,
	"help" text NOT NULL,
	"skills" text NOT NULL,
	"hours_per_week" integer NOT NULL,
	"state" "maintainer_call_state" DEFAULT 'open' NOT NULL,
	"created_by_user_id" integer,
	"created_by_name" text NOT NULL,
	"created_as" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "maintainer_calls_hours" CHECK ("maintainer_calls"."hours_per_week" between 1 and 80),
	CONSTRAINT "maintainer_calls_closed" CHECK (("maintainer_calls"."state" = 'open') = ("maintainer_calls"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "maintainer_offers" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"pypi_user" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"state" "maintainer_offer_state" DEFAULT 'offered' NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" integer,
	CONSTRAINT "maintainer_offers_accepted" CHECK (("maintainer_offers"."state" = 'accepted') = ("maintainer_offers"."accepted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "tracker_entries" (
	"series" text NOT NULL,
	"package_name" text NOT NULL,
	"status" "tracker_status" NOT NULL,
	"link" text,
	"reason" text,
	"set_by_user_id" integer,
	"set_by_name" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracker_entries_series_package_name_pk" PRIMARY KEY("series","package_name"),
	CONSTRAINT "tracker_entries_link" CHECK ("tracker_entries"."status" <> 'in-progress' or "tracker_entries"."link" is not null),
	CONSTRAINT "tracker_entries_reason" CHECK ("tracker_entries"."status" <> 'blocked' or "tracker_entries"."reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "maintainer_calls" ADD CONSTRAINT "maintainer_calls_package_name_packages_name_fk" FOREIGN KEY ("package_name") REFERENCES "public"."packages"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintainer_calls" ADD CONSTRAINT "maintainer_calls_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintainer_offers" ADD CONSTRAINT "maintainer_offers_call_id_maintainer_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."maintainer_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintainer_offers" ADD CONSTRAINT "maintainer_offers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintainer_offers" ADD CONSTRAINT "maintainer_offers_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracker_entries" ADD CONSTRAINT "tracker_entries_package_name_packages_name_fk" FOREIGN KEY ("package_name") REFERENCES "public"."packages"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracker_entries" ADD CONSTRAINT "tracker_entries_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "maintainer_calls_one_open" ON "maintainer_calls" USING btree ("package_name") WHERE "maintainer_calls"."state" = 'open';--> statement-breakpoint
CREATE INDEX "maintainer_calls_state" ON "maintainer_calls" USING btree ("state","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "maintainer_offers_once" ON "maintainer_offers" USING btree ("call_id","user_id");