CREATE TABLE "funding_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"group_id" integer NOT NULL,
	"requested_by_user_id" integer,
	"requested_by_person_id" integer,
	"purpose" text NOT NULL,
	"description" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"state" text NOT NULL,
	"vote_amount_minor" bigint,
	"approved_minor" bigint,
	"decided_at" timestamp with time zone,
	"vote_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_requests_purpose" CHECK ("funding_requests"."purpose" in ('experts', 'tools', 'events', 'other')),
	CONSTRAINT "funding_requests_state" CHECK ("funding_requests"."state" in ('requested', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "funding_requests_amount" CHECK ("funding_requests"."amount_minor" > 0),
	CONSTRAINT "funding_requests_vote_amount" CHECK ("funding_requests"."vote_amount_minor" is null or "funding_requests"."vote_amount_minor" > 0),
	CONSTRAINT "funding_requests_currency" CHECK ("funding_requests"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "funding_requests_period" CHECK ("funding_requests"."ends_on" >= "funding_requests"."starts_on"),
	CONSTRAINT "funding_requests_approved" CHECK (("funding_requests"."state" = 'approved') = ("funding_requests"."approved_minor" is not null) and ("funding_requests"."approved_minor" is null or "funding_requests"."approved_minor" > 0))
);
--> statement-breakpoint
CREATE TABLE "funding_spending" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"spent_on" date NOT NULL,
	"description" text NOT NULL,
	"receipt_url" text NOT NULL,
	"recorded_by_user_id" integer,
	"recorded_by_person_id" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funding_spending_amount" CHECK ("funding_spending"."amount_minor" > 0),
	CONSTRAINT "funding_spending_receipt" CHECK ("funding_spending"."receipt_url" ~ '^https?://')
);
--> statement-breakpoint
ALTER TABLE "funding_requests" ADD CONSTRAINT "funding_requests_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_requests" ADD CONSTRAINT "funding_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_requests" ADD CONSTRAINT "funding_requests_requested_by_person_id_people_id_fk" FOREIGN KEY ("requested_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_requests" ADD CONSTRAINT "funding_requests_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_spending" ADD CONSTRAINT "funding_spending_request_id_funding_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."funding_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_spending" ADD CONSTRAINT "funding_spending_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_spending" ADD CONSTRAINT "funding_spending_recorded_by_person_id_people_id_fk" FOREIGN KEY ("recorded_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_requests_group" ON "funding_requests" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE INDEX "funding_requests_state" ON "funding_requests" USING btree ("state");--> statement-breakpoint
CREATE INDEX "funding_spending_request" ON "funding_spending" USING btree ("request_id","spent_on");