/**
 * "Not synced yet" is not "declares nothing": the same catalogue seen first as loaded from a
 * snapshot only, then after a sync against the local index, through every face (package page and
 * list, /api/packages*, /packages.csv, readiness pages and API, the command line), with the
 * provenance of every figure.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { runCommands } from "../../../test/cli.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { type PypiServer, startPypiServer } from "../../../test/pypi-server/server.ts";
import type { Database } from "../../platform/db/client.ts";
import { packages } from "../../platform/db/schema.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { registerCompatCommands } from "../compat/compat.cli.ts";
import { syncPackages } from "../sync/sync-packages.ts";
import { loadSnapshot } from "./load-snapshot.ts";

let database: Database;
let app: Hono<AppEnv>;
let services: Services;
let server: PypiServer;
let tsv: string;
/** The best-ranked project of the snapshot. */
let top = "";

interface Provenance {
  source: string;
  url: string | null;
  kind: string;
  asOf: string | null;
}
interface Item {
  name: string;
  metadata: string;
  requiresPython: string | null;
  djangoClassifiers: string[] | null;
  pythonClassifiers: string[] | null;
  yanked: boolean | null;
  syncedAt: string | null;
  latestReleaseAt: string | null;
  latestReleaseMonth: string | null;
  provenance: { facts: Provenance | null; rank: Provenance | null };
}
interface ListJson {
  total: number;
  catalogue: {
    packages: number;
    synced: number;
    notSynced: number;
    lastSync: Provenance | null;
    snapshot: Provenance;
  };
  items: Item[];
}
interface Readiness {
  computedAt: string;
  provenance: Provenance;
  catalogue: { lastSync: Provenance | null; snapshot: Provenance | null };
  toGetVerdicts: { notSynced: number; command: string } | null;
  readiness: { considered: number; known: number; readyShare: number | null; counts: Record<string, number> };
}

const json = async <T>(p: string): Promise<T> => {
  const res = await app.request(p);
  expect(res.status, p).toBe(200);
  return (await res.json()) as T;
};
const html = async (p: string): Promise<string> => {
  const res = await app.request(p);
  expect(res.status, p).toBe(200);
  return res.text();
};
const csv = async (p: string) => parse(await html(p), { columns: true }) as Array<Record<string, string>>;

async function cli(args: string[]): Promise<string> {
  const { out, error } = await runCommands(services, [registerCompatCommands], args);
  if (error) throw error;
  return out;
}

