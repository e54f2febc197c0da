CREATE TABLE "contact_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"package_name" text NOT NULL,
	"attempted_on" date NOT NULL,
	"channel" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"outcome" text NOT NULL,
	"by_user_id" integer,
	"by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contact_attempts_channel" CHECK ("contact_attempts"."channel" in ('email', 'issue', 'social', 'chat', 'other')),
	CONSTRAINT "contact_attempts_outcome" CHECK ("contact_attempts"."outcome" in ('no-reply', 'bounced', 'replied'))
);
--> statement-breakpoint
CREATE TABLE "roadies" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"capacity" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roadies_capacity" CHECK ("roadies"."capacity" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "series_channels" (
	"series" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"set_by_user_id" integer,
	"set_by_name" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracker_subscriptions" (
	"user_id" integer NOT NULL,
	"package_name" text NOT NULL,
	"subscribed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tracker_subscriptions_user_id_package_name_pk" PRIMARY KEY("user_id","package_name")
);
--> statement-breakpoint
CREATE TABLE "transfer_steps" (
	"transfer_id" integer NOT NULL,
	"step" text NOT NULL,
	"owner" text NOT NULL,
	"state" text DEFAULT 'to-do' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by_name" text,
	"updated_at" timestamp with time zone,
	CONSTRAINT "transfer_steps_transfer_id_step_pk" PRIMARY KEY("transfer_id","step"),
	CONSTRAINT "transfer_steps_step" CHECK ("transfer_steps"."step" in ('pypi-roles', 'repository', 'documentation', 'ci-secrets', 'readme-badges', 'announcement')),
	CONSTRAINT "transfer_steps_owner" CHECK ("transfer_steps"."owner" in ('from', 'to', 'roadie')),
	CONSTRAINT "transfer_steps_state" CHECK ("transfer_steps"."state" in ('to-do', 'in-progress', 'done', 'not-needed'))
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"package_name" text NOT NULL,
	"from_kind" text NOT NULL,
	"from_name" text NOT NULL,
	"to_kind" text NOT NULL,
	"to_name" text NOT NULL,
	"add_pypi_owners" text[] DEFAULT '{}'::text[] NOT NULL,
	"remove_pypi_owners" text[] DEFAULT '{}'::text[] NOT NULL,
	"roadie_user_id" integer,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by_user_id" integer,
	"created_by_name" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "transfers_state" CHECK ("transfers"."state" in ('open', 'done', 'cancelled')),
	CONSTRAINT "transfers_from_kind" CHECK ("transfers"."from_kind" in ('person', 'jazzband', 'organisation')),
	CONSTRAINT "transfers_to_kind" CHECK ("transfers"."to_kind" in ('person', 'django-commons', 'wagtail-nest', 'organisation')),
	CONSTRAINT "transfers_closed" CHECK (("transfers"."state" = 'open') = ("transfers"."closed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "maintainer_calls" ADD COLUMN "suits_mentee" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_package_name_packages_name_fk" FOREIGN KEY ("package_name") REFERENCES "public"."packages"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_attempts" ADD CONSTRAINT "contact_attempts_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roadies" ADD CONSTRAINT "roadies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_channels" ADD CONSTRAINT "series_channels_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracker_subscriptions" ADD CONSTRAINT "tracker_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracker_subscriptions" ADD CONSTRAINT "tracker_subscriptions_package_name_packages_name_fk" FOREIGN KEY ("package_name") REFERENCES "public"."packages"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_steps" ADD CONSTRAINT "transfer_steps_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_package_name_packages_name_fk" FOREIGN KEY ("package_name") REFERENCES "public"."packages"("name") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_roadie_user_id_users_id_fk" FOREIGN KEY ("roadie_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_attempts_package" ON "contact_attempts" USING btree ("package_name","attempted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "roadies_user" ON "roadies" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tracker_subscriptions_package" ON "tracker_subscriptions" USING btree ("package_name");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_one_open" ON "transfers" USING btree ("package_name") WHERE "transfers"."state" = 'open';--> statement-breakpoint
CREATE INDEX "transfers_roadie" ON "transfers" USING btree ("roadie_user_id","state");