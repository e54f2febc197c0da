-- Tell the public blog that content items changed, so its cached pages are dropped the moment a
-- write commits (PGlite delivers the notification before the write returns), as 0007 does for
-- the directory.
CREATE OR REPLACE FUNCTION guildhall_blog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('guildhall_blog_changed', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER marketing_items_blog_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON marketing_items
  FOR EACH STATEMENT EXECUTE FUNCTION guildhall_blog_changed();
