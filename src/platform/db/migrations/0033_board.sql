CREATE TABLE "board_meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"held_on" date NOT NULL,
	"minutes_url" text,
	"recorded_by_user_id" integer,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "board_meetings_minutes_https" CHECK ("board_meetings"."minutes_url" is null or "board_meetings"."minutes_url" like 'https://%')
);
--> statement-breakpoint
ALTER TABLE "board_meetings" ADD CONSTRAINT "board_meetings_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "board_meetings_one_per_day" ON "board_meetings" USING btree ("held_on");