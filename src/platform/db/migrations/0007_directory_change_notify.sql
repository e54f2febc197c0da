-- Tell readers of the public directory that the registry changed, so cached pages are dropped
-- the moment a write commits (PGlite delivers the notification before the write returns).
CREATE OR REPLACE FUNCTION guildhall_registry_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('guildhall_registry_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER groups_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON groups
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
--> statement-breakpoint
CREATE TRIGGER people_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
--> statement-breakpoint
CREATE TRIGGER person_aliases_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_aliases
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
--> statement-breakpoint
CREATE TRIGGER group_roles_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_roles
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
--> statement-breakpoint
CREATE TRIGGER group_events_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON group_events
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
