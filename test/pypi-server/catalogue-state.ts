/** The catalogue's full contents in a comparable form (times of the sync itself left out). */
import type { Database } from "../../src/platform/db/client.ts";

/** Rows of packages, package_releases and package_sync_problems, ordered, minus when-synced columns. */
export async function catalogueState(database: Database) {
  const packages = await database.query(
    `select name, display_name, latest_version, latest_release_at, download_rank, summary, classifiers,
            requires_dist, requires_python, project_urls, yanked, ownership, last_serial::text as last_serial, etag,
            source, last_error, core_metadata
       from packages order by name`,
  );
  const releases = await database.query(
    "select name, version, uploaded_at, yanked, requires_python from package_releases order by name, version",
  );
  const problems = await database.query(
    "select name, kind, message, serial::text as serial from package_sync_problems order by name, kind",
  );
  return { packages, releases, problems };
}
