/**
 * `guildhall charters import DIR`: stores every group of a checkout of the charter repository in
 * one transaction and reports what changed since the last import (groups added or removed, people
 * joining or leaving, role and liaison changes, status changes), recording the run as a
 * charter_imports row with the commit the checkout is at (when it is a git work tree). A second
 * run over the same files writes nothing and says so.
 *
 * An import writes no timeline events of its own: it knows what the files say now, not when it
 * came to be so, and an event dated by the import's clock would read as if the group had changed
 * that day. The timeline comes from `charters history`, dated by the commits; the import itself is
 * shown as metadata ("read at commit X, imported on D"). Only a caller that knows when the changes
 * happened (the demo's scripted history, `changedAt`) has them recorded as events.
 */
import path from "node:path";
import { AppError } from "../../platform/errors.ts";
import type { Services } from "../../platform/services.ts";
import type { GroupStatus, ParsedCharter } from "../charter/types.ts";
import { type CharterChange, changeKey, describeChange, diffCharterVersions } from "./charter-changes.ts";
import { checkoutCommit } from "./git-runner.ts";
import {
  contentHash,
  type EventInput,
  insertEvents,
  loadGroupsBySlug,
  markGroupRemoved,
  resolveRoles,
  saveGroup,
  storedVersion,
  versionOf,
} from "./groups.repo.ts";
import { insertImportRun, setImportRunSummary } from "./imports.repo.ts";
import { parseCharterFile } from "./parse-charter-file.ts";
import { PeopleIndex } from "./people.repo.ts";
import { CHARTER_DIRS, type CharterFile, type RefusedFile, readCharterCheckout } from "./read-checkout.ts";
import { readCheckoutCommit } from "./read-checkout-commit.ts";

/** What an import changed, as printed and stored in charter_imports.summary. */
export interface ImportSummary {
  source: string;
  importId: number | null;
  changed: boolean;
  groupsChecked: number;
  groupsAdded: Array<{ slug: string; status: GroupStatus }>;
  groupsRemoved: string[];
  statusChanges: Array<{ slug: string; from: GroupStatus | null; to: string }>;
  renamed: Array<{ slug: string; from: string; to: string }>;
  joined: Array<{ slug: string; person: string; roles: string[] }>;
  left: Array<{ slug: string; person: string; roles: string[]; alumnus: boolean }>;
  roleChanges: Array<{ slug: string; person: string; from: string[]; to: string[] }>;
  /** Groups whose text changed without a change to people or status. */
  updated: string[];
  peopleCreated: string[];
  suggestionsCreated: Array<{ id: number; a: string; b: string; reason: string }>;
  eventsRecorded: number;
  /**
   * The commit of the charter repository the files came from: HEAD when the folder is the top of a
   * git work tree (`clean` false when the charter folders have uncommitted changes, and then no
   * commit is recorded), else the one its SNAPSHOT.txt names; null when neither says.
   */
  commit: { sha: string; committedAt: string; from: "git" | "SNAPSHOT.txt"; clean: boolean } | null;
  warnings: Array<{ path: string; warnings: string[] }>;
  /**
   * Files and folders of the checkout that were not read (a symbolic link out of it); their groups
   * are left as they were, never marked removed.
   */
  refused: RefusedFile[];
  /** One line per change, in order. */
  lines: string[];
}

/** Input of importCharters: a checkout folder, or files already read (the demo seed). */
export interface ImportChartersInput {
  services: Pick<Services, "database" | "clock">;
  dir?: string;
  files?: CharterFile[];
  /** Shown in the summary and charter_imports.source; defaults to the folder. */
  source?: string;
  /**
   * When the changes happened, for a scripted history that knows (the demo's dated steps): the
   * changes are then recorded on the timeline at that time, as history events (which date "member
   * since"). A real import leaves this out and records no events.
   */
  changedAt?: Date;
  /** With `changedAt`: record the people of a group seen for the first time as "joined". */
  founders?: boolean;
  onProgress?: (line: string) => void;
}

