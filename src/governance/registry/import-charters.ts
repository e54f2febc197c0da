/**
 * `guildhall charters import DIR`: stores every group of a checkout of the charter repository in
 * one transaction and reports what changed since the last import (groups added or removed, people
 * joining or leaving, role and liaison changes, status changes), recording each change as a
 * timeline event (source "import") and the run as a charter_imports row. A second run over the
 * same files writes nothing and says so.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { charterImports } from "../../platform/db/schema.ts";
import { AppError } from "../../platform/errors.ts";
import type { Services } from "../../platform/services.ts";
import type { GroupStatus, ParsedCharter } from "../charter/types.ts";
import {
  type CharterChange,
  changeKey,
  describeChange,
  diffCharterVersions,
  isCharterPath,
} from "./charter-changes.ts";
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
import { PeopleIndex } from "./people.repo.ts";
import { readCharter } from "./read-charter.ts";
import { type CheckoutCommit, readCheckoutCommit } from "./read-checkout-commit.ts";

/** The folders of the charter repository that hold charters. */
export const CHARTER_DIRS = ["active", "draft", "archive", "proposals"] as const;

/** One charter file read from a checkout. */
export interface CharterFile {
  /** Repository path, e.g. "active/ai.md". */
  path: string;
  markdown: string;
}

/** What an import changed, as printed and stored in charter_imports.summary. */
export interface ImportSummary {
  source: string;
  importId: number | null;
  /** The commit of the charter repository the files came from (null when not known). */
  commit: { sha: string; committedAt: string } | null;
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
  warnings: Array<{ path: string; warnings: string[] }>;
  /** One line per change, in order. */
  lines: string[];
}

/** Reads the charter files of a checkout; a folder without any charter folder is a one-line error. */
export function readCharterCheckout(dir: string): CharterFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError("bad_request", { message: `${dir} is not a directory` });
  }
  const present = CHARTER_DIRS.filter((d) => {
    const p = path.join(dir, d);
    return existsSync(p) && statSync(p).isDirectory();
  });
  if (present.length === 0) {
    throw new AppError("bad_request", {
      message: `${dir} is not a charter checkout: it has none of the folders ${CHARTER_DIRS.join("/, ")}/`,
    });
  }
  const files: CharterFile[] = [];
  for (const d of present) {
    for (const name of readdirSync(path.join(dir, d)).sort()) {
      const rel = `${d}/${name}`;
      if (!isCharterPath(rel)) continue;
      const full = path.join(dir, d, name);
      if (!statSync(full).isFile()) continue;
      files.push({ path: rel, markdown: readFileSync(full, "utf8") });
    }
  }
  return files;
}

/** Input of importCharters: a checkout folder, or files already read (the demo seed). */
export interface ImportChartersInput {
  services: Pick<Services, "database" | "clock">;
  dir?: string;
  files?: CharterFile[];
  /** Shown in the summary and charter_imports.source; defaults to the folder. */
  source?: string;
  /** When the changes happened; defaults to the clock's now. */
  at?: Date;
  /**
   * Record the people of a group seen for the first time as "joined" (the demo's dated steps).
   * Off for a real first import: its date says when Guildhall learned of them, not when they joined.
   */
  founders?: boolean;
  /**
   * The events' source: "import" (default). The demo seed's dated steps are a scripted history,
   * so it records them as "history", which is what dates "member since".
   */
  eventSource?: "import" | "history";
  onProgress?: (line: string) => void;
}

/** Imports a checkout: all groups in one transaction, and a summary of what changed. */
export async function importCharters(input: ImportChartersInput): Promise<ImportSummary> {
  const { services } = input;
  const files = input.files ?? readCharterCheckout(input.dir ?? ".");
  const commit: CheckoutCommit | null = input.files ? null : await readCheckoutCommit(input.dir ?? ".");
  const source = input.source ?? (input.dir ? path.resolve(input.dir) : "files");
  const at = input.at ?? services.clock.now();
  const startedAt = services.clock.now();
  const progress = input.onProgress ?? (() => {});
  const eventSource = input.eventSource ?? "import";

  const parsed: Array<{ file: CharterFile; charter: ParsedCharter; hash: string }> = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const charter = readCharter(file);
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
    commit: commit ? { sha: commit.sha, committedAt: commit.committedAt.toISOString() } : null,
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
    warnings: parsed
      .filter((p) => p.charter.warnings.length > 0)
      .map((p) => ({ path: p.file.path, warnings: p.charter.warnings })),
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
      const saved = await saveGroup(tx, { existing: row, charter, roles, sourcePath: file.path, hash, at });
      const changes = diffCharterVersions(before, after, { founders: input.founders });
      record(summary, charter.slug, changes, before === null);
      if (saved.changed && changes.length === 0) summary.updated.push(charter.slug);
      const hashBefore = row?.contentHash ?? "none";
      for (const change of changes) {
        events.push({
          groupId: saved.row.id,
          change,
          occurredAt: at,
          source: eventSource,
          commitSha: null,
          dedupeKey: `${eventSource}:${charter.slug}:${at.toISOString()}:${hashBefore}>${hash}:${changeKey(change)}`,
          detail: {
            path: file.path,
            importSource: source,
            // A group first seen by an import: the event's date is when Guildhall learned of it,
            // not when it was approved (the history replay knows that), so say so.
            ...(before === null
              ? { firstImport: true, members: roles.filter((r) => r.role !== "alumnus").length }
              : {}),
          },
        });
      }
      done++;
      if (done % 10 === 0) progress(`Stored ${done}/${parsed.length} groups`);
    }
    for (const [slug, row] of existing) {
      if (seen.has(slug) || row.status === "unknown") continue;
      const change: CharterChange = {
        kind: "status-changed",
        from: row.status as GroupStatus,
        to: "removed",
      };
      await markGroupRemoved(tx, row, at);
      record(summary, slug, [change], false);
      events.push({
        groupId: row.id,
        change,
        occurredAt: at,
        source: eventSource,
        commitSha: null,
        dedupeKey: `${eventSource}:${slug}:${at.toISOString()}:${row.contentHash ?? "none"}>removed:${changeKey(change)}`,
        detail: { path: row.sourcePath, importSource: source },
      });
    }
    summary.eventsRecorded = await insertEvents(tx, events);
    summary.peopleCreated = index.stats.peopleCreated;
    summary.suggestionsCreated = index.stats.suggestionsCreated;
    summary.changed =
      summary.lines.length > 0 || summary.updated.length > 0 || summary.peopleCreated.length > 0;
    if (summary.changed) {
      const [run] = await tx
        .insert(charterImports)
        .values({
          mode: "snapshot",
          source,
          startedAt,
          finishedAt: services.clock.now(),
          summary: {},
          commitSha: commit?.sha ?? null,
          committedAt: commit?.committedAt ?? null,
        })
        .returning({ id: charterImports.id });
      summary.importId = run?.id ?? null;
      if (run) {
        const { lines: _lines, ...stored } = summary;
        await tx.update(charterImports).set({ summary: stored }).where(eqId(run.id));
      }
    }
  });
  return summary;
}

function eqId(id: number) {
  return eq(charterImports.id, id);
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
