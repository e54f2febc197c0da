/**
 * `guildhall charters history GIT_DIR`: replays every commit of the charter repository that touched
 * a charter, oldest first, into each group's timeline (group_events, source "history").
 *
 * Why the first-parent chain of the branch: it is a straight line, so "the state before" a commit
 * is simply its first parent, and every change is dated when it landed on the main branch (the
 * committer date of the commit on main), not when someone first wrote it on a branch. A merge is
 * recorded with the merge's sha and date, and `detail.commits` lists the branch's own commits that
 * touched that file (sha, author date, subject), so nothing of the branch story is lost. The author
 * date of the main-line commit is kept as `detail.authoredAt` (a commit written on 2026-04-22 may
 * land on 2026-04-27).
 *
 * Each commit is one transaction that also writes its history_commits row, so an interrupted run
 * continues where it stopped and a second run adds nothing (dedupe keys guard the events too).
 * Groups that exist only in the history are created; a group's stored charter is moved forward
 * by the replay only when the commit is newer than the group's last update, so replaying an old
 * history never overwrites a newer import.
 */
import type { Services } from "../../platform/services.ts";
import type { ParsedCharter } from "../charter/types.ts";
import { changeKey, diffCharterVersions, isCharterPath } from "./charter-changes.ts";
import {
  assertGitRepository,
  branchCommitsTouching,
  firstParentChanges,
  type GitCommit,
  openBlobReader,
  runGit,
} from "./git-runner.ts";
import {
  contentHash,
  type EventInput,
  type GroupRow,
  insertEvents,
  loadGroupsBySlug,
  markGroupRemoved,
  renameGroupSlug,
  resolveRoles,
  saveGroup,
  versionOf,
} from "./groups.repo.ts";
import { insertImportRun, markCommitReplayed, replayedCommitShas } from "./imports.repo.ts";
import { parseCharterFile } from "./parse-charter-file.ts";
import { PeopleIndex } from "./people.repo.ts";

/** Input of replayHistory. */
export interface ReplayHistoryInput {
  services: Pick<Services, "database" | "clock">;
  /** A clone or bare repository of the charter repository. */
  gitDir: string;
  /** Branch to walk; defaults to HEAD. */
  ref?: string;
  onProgress?: (line: string) => void;
  /** Stop after this many new commits (tests of resumption). */
  limit?: number;
}

/** What a replay did. */
export interface ReplaySummary {
  source: string;
  ref: string;
  head: string;
  /** Commits on the first-parent chain. */
  commitsOnChain: number;
  /** Of those, commits that touched a charter file. */
  charterCommits: number;
  /** Charter commits replayed by this run. */
  commitsProcessed: number;
  /** Charter commits already replayed by an earlier run. */
  commitsSkipped: number;
  eventsRecorded: number;
  groupsCreated: string[];
  peopleCreated: number;
  suggestionsCreated: number;
  /** Milliseconds spent in git reads and parsing, and in total. */
  timings: { gitAndParseMs: number; totalMs: number };
}

interface Side {
  path: string;
  charter: ParsedCharter;
  markdown: string;
}

/** One charter file change of one commit, read and parsed (both sides). */
export interface ReplayStep {
  commit: GitCommit;
  before: Side | null;
  after: Side | null;
  branchCommits: GitCommit[];
}

/**
 * Reads and parses, oldest first, every charter change on the first-parent chain of `ref`.
 * The pure git-and-parse part of the replay (also the benchmark's baseline).
 */
export async function readHistorySteps(input: {
  gitDir: string;
  ref: string;
  skip?: Set<string>;
}): Promise<{ chain: GitCommit[]; steps: Map<string, ReplayStep[]>; charterCommits: string[] }> {
  const log = await firstParentChanges(input.gitDir, input.ref);
  const chain = log.map((entry) => entry.commit);
  const reader = openBlobReader(input.gitDir);
  const steps = new Map<string, ReplayStep[]>();
  const charterCommits: string[] = [];
  const cache = new Map<string, ParsedCharter>();
  try {
    for (const { commit, changes: all } of log) {
      const parent = commit.parents[0] ?? null;
      const changes = all.filter(
        (c) =>
          (c.oldPath !== null && isCharterPath(c.oldPath)) ||
          (c.newPath !== null && isCharterPath(c.newPath)),
      );
      if (changes.length === 0) continue;
      charterCommits.push(commit.sha);
      if (input.skip?.has(commit.sha)) continue;
      const list: ReplayStep[] = [];
      for (const c of changes) {
        const oldPath = c.oldPath && isCharterPath(c.oldPath) ? c.oldPath : null;
        const newPath = c.newPath && isCharterPath(c.newPath) ? c.newPath : null;
        const before = oldPath && parent ? await side(reader.read(parent, oldPath), oldPath, cache) : null;
        const after = newPath ? await side(reader.read(commit.sha, newPath), newPath, cache) : null;
        const branchCommits =
          commit.parents.length > 1 && parent
            ? await branchCommitsTouching(input.gitDir, parent, commit.sha, newPath ?? oldPath ?? "")
            : [];
        list.push({ commit, before, after, branchCommits });
      }
      steps.set(commit.sha, list);
    }
  } finally {
    reader.close();
  }
  return { chain, steps, charterCommits };
}

