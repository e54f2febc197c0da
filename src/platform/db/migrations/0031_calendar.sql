CREATE TABLE "marketing_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"goal" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"owner_user_id" integer,
	"owner_name" text NOT NULL,
	"group_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "marketing_campaigns_period" CHECK ("marketing_campaigns"."ends_on" >= "marketing_campaigns"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "marketing_items" ADD COLUMN "campaign_id" integer;--> statement-breakpoint
ALTER TABLE "marketing_items" ADD COLUMN "planned_on" date;--> statement-breakpoint
ALTER TABLE "marketing_campaigns" ADD CONSTRAINT "marketing_campaigns_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_campaigns" ADD CONSTRAINT "marketing_campaigns_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marketing_campaigns_dates" ON "marketing_campaigns" USING btree ("starts_on","ends_on");--> statement-breakpoint
ALTER TABLE "marketing_items" ADD CONSTRAINT "marketing_items_campaign_id_marketing_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."marketing_campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "marketing_items_campaign" ON "marketing_items" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "marketing_items_scheduled_for" ON "marketing_items" USING btree ("scheduled_for");