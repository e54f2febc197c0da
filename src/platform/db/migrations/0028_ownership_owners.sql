ALTER TABLE "charter_changes" ADD COLUMN "owner_person_id" integer;--> statement-breakpoint
ALTER TABLE "group_proposals" ADD COLUMN "owner_person_id" integer;--> statement-breakpoint
ALTER TABLE "marketing_items" ADD COLUMN "owner_person_id" integer;--> statement-breakpoint
ALTER TABLE "charter_changes" ADD CONSTRAINT "charter_changes_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_proposals" ADD CONSTRAINT "group_proposals_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketing_items" ADD CONSTRAINT "marketing_items_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;