CREATE TABLE "group_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_group_id" integer NOT NULL,
	"target_kind" text NOT NULL,
	"target_group_id" integer,
	"target_person_id" integer,
	"target_role" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"link" text,
	"subject_type" text,
	"subject_id" text,
	"answer_needed" text NOT NULL,
	"deadline" date NOT NULL,
	"visibility" text NOT NULL,
	"lazy_consensus" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"outcome" text,
	"by_lazy_consensus" boolean DEFAULT false NOT NULL,
	"answer_note" text,
	"owner_person_id" integer,
	"opened_by_user_id" integer,
	"opened_by_person_id" integer,
	"opened_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_person_id" integer,
	"answered_at" timestamp with time zone,
	"answered_by_user_id" integer,
	"answered_by_person_id" integer,
	"escalation" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_requests_kind" CHECK ("group_requests"."kind" in ('review', 'decision', 'information', 'access')),
	CONSTRAINT "group_requests_answer_needed" CHECK ("group_requests"."answer_needed" in ('approval', 'comment')),
	CONSTRAINT "group_requests_visibility" CHECK ("group_requests"."visibility" in ('public', 'private')),
	CONSTRAINT "group_requests_state" CHECK ("group_requests"."state" in ('open', 'acknowledged', 'answered', 'expired')),
	CONSTRAINT "group_requests_target" CHECK (("group_requests"."target_kind" = 'group' and "group_requests"."target_group_id" is not null and "group_requests"."target_person_id" is null)
        or ("group_requests"."target_kind" = 'person' and "group_requests"."target_person_id" is not null and "group_requests"."target_group_id" is null)
        or ("group_requests"."target_kind" in ('board', 'steering-council') and "group_requests"."target_group_id" is null and "group_requests"."target_person_id" is null)),
	CONSTRAINT "group_requests_not_to_itself" CHECK ("group_requests"."target_group_id" is null or "group_requests"."target_group_id" <> "group_requests"."from_group_id"),
	CONSTRAINT "group_requests_outcome" CHECK (("group_requests"."state" = 'answered') = ("group_requests"."outcome" is not null)
        and ("group_requests"."outcome" is null or "group_requests"."outcome" in ('approved', 'rejected', 'changes-requested', 'commented'))
        and ("group_requests"."state" = 'answered') = ("group_requests"."answered_at" is not null)),
	CONSTRAINT "group_requests_lazy_consensus" CHECK ((not "group_requests"."by_lazy_consensus" or ("group_requests"."lazy_consensus" and "group_requests"."outcome" = 'approved'))
        and (not "group_requests"."lazy_consensus" or "group_requests"."answer_needed" = 'approval')),
	CONSTRAINT "group_requests_subject_pair" CHECK (("group_requests"."subject_type" is null) = ("group_requests"."subject_id" is null)),
	CONSTRAINT "group_requests_escalation_range" CHECK ("group_requests"."escalation" between 0 and 2)
);
--> statement-breakpoint
CREATE TABLE "request_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"author_user_id" integer,
	"author_person_id" integer,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"objection" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"notified" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "request_events_kind" CHECK ("request_events"."kind" in ('reminder', 'lazy-consensus', 'escalated-target', 'escalated-board', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "request_settings" (
	"group_id" integer PRIMARY KEY NOT NULL,
	"allow_lazy_consensus" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_from_group_id_groups_id_fk" FOREIGN KEY ("from_group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_target_group_id_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_target_person_id_people_id_fk" FOREIGN KEY ("target_person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_opened_by_person_id_people_id_fk" FOREIGN KEY ("opened_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_acknowledged_by_person_id_people_id_fk" FOREIGN KEY ("acknowledged_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_requests" ADD CONSTRAINT "group_requests_answered_by_person_id_people_id_fk" FOREIGN KEY ("answered_by_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_comments" ADD CONSTRAINT "request_comments_request_id_group_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."group_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_comments" ADD CONSTRAINT "request_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_comments" ADD CONSTRAINT "request_comments_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_group_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."group_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_settings" ADD CONSTRAINT "request_settings_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_requests_from" ON "group_requests" USING btree ("from_group_id","opened_at");--> statement-breakpoint
CREATE INDEX "group_requests_target_group" ON "group_requests" USING btree ("target_group_id","opened_at");--> statement-breakpoint
CREATE INDEX "group_requests_waiting" ON "group_requests" USING btree ("state","deadline");--> statement-breakpoint
CREATE INDEX "group_requests_subject" ON "group_requests" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "request_comments_request" ON "request_comments" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "request_events_once" ON "request_events" USING btree ("request_id","kind");