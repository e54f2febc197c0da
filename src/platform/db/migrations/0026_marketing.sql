CREATE TABLE "marketing_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"network" text,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"slug" text,
	"summary" text,
	"authors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"social_card_url" text,
	"social_card_alt" text,
	"body" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" integer,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"lock_user_id" integer,
	"lock_name" text,
	"lock_expires_at" timestamp with time zone,
	"scheduled_for" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "marketing_items_kind" CHECK ("marketing_items"."kind" in ('blog-post','www-page','www-template-page','fundraising-page','docs-contribution','social-post','community-announcement','event-collateral','campaign-site-page')),
	CONSTRAINT "marketing_items_state_check" CHECK ("marketing_items"."state" in ('draft','in-review','changes-requested','approved','scheduled','published','archived')),
	CONSTRAINT "marketing_items_network" CHECK (("marketing_items"."kind" = 'social-post' and "marketing_items"."network" in ('mastodon','bluesky','linkedin')) or ("marketing_items"."kind" = 'community-announcement' and "marketing_items"."network" in ('forum','discord')) or ("marketing_items"."kind" not in ('social-post','community-announcement') and "marketing_items"."network" is null)),
	CONSTRAINT "marketing_items_scheduled" CHECK ("marketing_items"."state" <> 'scheduled' or "marketing_items"."scheduled_for" is not null)
);
--> statement-breakpoint
CREATE TABLE "marketing_matrix_overrides" (
	"kind" text PRIMARY KEY NOT NULL,
	"steps" jsonb NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" integer,
	"by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "marketing_matrix_overrides_kind" CHECK ("marketing_matrix_overrides"."kind" in ('blog-post','www-page','www-template-page','fundraising-page','docs-contribution','social-post','community-announcement','event-collateral','campaign-site-page'))
);
--> statement-breakpoint
CREATE TABLE "marketing_review_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"step" text NOT NULL,
	"group_id" integer,
	"who" text NOT NULL,
	"due_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"request_id" integer,
	"decided_by_user_id" integer,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_review_steps_step" CHECK ("marketing_review_steps"."step" in ('member','partner','final-check','board')),
	CONSTRAINT "marketing_review_steps_status" CHECK ("marketing_review_steps"."status" in ('pending','approved','changes-requested','voided')),
	CONSTRAINT "marketing_review_steps_decided" CHECK ("marketing_review_steps"."status" = 'voided' or ("marketing_review_steps"."status" in ('approved','changes-requested')) = ("marketing_review_steps"."decided_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "marketing_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"by_user_id" integer,
	"by_name" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"restored_from" integer
);
--> statement-breakpoint
ALTER TABLE "marketing_items" ADD CONSTRAINT "marketing_items_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_items" ADD CONSTRAINT "marketing_items_lock_user_id_users_id_fk" FOREIGN KEY ("lock_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_matrix_overrides" ADD CONSTRAINT "marketing_matrix_overrides_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_review_steps" ADD CONSTRAINT "marketing_review_steps_item_id_marketing_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."marketing_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_review_steps" ADD CONSTRAINT "marketing_review_steps_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_revisions" ADD CONSTRAINT "marketing_revisions_item_id_marketing_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."marketing_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_revisions" ADD CONSTRAINT "marketing_revisions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_items_slug" ON "marketing_items" USING btree ("slug") WHERE "marketing_items"."slug" is not null;--> statement-breakpoint
CREATE INDEX "marketing_items_state" ON "marketing_items" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "marketing_review_steps_item" ON "marketing_review_steps" USING btree ("item_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_revisions_number" ON "marketing_revisions" USING btree ("item_id","number");