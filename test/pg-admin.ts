/** Prefix of the migrated template database each test run creates on a PostgreSQL server. */
export const TEMPLATE_PREFIX = "guildhall_test_template";

/** The maintenance URL (database `postgres`) on the same server as `url`. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

/** The database name in a PostgreSQL URL. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
