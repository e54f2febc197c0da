/**
 * The compatibility tracker over HTTP against a catalogue synced from the local PyPI index: every
 * status, who may set one (the package's maintainers and the Package Maintainers group), the audit
 * trail, the JSON for other tools, and only upcoming series.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import type { TestAccount } from "../../../test/factories/accounts.ts";
import * as eco from "../../../test/factories/ecosystem.ts";
import type { PypiServer } from "../../../test/pypi-server/server.ts";
import { SHARED_TSV, syncedCatalogue } from "../../../test/synced-catalogue.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { repositoryOwner } from "../maintainers/maintainer-rule.ts";

let database: Database;
let app: Hono<AppEnv>;
let pypi: PypiServer;
let maintainer: TestAccount;
let groupMember: TestAccount;
let stranger: TestAccount;
let pkg = "";
let other = "";

interface TrackerJson {
  series: string;
  daysToFinal: number;
  counts: Record<string, number>;
  classifier: { classifier: string; onOfficialList: boolean };
  entries: Array<{
    package: string;
    status: string;
    decidedBy: string;
    link: string | null;
    reason: string | null;
    evidence: { verdict: string; items: unknown[] };
  }>;
}

const { post } = eco.requestsTo({ request: (path, init) => app.request(path, init) });
const tracker = async (top = 1000) =>
  (await (await app.request(`/api/releases/6.2/tracker?top=${top}`)).json()) as TrackerJson;
const entryOf = async (name: string) => (await tracker()).entries.find((e) => e.package === name);

beforeAll(async () => {
  database = await createTestDatabase();
  const made = await createTestApplication(database);
  app = made.app;
  // The index serves the 60 best-ranked projects of the shared snapshot, so the tracker's top holds synced ones.
  const [header, ...lines] = readFileSync(SHARED_TSV, "utf8").trim().split("\n");
  const top = lines
    .filter((l) => (l.split("\t")[3] ?? "") !== "")
    .sort((a, b) => Number(a.split("\t")[3]) - Number(b.split("\t")[3]))
    .slice(0, 60);
  const tsv = path.join(tmpdir(), `tracker-top-${process.pid}.tsv`);
  writeFileSync(tsv, `${[header, ...top].join("\n")}\n`);
  ({ pypi } = await syncedCatalogue({ ...made, database, index: { tsv } }));
  const db = database.db;
  const ranked = (await db.select().from(schema.packages).where(eq(schema.packages.source, "index"))).filter(
    (r) => r.downloadRank !== null,
  );
  const mine = ranked.find(
    (r) => repositoryOwner(r.projectUrls) !== null && r.ownership.organization === null,
  );
  pkg = mine?.name ?? "";
  other = ranked.find((r) => r.name !== pkg)?.name ?? "";
  const owner = repositoryOwner(mine?.projectUrls ?? {});
  ({ maintainer, groupMember, stranger } = await eco.packageAccounts(db, made.clock, owner));
}, 120_000);

afterAll(async () => {
  await pypi?.close();
  await database?.close();
});

describe("the compatibility tracker", () => {
  it("tracks the top packages of an upcoming series with their evidence, and no past series", async () => {
    expect(pkg).not.toBe("");
    const t = await tracker(100);
    expect(t.series).toBe("6.2");
    expect(t.entries).toHaveLength(100);
    expect(t.daysToFinal).toBeGreaterThan(0);
    expect(t.classifier).toMatchObject({ classifier: "Framework :: Django :: 6.2", onOfficialList: false });
    // Most of the top 100 are known only from the snapshot: unknown, never "not started".
    const unknown = t.entries.filter((e) => e.status === "unknown");
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((e) => e.evidence.verdict === "not-synced")).toBe(true);
    for (const e of t.entries.filter((x) => x.evidence.verdict === "yes")) expect(e.status).toBe("ready");
    const sum = Object.values(t.counts).reduce((a, b) => a + b, 0);
    expect(sum).toBe(100);
    expect((await app.request("/api/releases/5.2/tracker")).status).toBe(404);
    expect((await app.request("/api/releases/6.2/tracker?top=1001")).status).toBe(422);
    const html = await (await app.request("/releases/6.2/tracker")).text();
    expect(html).toContain('role="img"');
    expect(html).toContain("not on the official list yet");
  });

  it("lets only the package's maintainers and the group set a status, audited", async () => {
    const path = `/releases/6.2/tracker/${pkg}`;
    expect([401, 403]).toContain((await post(null, path, { status: "not-started" })).status);
    expect((await post(stranger, path, { status: "not-started" })).status).toBe(403);
    expect((await post(maintainer, `/releases/6.2/tracker/${other}`, { status: "not-started" })).status).toBe(
      403,
    );
    const before = await entryOf(pkg);
    expect(before?.decidedBy === "set").toBe(false);

    const noLink = await post(maintainer, path, { status: "in-progress" });
    expect(noLink.status).toBe(422);
    expect(await noLink.text()).toContain("in progress needs the link");
    expect(
      (await post(maintainer, path, { status: "in-progress", link: "https://github.com/o/p/pull/7" })).status,
    ).toBe(303);
    const progress = await entryOf(pkg);
    if (progress?.evidence.verdict !== "yes") {
      expect(progress).toMatchObject({
        status: "in-progress",
        decidedBy: "set",
        link: "https://github.com/o/p/pull/7",
      });
    } else {
      expect(progress.status).toBe("ready");
    }

    expect((await post(groupMember, path, { status: "blocked" })).status).toBe(422);
    expect(
      (await post(groupMember, path, { status: "blocked", reason: "waits on a dependency" })).status,
    ).toBe(303);
    const blocked = await entryOf(pkg);
    if (blocked?.evidence.verdict !== "yes")
      expect(blocked).toMatchObject({ status: "blocked", reason: "waits on a dependency", link: null });

    expect((await post(groupMember, path, { status: "ready" })).status).toBe(422);
    expect(
      (await post(groupMember, `/releases/6.2/tracker/${other}`, { status: "not-started" })).status,
    ).toBe(303);
    expect((await post(maintainer, path, { status: "not-started" })).status).toBe(303);
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.subjectType, "tracker-entry"), eq(schema.auditLog.subjectId, `6.2/${pkg}`)),
      );
    expect(audit.map((a) => (a.after as { status: string }).status)).toEqual([
      "in-progress",
      "blocked",
      "not-started",
    ]);
    expect(audit[1]?.before).toMatchObject({ status: "in-progress" });
    expect(audit[2]?.actorUserId).toBe(maintainer.user.id);
    // The past series has no tracker to set.
    expect((await post(maintainer, `/releases/5.2/tracker/${pkg}`, { status: "not-started" })).status).toBe(
      404,
    );
  });
});
