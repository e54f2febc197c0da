-- Membership on the directory's pages comes from role periods as well as the charter's roles, so a
-- write to role_periods must drop the cached pages too.
CREATE TRIGGER role_periods_registry_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_periods
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_registry_changed();
