/**
 * Which listed projects a sync run works on, and which catalogued projects the index no longer
 * lists. Pure: no I/O.
 *
 * An index such as pypi.org lists every project (about 886,000), of which the catalogue keeps the
 * Django-related ones (about 25,000). Fetching every listed project's documents to find those would
 * cost 35 times the requests, so once the catalogue holds projects a run works on the catalogue:
 * projects it already knows, projects that failed last time, and new projects whose name says they
 * are Django packages. A mirror that lists only Django projects can be synced whole (`listed`).
 */

/** `listed`: every project the index lists. `catalogue`: known projects and new Django-named ones. */
export type SyncScope = "listed" | "catalogue";

/** What the command line accepts: a scope, or `auto` (`listed` on an empty catalogue). */
export type ScopeChoice = SyncScope | "auto";

/** The scope a run uses for a choice and the number of catalogued projects. */
export function resolveScope(choice: ScopeChoice, catalogued: number): SyncScope {
  if (choice !== "auto") return choice;
  return catalogued === 0 ? "listed" : "catalogue";
}

/**
 * Whether a run planned with scope `running` may be resumed when `choice` is asked for: `auto`
 * takes the run's scope, an explicit scope must be the run's. A resumed run keeps the work items
 * its scope chose when it was planned, so a different scope cannot apply to it; the answer is the
 * refusal message, or null when the run may resume.
 */
export function resumeScopeConflict(input: {
  runId: number;
  indexUrl: string;
  running: SyncScope;
  choice: ScopeChoice;
}): string | null {
  if (input.choice === "auto" || input.choice === input.running) return null;
  return (
    `Sync run ${input.runId} of ${input.indexUrl} is unfinished with --scope ${input.running}, and an ` +
    `unfinished run is resumed with the work its scope chose: run \`packages sync\` again with ` +
    `--scope ${input.running} (or --scope auto) to finish it, then with --scope ${input.choice}.`
  );
}

/**
 * True when a PEP 503 normalised name says the project is a Django package: it contains `django` or
 * `wagtail`, or starts with `dj-`. In the 2026-11 catalogue that is 80% of the projects; the rest
 * are found by a `listed` run, or once loaded from a snapshot.
 */
export function looksDjangoRelated(name: string): boolean {
  return name.includes("django") || name.includes("wagtail") || name.startsWith("dj-");
}

/** A catalogued project as planning needs it. */
export interface StoredProject {
  /** The index serial when last synced (null for snapshot rows). */
  serial: number | null;
  source: "snapshot" | "index";
  delisted: boolean;
}

/** The work and the listing changes of one run. */
export interface ScopePlan {
  /** Projects to fetch: new or changed serial, or a problem last time, within the scope. */
  items: Array<{ name: string; serial: number }>;
  /** Listed projects the scope leaves out. */
  outOfScope: number;
  /** Synced projects the listing no longer holds and that are not yet marked. */
  delist: string[];
  /** Marked projects the listing holds again. */
  relist: string[];
}

/** Plans a run from the index listing and the catalogue. */
export function planScope(input: {
  listing: Array<{ name: string; serial: number }>;
  stored: Map<string, StoredProject>;
  /** Projects with a problem recorded by an earlier run (retried even when not catalogued). */
  retry: Set<string>;
  scope: SyncScope;
}): ScopePlan {
  const { listing, stored, retry, scope } = input;
  const items: ScopePlan["items"] = [];
  const relist: string[] = [];
  const listed = new Set<string>();
  let outOfScope = 0;
  for (const p of listing) {
    listed.add(p.name);
    const known = stored.get(p.name);
    if (known?.delisted) relist.push(p.name);
    const inScope =
      scope === "listed" || known !== undefined || retry.has(p.name) || looksDjangoRelated(p.name);
    if (!inScope) {
      outOfScope++;
      continue;
    }
    // A project that failed last time, wholly or in part (its PEP 658 metadata), is fetched
    // again even when its serial has not moved.
    if (known?.serial !== p.serial || retry.has(p.name)) items.push(p);
  }
  const delist: string[] = [];
  // Only rows a sync wrote: a snapshot row may come from another index or an older listing.
  for (const [name, s] of stored) {
    if (s.source === "index" && !s.delisted && !listed.has(name)) delist.push(name);
  }
  delist.sort();
  relist.sort();
  return { items, outOfScope, delist, relist };
}