/** Imports a checkout: all groups in one transaction, and a summary of what changed. */
export async function importCharters(input: ImportChartersInput): Promise<ImportSummary> {
  const { services } = input;
  const checkout = input.files ? { files: input.files, refused: [] } : readCharterCheckout(input.dir ?? ".");
  const { files, refused } = checkout;
  const source = input.source ?? (input.dir ? path.resolve(input.dir) : "files");
  const at = input.changedAt ?? services.clock.now();
  const dated = input.changedAt !== undefined;
  const startedAt = services.clock.now();
  const progress = input.onProgress ?? (() => {});
  const dir = input.files ? null : (input.dir ?? ".");
  const found = dir ? await checkoutCommit(dir, CHARTER_DIRS) : null;
  // Files with uncommitted changes are not that commit's: say where they were read, not a commit.
  // A folder that is not a git work tree may still name its commit in SNAPSHOT.txt.
  const snapshot = dir && !found ? await readCheckoutCommit(dir) : null;
  const commit = found?.clean
    ? { sha: found.sha, committedAt: new Date(found.committedAt), from: "git" as const }
    : snapshot;

  const parsed: Array<{ file: CharterFile; charter: ParsedCharter; hash: string }> = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const charter = parseCharterFile(file);
    const other = seen.get(charter.slug);
    if (other) {
      throw new AppError("bad_request", {
        message: `${file.path}: group "${charter.slug}" is also charted in ${other}; keep one file per group`,
      });
    }
    seen.set(charter.slug, file.path);
    parsed.push({ file, charter, hash: contentHash(file.markdown) });
  }
  progress(`Parsed ${parsed.length} charter(s) from ${source}`);

  const summary: ImportSummary = {
    source,
    importId: null,
    commit: found
      ? { ...found, committedAt: new Date(found.committedAt).toISOString(), from: "git" }
      : snapshot
        ? {
            sha: snapshot.sha,
            committedAt: snapshot.committedAt.toISOString(),
            from: snapshot.from,
            clean: true,
          }
        : null,
    changed: false,
    groupsChecked: parsed.length,
    groupsAdded: [],
    groupsRemoved: [],
    statusChanges: [],
    renamed: [],
    joined: [],
    left: [],
    roleChanges: [],
    updated: [],
    peopleCreated: [],
    suggestionsCreated: [],
    eventsRecorded: 0,
    warnings: [
      ...refused.map((r) => ({ path: r.path, warnings: [`refused: ${r.reason}`] })),
      ...parsed
        .filter((p) => p.charter.warnings.length > 0)
        .map((p) => ({ path: p.file.path, warnings: p.charter.warnings })),
    ],
    refused,
    lines: [],
  };

  await services.database.db.transaction(async (tx) => {
    const index = await PeopleIndex.load(tx, at);
    const existing = await loadGroupsBySlug(tx);
    const events: EventInput[] = [];
    let done = 0;
    for (const { file, charter, hash } of parsed) {
      const row = existing.get(charter.slug);
      const before = await storedVersion(tx, row, index);
      const roles = await resolveRoles(index, charter);
      const after = versionOf(charter, roles);
      const saved = await saveGroup(tx, {
        existing: row,
        charter,
        roles,
        sourcePath: file.path,
        hash,
        at,
        ...(input.files ? {} : { commit }),
      });
      const changes = diffCharterVersions(before, after, { founders: input.founders });
      record(summary, charter.slug, changes, before === null);
      if (saved.changed && changes.length === 0) summary.updated.push(charter.slug);
      const hashBefore = row?.contentHash ?? "none";
      if (dated) {
        for (const change of changes) {
          events.push({
            groupId: saved.row.id,
            change,
            occurredAt: at,
            source: "history",
            commitSha: null,
            dedupeKey: `history:${charter.slug}:${at.toISOString()}:${hashBefore}>${hash}:${changeKey(change)}`,
            detail: { path: file.path, importSource: source },
          });
        }
      }
      done++;
      if (done % 10 === 0) progress(`Stored ${done}/${parsed.length} groups`);
    }
    // A group whose file (or folder) was refused is not known to be gone.
    const unread = (sourcePath: string | null) =>
      sourcePath !== null &&
      refused.some((r) => (r.path.endsWith("/") ? sourcePath.startsWith(r.path) : sourcePath === r.path));
    for (const [slug, row] of existing) {
      if (seen.has(slug) || row.status === "unknown" || unread(row.sourcePath)) continue;
      // A proposal drafted in Guildhall has no file in the repository until its pull request merges.
      if (row.status === "proposed" && row.sourcePath === null) continue;
      const change: CharterChange = {
        kind: "status-changed",
        from: row.status as GroupStatus,
        to: "removed",
      };
      await markGroupRemoved(tx, row, at);
      record(summary, slug, [change], false);
      if (dated) {
        events.push({
          groupId: row.id,
          change,
          occurredAt: at,
          source: "history",
          commitSha: null,
          dedupeKey: `history:${slug}:${at.toISOString()}:${row.contentHash ?? "none"}>removed:${changeKey(change)}`,
          detail: { path: row.sourcePath, importSource: source },
        });
      }
    }
    summary.eventsRecorded = await insertEvents(tx, events);
    summary.peopleCreated = index.stats.peopleCreated;
    summary.suggestionsCreated = index.stats.suggestionsCreated;
    summary.changed =
      summary.lines.length > 0 || summary.updated.length > 0 || summary.peopleCreated.length > 0;
    if (summary.changed) {
      const runId = await insertImportRun(tx, {
        mode: "snapshot",
        source,
        startedAt,
        finishedAt: services.clock.now(),
        summary: {},
        commitSha: commit?.sha ?? null,
        committedAt: commit?.committedAt ?? null,
      });
      summary.importId = runId ?? null;
      if (runId !== undefined) {
        const { lines: _lines, ...stored } = summary;
        await setImportRunSummary(tx, runId, stored);
      }
    }
  });
  return summary;
}

function record(summary: ImportSummary, slug: string, changes: CharterChange[], isNew: boolean): void {
  for (const c of changes) {
    const added =
      isNew && c.kind !== "joined" && c.kind !== "left" && c.kind !== "role-changed" && c.kind !== "renamed";
    summary.lines.push(added ? `${slug}: + group added (${c.to})` : describeChange(slug, c));
    switch (c.kind) {
      case "joined":
        summary.joined.push({ slug, person: c.name, roles: c.roles });
        break;
      case "left":
        summary.left.push({ slug, person: c.name, roles: c.roles, alumnus: c.alumnus });
        break;
      case "role-changed":
        summary.roleChanges.push({ slug, person: c.name, from: c.from, to: c.to });
        break;
      case "renamed":
        summary.renamed.push({ slug, from: c.from, to: c.to });
        break;
      default:
        if (isNew && c.to !== "removed") summary.groupsAdded.push({ slug, status: c.to });
        else if (c.to === "removed") summary.groupsRemoved.push(slug);
        else summary.statusChanges.push({ slug, from: c.from, to: c.to });
    }
  }
}
