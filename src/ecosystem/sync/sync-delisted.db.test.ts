/**
 * Projects that leave the index and the scope of a sync: a project the index stops listing is
 * marked on its page, in the API and in the CSV export, and unmarked when the index lists it again;
 * once the catalogue holds projects, a new project whose name is not Django-related is left out
 * (and counted) unless the run asks for every listed project.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { startCli } from "../../../test/pypi-server/run-cli.ts";
import { type PypiServer, startPypiServer } from "../../../test/pypi-server/server.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { createRun, findRunningRun } from "./sync.repo.ts";
import { syncPackages } from "./sync-packages.ts";

const clock = new FixedClock("2026-11-21T12:00:00Z");
let database: Database;
let server: PypiServer;
let app: Hono<AppEnv>;
let services: Services;

const sync = (scope?: "auto" | "listed" | "catalogue") =>
  syncPackages({
    database,
    clock,
    log: services.log,
    httpFor: () => services.http,
    indexUrl: server.url,
    scope,
    workers: 1,
    pollMs: 20,
  });

async function packageJson(name: string) {
  const res = await app.request(`/api/packages/${name}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { delistedAt: string | null; latestVersion: string };
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, services } = await createTestApplication(database, {}, clock));
  server = await startPypiServer({ limit: 40 });
});

afterAll(async () => {
  await server?.close();
  await database?.close();
});

describe("projects leaving the index, and the sync's scope", () => {
  let gone: string;

  it("syncs every listed project into an empty catalogue", async () => {
    const first = await sync();
    expect(first.scope).toBe("listed");
    expect(first.fetched).toBe(40);
    expect(first.outOfScope).toBe(0);
    expect(first.delisted).toBe(0);
  });

  it("marks a project the index no longer lists, on its page, in the API and in the export", async () => {
    gone = server.names[3] ?? "";
    server.removeProjects([gone]);
    clock.set("2026-11-22T08:00:00Z");
    const run = await sync();
    expect(run.scope).toBe("catalogue");
    expect(run.delisted).toBe(1);
    expect(run.queued).toBe(0);
    expect((await packageJson(gone)).delistedAt).toBe("2026-11-22T08:00:00.000Z");
    expect((await packageJson(server.names[0] ?? "")).delistedAt).toBeNull();

    const page = await (await app.request(`/packages/${gone}`)).text();
    expect(page).toContain("No longer on the index");
    expect(page).toContain("2026-11-22");
    const list = await (await app.request(`/packages?q=${encodeURIComponent(gone)}`)).text();
    expect(list).toContain("(no longer on the index)");
    const csv = parse(await (await app.request("/packages.csv")).text(), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(csv.find((r) => r["name"] === gone)?.["delistedAt"]).toBe("2026-11-22T08:00:00.000Z");
    expect(csv.filter((r) => r["delistedAt"]).length).toBe(1);

    // A second run does not mark it again (the date stays the first one seen).
    clock.set("2026-11-23T08:00:00Z");
    const again = await sync();
    expect(again.delisted).toBe(0);
    expect((await packageJson(gone)).delistedAt).toBe("2026-11-22T08:00:00.000Z");
  });

  it("leaves out new projects that are not Django-related unless every listed project is asked for", async () => {
    server.addProject({ name: "django-newcomer", version: "1.0", month: "2026-11", rank: null, summary: "" });
    server.addProject({ name: "left-pad-tools", version: "2.0", month: "2026-11", rank: null, summary: "" });
    const catalogueRun = await sync();
    expect(catalogueRun.scope).toBe("catalogue");
    expect(catalogueRun.outOfScope).toBe(1);
    expect(catalogueRun.fetched).toBe(1);
    expect((await app.request("/api/packages/django-newcomer")).status).toBe(200);
    expect((await app.request("/api/packages/left-pad-tools")).status).toBe(404);

    const listedRun = await sync("listed");
    expect(listedRun.scope).toBe("listed");
    expect(listedRun.outOfScope).toBe(0);
    expect(listedRun.fetched).toBe(1);
    expect((await packageJson("left-pad-tools")).latestVersion).toBe("2.0");
  });

  it("unmarks a project the index lists again", async () => {
    server.addProject({ name: gone, version: "9.9", month: "2026-11", rank: null, summary: "" });
    const run = await sync();
    expect(run.relisted).toBe(1);
    const back = await packageJson(gone);
    expect(back.delistedAt).toBeNull();
    expect(back.latestVersion).toBe("9.9");
  });

  it("documents --scope and refuses an unknown one in one line", async () => {
    const env = { GUILDHALL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "guildhall-scope-")) };
    const help = startCli(["packages", "sync", "--help"], env);
    expect((await help.exited).code).toBe(0);
    expect(help.output()).toMatch(/--scope <scope>/);
    const bad = startCli(["packages", "sync", "--index", server.url, "--scope", "everything"], env);
    expect((await bad.exited).code).not.toBe(0);
    expect(bad.output().trim().split("\n")).toHaveLength(1);
    expect(bad.output()).toMatch(/--scope must be auto, listed or catalogue/);
  }, 60_000);

  it("refuses to resume an unfinished run under another --scope, and resumes it under its own or auto", async () => {
    const runId = await createRun(database.db, RUN_FIELDS());
    await expect(sync("listed")).rejects.toThrow(
      new RegExp(
        `Sync run ${runId} of .* is unfinished with --scope catalogue.*--scope catalogue \\(or --scope auto\\)`,
      ),
    );
    // Refused before anything was done: the run is still there, unfinished.
    expect((await findRunningRun(database.db, server.url))?.id).toBe(runId);
    const resumed = await sync("catalogue");
    expect(resumed.runId).toBe(runId);
    expect(resumed.resumed).toBe(true);
    expect(resumed.scope).toBe("catalogue");
    expect(await findRunningRun(database.db, server.url)).toBeUndefined();

    const again = await createRun(database.db, { ...RUN_FIELDS(), scope: "listed" });
    const auto = await sync();
    expect(auto.runId).toBe(again);
    expect(auto.scope).toBe("listed");
  });
});

/** An unfinished run with no work left, as a sync killed after planning leaves it. */
function RUN_FIELDS() {
  return {
    indexUrl: server.url,
    startedAt: clock.now(),
    indexSerial: null,
    listed: 0,
    scope: "catalogue" as const,
    outOfScope: 0,
    items: [],
    delist: [],
    relist: [],
  };
}