async function side(
  content: Promise<string | null>,
  path: string,
  cache: Map<string, ParsedCharter>,
): Promise<Side | null> {
  const markdown = await content;
  if (markdown === null) return null;
  // The version before a commit is usually the version after an earlier one: parse each once.
  const key = `${path}\0${contentHash(markdown)}`;
  let charter = cache.get(key);
  if (!charter) {
    charter = parseCharterFile({ markdown, path });
    cache.set(key, charter);
  }
  return { path, markdown, charter };
}

/** Replays the history of a charter repository into the timeline; idempotent and resumable. */
export async function replayHistory(input: ReplayHistoryInput): Promise<ReplaySummary> {
  const { services } = input;
  const t0 = performance.now();
  const progress = input.onProgress ?? (() => {});
  await assertGitRepository(input.gitDir);
  const ref = input.ref ?? "HEAD";
  const head = (await runGit(input.gitDir, ["rev-parse", "--verify", `${ref}^{commit}`])).trim();
  const done = new Set(await replayedCommitShas(services.database.db));
  progress(`Reading the first-parent history of ${ref} (${head.slice(0, 7)}) in ${input.gitDir}`);
  const tRead = performance.now();
  const { chain, steps, charterCommits } = await readHistorySteps({ gitDir: input.gitDir, ref, skip: done });
  const gitAndParseMs = performance.now() - tRead;
  const startedAt = services.clock.now();
  const summary: ReplaySummary = {
    source: input.gitDir,
    ref,
    head,
    commitsOnChain: chain.length,
    charterCommits: charterCommits.length,
    commitsProcessed: 0,
    commitsSkipped: charterCommits.filter((sha) => done.has(sha)).length,
    eventsRecorded: 0,
    groupsCreated: [],
    peopleCreated: 0,
    suggestionsCreated: 0,
    timings: { gitAndParseMs, totalMs: 0 },
  };
  const todo = charterCommits.filter((sha) => !done.has(sha));
  progress(
    `${charterCommits.length} commits touched a charter; ${todo.length} to replay, ${summary.commitsSkipped} already replayed`,
  );
  const bySha = new Map(chain.map((c) => [c.sha, c]));
  // Loaded once and kept up to date across the per-commit transactions.
  let index: PeopleIndex | undefined;
  let groupsBySlug: Map<string, GroupRow> | undefined;
  let peopleBefore = 0;
  let suggestionsBefore = 0;
  /** The last commit replayed: the history the timelines now reach. */
  let reached: { sha: string; committedAt: Date } | null = null;
  for (const sha of todo) {
    if (input.limit !== undefined && summary.commitsProcessed >= input.limit) break;
    const commit = bySha.get(sha);
    const list = steps.get(sha) ?? [];
    if (!commit) continue;
    await services.database.db.transaction(async (tx) => {
      const at = new Date(commit.committedAt);
      if (!index) index = await PeopleIndex.load(tx, at);
      else index.useTransaction(tx, at);
      groupsBySlug ??= await loadGroupsBySlug(tx);
      const events: EventInput[] = [];
      for (const step of list) {
        const beforeRoles = step.before ? await resolveRoles(index, step.before.charter) : [];
        const afterRoles = step.after ? await resolveRoles(index, step.after.charter) : [];
        const before = step.before ? versionOf(step.before.charter, beforeRoles) : null;
        const after = step.after ? versionOf(step.after.charter, afterRoles) : null;
        const current = step.after ?? step.before;
        if (!current) continue;
        const slug = current.charter.slug;
        const oldSlug = step.before?.charter.slug;
        let slugRenamed = false;
        if (step.after && oldSlug && oldSlug !== slug && !groupsBySlug.has(slug)) {
          // A charter file renamed (active/a.md -> active/b.md): the same group under a new slug.
          const old = groupsBySlug.get(oldSlug);
          if (old) {
            const renamed = await renameGroupSlug(tx, old, slug);
            groupsBySlug.delete(oldSlug);
            groupsBySlug.set(slug, renamed);
            slugRenamed = true;
          }
        }
        let row = groupsBySlug.get(slug);
        if (!row || row.updatedAt.getTime() <= at.getTime()) {
          if (step.after) {
            const saved = await saveGroup(tx, {
              existing: row,
              charter: step.after.charter,
              roles: afterRoles,
              sourcePath: step.after.path,
              hash: contentHash(step.after.markdown),
              at,
              commit: { sha: commit.sha, committedAt: at },
            });
            if (saved.created) summary.groupsCreated.push(slug);
            row = saved.row;
            groupsBySlug.set(slug, row);
          } else if (!row && step.before) {
            const saved = await saveGroup(tx, {
              existing: undefined,
              charter: { ...step.before.charter, status: "unknown" },
              roles: beforeRoles,
              sourcePath: null,
              hash: null,
              at,
              commit: null,
            });
            summary.groupsCreated.push(slug);
            row = saved.row;
            groupsBySlug.set(slug, row);
          } else if (row && step.before && row.status !== "unknown") {
            // The charter file was deleted on the main branch: the group is no longer charted.
            await markGroupRemoved(tx, row, at);
            row = { ...row, status: "unknown", sourcePath: null, contentHash: null, updatedAt: at };
            groupsBySlug.set(slug, row);
          }
        }
        if (!row) continue;
        const changes = diffCharterVersions(before, after, { founders: true });
        if (slugRenamed && oldSlug) changes.push({ kind: "renamed", from: oldSlug, to: slug });
        const detail: Record<string, unknown> = {
          path: step.after?.path ?? step.before?.path,
          subject: commit.subject,
          author: commit.author,
          authoredAt: commit.authoredAt,
          committedAt: commit.committedAt,
        };
        if (step.before && step.after && step.before.path !== step.after.path)
          detail["fromPath"] = step.before.path;
        if (!step.before) detail["founding"] = true;
        if (commit.parents.length > 1) {
          detail["merge"] = true;
          detail["commits"] = step.branchCommits.map((c) => ({
            sha: c.sha,
            authoredAt: c.authoredAt,
            author: c.author,
            subject: c.subject,
          }));
        }
        for (const change of changes) {
          events.push({
            groupId: row.id,
            change,
            occurredAt: at,
            source: "history",
            commitSha: commit.sha,
            dedupeKey: `history:${commit.sha}:${slug}:${historyChangeKey(change, index)}`,
            detail,
          });
        }
      }
      summary.eventsRecorded += await insertEvents(tx, events);
      summary.peopleCreated += index.stats.peopleCreated.length - peopleBefore;
      summary.suggestionsCreated += index.stats.suggestionsCreated.length - suggestionsBefore;
      peopleBefore = index.stats.peopleCreated.length;
      suggestionsBefore = index.stats.suggestionsCreated.length;
      await markCommitReplayed(tx, {
        sha: commit.sha,
        committedAt: at,
        subject: commit.subject,
        processedAt: services.clock.now(),
      });
    });
    summary.commitsProcessed++;
    reached = { sha: commit.sha, committedAt: new Date(commit.committedAt) };
    if (summary.commitsProcessed % 10 === 0)
      progress(`Replayed ${summary.commitsProcessed}/${todo.length} commits`);
  }
  summary.timings.totalMs = performance.now() - t0;
  if (summary.commitsProcessed > 0) {
    const { timings: _t, ...stored } = summary;
    await insertImportRun(services.database.db, {
      mode: "history",
      source: input.gitDir,
      startedAt,
      finishedAt: services.clock.now(),
      summary: stored,
      commitSha: reached?.sha ?? null,
      committedAt: reached?.committedAt ?? null,
    });
  }
  return summary;
}

/**
 * Dedupe keys name people by their normalised name rather than their id, so a replay after two
 * people were merged still recognises the events it wrote before.
 */
function historyChangeKey(
  change: ReturnType<typeof diffCharterVersions>[number],
  index: PeopleIndex,
): string {
  if (change.kind === "joined" || change.kind === "left" || change.kind === "role-changed") {
    return changeKey({ ...change, who: index.keyOf({ name: change.name, handle: null }) });
  }
  return changeKey(change);
}
