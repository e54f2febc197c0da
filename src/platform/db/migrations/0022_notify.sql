CREATE TABLE "chat_webhooks" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"provider" text NOT NULL,
	"url" text NOT NULL,
	"kinds" jsonb NOT NULL,
	"set_by_user_id" integer,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_webhooks_provider" CHECK ("chat_webhooks"."provider" in ('discord', 'slack'))
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_mode" CHECK ("notification_preferences"."mode" in ('immediately', 'digest', 'off'))
);
--> statement-breakpoint
ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_channel";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_one_recipient";--> statement-breakpoint
DROP INDEX "notifications_person";--> statement-breakpoint
DROP INDEX "notifications_user";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "recipient_webhook_id" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "held_for_digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chat_webhooks" ADD CONSTRAINT "chat_webhooks_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_webhooks_owner" ON "chat_webhooks" USING btree ("owner");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_preferences_once" ON "notification_preferences" USING btree ("user_id","kind");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_webhook_id_chat_webhooks_id_fk" FOREIGN KEY ("recipient_webhook_id") REFERENCES "public"."chat_webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_person_unread" ON "notifications" USING btree ("recipient_person_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_user_unread" ON "notifications" USING btree ("recipient_user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_digest" ON "notifications" USING btree ("created_at") WHERE "notifications"."held_for_digest";--> statement-breakpoint
CREATE INDEX "notifications_person" ON "notifications" USING btree ("recipient_person_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("recipient_user_id","created_at");--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_channel" CHECK ("notification_deliveries"."channel" in ('email', 'webhook'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_one_recipient" CHECK (num_nonnulls("notifications"."recipient_person_id", "notifications"."recipient_user_id", "notifications"."recipient_address", "notifications"."recipient_webhook_id") = 1);