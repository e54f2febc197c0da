CREATE TABLE "handover_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"handover_id" integer NOT NULL,
	"source_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"title" text NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by_user_id" integer,
	"new_owner_person_id" integer,
	CONSTRAINT "handover_items_cleared" CHECK (("handover_items"."cleared_at" is null) = ("handover_items"."new_owner_person_id" is null))
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"ended_on" date NOT NULL,
	"cause" text NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"note_at" timestamp with time zone,
	"note_by_user_id" integer,
	"asked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "handovers_cause" CHECK ("handovers"."cause" in ('lapsed', 'left', 'removed', 'succeeded', 'board-term', 'ended')),
	CONSTRAINT "handovers_note_at" CHECK (("handovers"."note" is null) = ("handovers"."note_at" is null))
);
--> statement-breakpoint
ALTER TABLE "votes" ADD COLUMN "owner_person_id" integer;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_handover_id_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handovers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_cleared_by_user_id_users_id_fk" FOREIGN KEY ("cleared_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_new_owner_person_id_people_id_fk" FOREIGN KEY ("new_owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_note_by_user_id_users_id_fk" FOREIGN KEY ("note_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handover_items_one_open_flag" ON "handover_items" USING btree ("source_kind","item_id") WHERE "handover_items"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "handover_items_handover" ON "handover_items" USING btree ("handover_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handovers_person_group_day" ON "handovers" USING btree ("person_id","group_id","ended_on");--> statement-breakpoint
CREATE INDEX "handovers_group" ON "handovers" USING btree ("group_id");--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;