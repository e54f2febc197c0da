/**
 * The real data tests read (`../shared/data` beside the project: the charter repository's snapshot
 * and history, PyPI listings, real core metadata files). `sharedData("core-metadata")` gives a
 * path inside it, or fails the test file with where it looked and how to get the data: a missing
 * data set is a failure, never a reason to skip. GUILDHALL_SHARED_DATA points elsewhere.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the real data is expected. */
export const SHARED_DATA =
  process.env["GUILDHALL_SHARED_DATA"] ?? fileURLToPath(new URL("../../shared/data", import.meta.url));

/** Where each data set comes from, for the message when it is missing. */
const SOURCES: Record<string, string> = {
  "dsf-working-groups":
    "a snapshot of https://github.com/django/dsf-working-groups (see its SNAPSHOT.txt for the commit)",
  "dsf-working-groups.bundle":
    "that repository's main branch with its history (`git bundle create dsf-working-groups.bundle main` in a clone)",
  "pypi-django-2026-11.tsv": "the Django-related PyPI projects: name, version, month, download rank, summary",
  "pypi-index-2026-11.tsv.gz": "every PyPI project, in the same columns",
  "core-metadata": "METADATA / PKG-INFO header blocks of Debian 12's python3-django* packages",
};

/** A path inside the shared data; throws, naming the data set and how to get it, when it is absent. */
export function sharedData(...segments: string[]): string {
  const file = path.join(SHARED_DATA, ...segments);
  if (existsSync(file)) return file;
  const set = segments[0] ?? "";
  throw new Error(
    `The real data ${file} is missing. It is ${SOURCES[set] ?? "part of the project's shared data"}; ` +
      `the tests read it from ../shared/data beside the project (the shared folder every developer and CI run has; ` +
      `see ../shared/README.md), or from GUILDHALL_SHARED_DATA. Put the shared folder there and run the tests again.`,
  );
}
