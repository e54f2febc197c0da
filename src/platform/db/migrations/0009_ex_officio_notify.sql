-- Ex officio members (the DSF President in the Code of Conduct WG, Fellows in mergers and releasers)
-- come from foundation roles held by a person or by the account linked to one, so writes to
-- foundation_roles and users must drop the directory's cached pages too.
CREATE TRIGGER foundation_roles_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON foundation_roles
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
--> statement-breakpoint
CREATE TRIGGER users_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