beforeAll(async () => {
  // A small snapshot of real rows: the 30 best-ranked projects and 10 unranked ones.
  const lines = readFileSync(path.resolve("../shared/data/pypi-django-2026-11.tsv"), "utf8").split("\n");
  const rows = lines.slice(1).filter((l) => l.trim() !== "" && !l.startsWith("django\t"));
  const ranked = rows
    .filter((l) => (l.split("\t")[3] ?? "") !== "")
    .sort((a, b) => Number(a.split("\t")[3]) - Number(b.split("\t")[3]))
    .slice(0, 30);
  const unranked = rows.filter((l) => (l.split("\t")[3] ?? "") === "").slice(0, 10);
  top = (ranked[0]?.split("\t")[0] ?? "").toLowerCase().replace(/[-_.]+/g, "-");
  tsv = path.join(mkdtempSync(path.join(tmpdir(), "guildhall-facts-")), "packages-2026-11.tsv");
  writeFileSync(tsv, `${lines[0]}\n${[...ranked, ...unranked].join("\n")}\n`);
  database = await createTestDatabase();
  ({ app, services } = await createTestApplication(database));
  await loadSnapshot({ db: database.db, clock: services.clock, file: tsv });
  server = await startPypiServer({ tsv });
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe("a catalogue loaded only from a snapshot", () => {
  it("package page: not synced yet, how to get verdicts, never 'declares nothing'", async () => {
    const page = await html(`/packages/${top}`);
    expect(page).toContain("Not synced yet");
    expect(page).toContain("guildhall packages sync --index https://pypi.org");
    expect(page).toContain("not known (not synced yet)");
    expect(page).not.toContain("declares no classifiers");
    expect(page).not.toContain("has no classifiers");
    expect(page).not.toContain("not declared");
    expect(page).not.toMatch(/Last synced/i);
    // The facts' source: the snapshot file and the date its data is from.
    expect(page).toMatch(
      /snapshot packages-2026-11\.tsv, loaded 2026-11-21, as of <time datetime="2026-11">2026-11<\/time>/,
    );
    expect(page).toContain("(month only, from the snapshot)");
  });

  it("package list: not synced cells, the snapshot's date, no last-synced time, a filter note", async () => {
    const page = await html("/packages");
    expect(page).toContain("Not synced from an index yet.");
    expect(page).not.toMatch(/Last synced/i);
    expect(page).toContain('<td class="muted">not synced</td>');
    expect(page).not.toContain('<span class="muted">none</span>');
    expect(page).toContain('as of <time datetime="2026-11">2026-11</time>');
    const filtered = await html("/packages?django=5.2");
    expect(filtered).toContain("No packages match.");
    expect(filtered).toContain(
      "The Django and Python filters only see synced projects: 40 are not synced yet",
    );
  });

  it("/api/packages: unknown facts are null, not empty, and every item has its provenance", async () => {
    const list = await json<ListJson>("/api/packages?per_page=100");
    expect(list.catalogue).toMatchObject({ packages: 40, synced: 0, notSynced: 40, lastSync: null });
    expect(list.catalogue.snapshot).toMatchObject({ kind: "snapshot", asOf: "2026-11" });
    for (const i of list.items) {
      expect(i).toMatchObject({
        metadata: "not-synced",
        requiresPython: null,
        djangoClassifiers: null,
        pythonClassifiers: null,
        yanked: null,
        syncedAt: null,
        latestReleaseAt: null,
      });
      expect(i.latestReleaseMonth).toMatch(/^\d{4}-\d{2}$/);
      expect(i.provenance.facts).toMatchObject({ kind: "snapshot", asOf: "2026-11" });
      expect(i.provenance.facts?.source).toContain("packages-2026-11.tsv");
    }
    const one = await json<Item & { classifiers: null; releases: null; support: Array<{ verdict: string }> }>(
      `/api/packages/${top}`,
    );
    expect(one.classifiers).toBeNull();
    expect(one.releases).toBeNull();
    expect(one.support.length).toBeGreaterThan(0);
    expect(new Set(one.support.map((s) => s.verdict))).toEqual(new Set(["not-synced"]));
  });

  it("/packages.csv says unknown in the cells a snapshot cannot fill, with the source of each row", async () => {
    const rows = await csv("/packages.csv");
    expect(rows).toHaveLength(40);
    for (const r of rows) {
      expect(r).toMatchObject({
        metadata: "not synced",
        requiresPython: "unknown (not synced)",
        djangoClassifiers: "unknown (not synced)",
        yanked: "unknown (not synced)",
        syncedAt: "",
      });
      expect(r["factsSource"]).toBe("snapshot packages-2026-11.tsv, loaded 2026-11-21, as of 2026-11");
      expect(r["latestRelease"]).toMatch(/^\d{4}-\d{2}$/);
    }
  });

  it("readiness: counted as not synced, no 0% ready, how to get verdicts, computed-at", async () => {
    const api = await json<Readiness>("/api/readiness/6.1?top=20");
    expect(api.readiness).toMatchObject({ considered: 20, known: 0, readyShare: null });
    expect(api.readiness.counts).toEqual({ yes: 0, maybe: 0, no: 0, unknown: 0, "not-synced": 20 });
    expect(api.catalogue.lastSync).toBeNull();
    expect(api.toGetVerdicts).toMatchObject({
      notSynced: 20,
      command: "guildhall packages sync --index https://pypi.org",
    });
    expect(api.provenance).toMatchObject({ kind: "computed", asOf: "2026-11-21T12:00:00.000Z" });
    expect(api.computedAt).toBe("2026-11-21T12:00:00.000Z");
    const page = await html("/readiness/6.1?top=20");
    expect(page).not.toContain("0.0%");
    expect(page).toContain("Ready share not known");
    expect(page).toContain("guildhall packages sync --index https://pypi.org");
    expect(page).toContain("there is no &quot;last synced&quot; time");
    expect(page).toMatch(/computed <time datetime="2026-11-21T12:00:00.000Z">2026-11-21 12:00 UTC<\/time>/);
    const index = await html("/readiness?top=20");
    expect(index).not.toContain("0.0%");
    expect(index).toContain("<td>not known</td>");
    const out = await cli(["readiness", "6.1", "--top", "20"]);
    expect(out).toContain("not known: none of the 20 packages has been synced from an index");
    expect(out).toContain("not synced yet: 20");
    expect(out).toContain("run a sync to get verdicts: guildhall packages sync --index https://pypi.org");
    expect(out).not.toContain("0.0%");
  });
});

describe("the same catalogue after a sync", () => {
  beforeAll(async () => {
    await syncPackages({
      database,
      clock: services.clock,
      log: services.log,
      httpFor: () => services.http,
      indexUrl: server.url,
      pollMs: 50,
    });
  });

  it("package page and list: the facts, their sync run and index, and a last-synced time", async () => {
    const page = await html(`/packages/${top}`);
    expect(page).not.toContain("Not synced yet");
    expect(page).toMatch(new RegExp(`sync run \\d+ of ${server.url.replace(/[.:/]/g, "\\$&")}`));
    expect(page).toContain("Verdicts:");
    // The rank still comes from the snapshot.
    expect(page).toContain('(<span class="source">snapshot packages-2026-11.tsv, loaded 2026-11-21, as of');
    const list = await html("/packages");
    expect(list).toMatch(
      /Last synced: <span class="source"><a href="http:\/\/127\.0\.0\.1:\d+">sync run \d+ of/,
    );
    expect(list).not.toContain('<td class="muted">not synced</td>');
  });

  it("/api/packages and the CSV: synced facts with the run that fetched them", async () => {
    const list = await json<ListJson>("/api/packages?per_page=100");
    expect(list.catalogue).toMatchObject({ synced: 40, notSynced: 0 });
    expect(list.catalogue.lastSync).toMatchObject({ kind: "fetched", url: server.url });
    for (const i of list.items) {
      expect(i.metadata).toBe("synced");
      expect(Array.isArray(i.djangoClassifiers)).toBe(true);
      expect(i.syncedAt).toBe("2026-11-21T12:00:00.000Z");
      expect(i.provenance.facts).toMatchObject({ kind: "fetched", url: server.url });
      expect(i.provenance.rank?.kind).toBe("snapshot");
    }
    const rows = await csv("/packages.csv");
    expect(
      rows.every((r) => r["metadata"] === "synced" && !r["djangoClassifiers"]?.includes("unknown")),
    ).toBe(true);
    expect(rows[0]?.["factsSource"]).toMatch(
      /^sync run \d+ of http:\/\/127\.0\.0\.1:\d+, fetched 2026-11-21 12:00 UTC$/,
    );
  });

  it("a synced release that declares nothing says so, as 'declares nothing', not 'not synced'", async () => {
    await database.db
      .update(packages)
      .set({ classifiers: [], requiresDist: [], requiresPython: null })
      .where(eq(packages.name, top));
    const page = await html(`/packages/${top}`);
    expect(page).toContain("the release declares no classifiers, requirements or Requires-Python");
    expect(page).toContain("declares nothing");
    expect(page).not.toContain("Not synced yet");
    const item = (await json<ListJson>(`/api/packages?q=${top}`)).items.find((i) => i.name === top);
    expect(item).toMatchObject({ metadata: "synced", djangoClassifiers: [], requiresPython: null });
    const row = (await csv(`/packages.csv?q=${top}`)).find((r) => r["name"] === top);
    expect(row).toMatchObject({ djangoClassifiers: "", requiresPython: "", metadata: "synced" });
  });

  it("readiness: a share over known packages, the last sync as a source, nothing left to sync", async () => {
    const api = await json<Readiness>("/api/readiness/6.1?top=20");
    expect(api.readiness.known).toBe(20);
    expect(api.readiness.counts["not-synced"]).toBe(0);
    expect(typeof api.readiness.readyShare).toBe("number");
    expect(api.toGetVerdicts).toBeNull();
    expect(api.catalogue.lastSync).toMatchObject({ kind: "fetched", url: server.url });
    const page = await html("/readiness/6.1?top=20");
    expect(page).not.toContain("Ready share not known");
    expect(page).toMatch(/\d+\.\d% of the top 20 packages by downloads are ready/);
    const out = await cli(["readiness", "6.1", "--top", "20"]);
    expect(out).toMatch(
      /last synced: sync run \d+ of http:\/\/127\.0\.0\.1:\d+, fetched 2026-11-21 12:00 UTC/,
    );
  });
});
