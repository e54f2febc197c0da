CREATE TABLE "applicant_people" (
	"person_id" integer PRIMARY KEY NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applicant_people" ADD CONSTRAINT "applicant_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applicant_people" ADD CONSTRAINT "applicant_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- People created for an account when it applied, before this table existed: the audit log names each.
INSERT INTO "applicant_people" ("person_id", "user_id", "created_at")
SELECT DISTINCT ON ((a."after"->>'personId')::int) (a."after"->>'personId')::int, u."id", a."occurred_at"
FROM "audit_log" a
JOIN "people" p ON p."id" = (a."after"->>'personId')::int
LEFT JOIN "users" u ON u."id" = a."subject_id"::int AND u."person_id" = p."id"
WHERE a."action" = 'account.person-created' AND a."subject_type" = 'user'
ORDER BY (a."after"->>'personId')::int, a."occurred_at"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Whether an applicant is public shows on the directory's cached pages.
CREATE TRIGGER applicant_people_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON applicant_people
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
