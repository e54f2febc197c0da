/**
 * The real data tests read from `../shared/data` (beside the project root): a snapshot of the
 * django/dsf-working-groups repository and its history as a git bundle, PyPI listings, metadata.
 * When it is missing a test fails with how to get it, never skips: a silent skip would let the
 * checks against the real charters stop running unnoticed.
 */
import { existsSync } from "node:fs";
import path from "node:path";

/** `../shared/data` of the project root. */
export const SHARED_DATA = path.resolve(import.meta.dirname, "../../shared/data");

/** The absolute path of `rel` under `../shared/data`; throws saying how to get it when absent. */
export function sharedData(rel: string): string {
  const full = path.join(SHARED_DATA, rel);
  if (!existsSync(full)) {
    throw new Error(
      `${full} is missing. These tests read the real charter repository from ../shared/data, the shared folder that sits beside the project root (see ../shared/README.md). ` +
        "Put that folder there, or rebuild the charter data: " +
        "git clone https://github.com/django/dsf-working-groups ../shared/data/dsf-working-groups && " +
        "git -C ../shared/data/dsf-working-groups bundle create ../dsf-working-groups.bundle main",
    );
  }
  return full;
}
