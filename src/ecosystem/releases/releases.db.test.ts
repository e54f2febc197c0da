/**
 * The release calendar and readiness over a real database: recorded milestones, pages, the JSON
 * API, the iCalendar feeds (checked with Debian's python3-icalendar) and the command line.
 */

import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommands } from "../../../test/cli.ts";
import { createTestDatabase } from "../../../test/db.ts";
import * as eco from "../../../test/factories/ecosystem.ts";
import { requirePythonModules } from "../../../test/prerequisites.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import { loadConfig } from "../../platform/config.ts";
import type { Database } from "../../platform/db/index.ts";
import { packages, releaseMilestones } from "../../platform/db/schema.ts";
import { isAppError } from "../../platform/errors.ts";
import { createHttpApp } from "../../platform/http/app.tsx";
import { createServices, type Services } from "../../platform/services.ts";
import { registerCompatCommands } from "../compat/compat.cli.ts";
import { createReadinessRouter } from "../compat/readiness.routes.tsx";
import { MILESTONE_KINDS } from "./calendar.ts";
import { recordMilestone } from "./record-milestone.ts";
import { registerReleasesCommands } from "./releases.cli.ts";
import { createReleasesRouter } from "./releases.routes.tsx";

let database: Database;
let services: Services;
let app: ReturnType<typeof createHttpApp>;
const clock = new FixedClock("2026-11-21T12:00:00Z");

const PY_ICS = `
import datetime, json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = []
for e in cal.walk('VEVENT'):
    start = e.decoded('dtstart'); end = e.decoded('dtend')
    out.append({'uid': str(e.get('uid')), 'start': start.isoformat(), 'end': end.isoformat(),
                'allDay': not isinstance(start, datetime.datetime), 'summary': str(e.get('summary')),
                'description': str(e.get('description'))})
print(json.dumps(out))
`;

interface IcsEvent {
  uid: string;
  start: string;
  end: string;
  allDay: boolean;
  summary: string;
  description: string;
}
function parseIcs(text: string): IcsEvent[] {
  return JSON.parse(
    execFileSync(requirePythonModules(["icalendar"]), ["-c", PY_ICS], { input: text, encoding: "utf8" }),
  ) as IcsEvent[];
}

interface SeriesJson {
  series: string;
  lts: boolean;
  phase: string;
  milestones: Record<string, { date: string | null; status: string; rule: string }>;
}

async function get(p: string) {
  return app.request(p);
}

const pkg = (name: string, rank: number | null, over: Partial<typeof packages.$inferInsert> = {}) => ({
  name,
  displayName: name,
  latestVersion: "1.0",
  downloadRank: rank,
  // As a sync leaves them: the metadata below was fetched (django-snapshot-only is the exception).
  source: "index" as const,
  syncedAt: new Date("2026-11-20T00:00:00Z"),
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  services = await createServices(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), { database, clock });
  app = createHttpApp({
    log: services.log,
    routers: [createReleasesRouter(services), createReadinessRouter(services)],
  });
  await database.db.insert(packages).values([
    pkg("django", 1),
    pkg("djangorestframework", 2, {
      classifiers: ["Framework :: Django :: 5.2", "Framework :: Django :: 6.1"],
    }),
    pkg("django-pinned", 3, {
      classifiers: ["Framework :: Django :: 6.1", "Framework :: Django :: 6.2"],
      requiresDist: ["Django>=4.2,<6.2"],
    }),
    pkg("django-open", 4, { classifiers: ["Framework :: Django"], requiresDist: ["django>=4.2"] }),
    pkg("django-old-python", 5, { requiresPython: "<3.10", classifiers: ["Framework :: Django :: 6.2"] }),
    pkg("django-bare", 6),
    pkg("django-unranked", null, { classifiers: ["Framework :: Django :: 6.2"] }),
    pkg("django-snapshot-only", 7, { source: "snapshot", syncedAt: null }),
  ]);
});

afterAll(async () => {
  await database?.close();
});

describe("recording milestone dates", () => {
  it("stores an announced date that then overrides the projection everywhere", async () => {
    const before = (await (await get("/api/releases")).json()) as { series: SeriesJson[] };
    const alphaBefore = before.series.find((s) => s.series === "6.2")?.milestones.alpha;
    expect(alphaBefore?.status).toBe("projected");
    await eco.announceMilestone({ db: database.db, clock }, "6.2", "alpha", "2027-01-13", {
      note: "announced on the forum",
    });
    const after = (await (await get("/api/releases")).json()) as { series: SeriesJson[] };
    const alpha = after.series.find((s) => s.series === "6.2")?.milestones.alpha;
    expect(alpha).toMatchObject({ date: "2027-01-13", status: "announced" });
    expect(alpha?.rule).toContain("fellows");
  });

  it("rejects bad input naming the field and stores nothing", async () => {
    const count = async () => (await database.db.select().from(releaseMilestones)).length;
    const n = await count();
    const cases = [
      { series: "7.0", milestone: "final", date: "2027-01-01", field: "series" },
      { series: "6.2", milestone: "gamma", date: "2027-01-01", field: "milestone" },
      { series: "6.2", milestone: "final", date: "2027-02-30", field: "date" },
      { series: "6.2", milestone: "final", date: "April 2027", field: "date" },
      { series: "6.2", milestone: "final", date: "0001-01-01", field: "date" },
      { series: "6.2", milestone: "final", date: "+275760-09-13", field: "date" },
      { series: "6.2", milestone: "final", date: "1e15", field: "date" },
      { series: "6.2", milestone: "final", date: "2027-01-01", note: "a\u0000b", field: "note" },
    ];
    for (const c of cases) {
      const err = await recordMilestone({ db: database.db, clock, recordedBy: "x", ...c }).catch(
        (e: unknown) => e,
      );
      expect(isAppError(err) && err.code === "validation", `${c.field} rejected`).toBe(true);
      expect(isAppError(err) ? err.issues[0]?.field : "").toBe(c.field);
    }
    expect(await count()).toBe(n);
  });
});

describe("pages", () => {
  it("/releases has the chart with a text alternative, the table, projected marks and feed links", async () => {
    const res = await get("/releases");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<link rel="alternate" type="text/calendar"');
    expect(html).toContain('href="/releases/calendar.ics"');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="support-chart-title support-chart-desc"/);
    expect(html).toContain("<caption>Django series and their milestones");
    expect(html).toContain("projected</span>");
    expect(html).toContain('href="/releases/2028.ics"');
  });

  it("/releases/support answers with the supported series and the reasoning", async () => {
    const html = await (await get("/releases/support")).text();
    expect(html).toContain("Django&gt;=5.2");
    expect(html).toContain("previous LTS, which is 5.2");
    expect(html).toContain("The next series");
    // Only 6.2, the series in development, is tested against the main branch; 2028 on is planned.
    expect(html).toMatch(
      /<strong>6\.2<\/strong>: test against Django&#39;s main branch|<strong>6\.2<\/strong>: test against Django's main branch/,
    );
    expect(html).not.toMatch(/<strong>2028<\/strong>/);
    expect(html).toContain("Planned, not yet in development: 2028");
  });

  it("/releases marks 6.1's past pre-releases not recorded and says how an admin records them", async () => {
    const html = await (await get("/releases")).text();
    const row = /<tr id="series-6\.1">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? "";
    expect(row.match(/not recorded<\/span>/g)).toHaveLength(3);
    expect(row).not.toContain("2026-05-19");
    expect(html).toContain("guildhall releases record 6.1 alpha YYYY-MM-DD");
    const row42 = /<tr id="series-4\.2">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? "";
    expect(row42).toContain('<time datetime="2023-01-17"');
    expect(row42).toContain('href="https://pypi.org/project/Django/4.2a1/"');
    const row2028 = /<tr id="series-2028">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? "";
    expect(row2028).toContain("<td>planned</td>");
    expect(row2028).toContain("not yet announced");
    expect(html).toMatch(
      /Source: <span class="source">Django&#39;s announcements[^<]*, computed <time datetime="2026-11-21T12:00:00.000Z">/,
    );
    const api = (await (await get("/api/releases")).json()) as {
      computedAt: string;
      provenance: { kind: string };
    };
    expect(api.computedAt).toBe("2026-11-21T12:00:00.000Z");
    expect(api.provenance.kind).toBe("computed");
  });
});

describe("iCalendar feeds (checked with python3-icalendar)", () => {
  beforeAll(() => {
    requirePythonModules(["icalendar"]);
  });

  it("/releases/calendar.ics has one all-day event per milestone with stable UIDs and the JSON dates", async () => {
    const res = await get("/releases/calendar.ics");
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const text = await res.text();
    const events = parseIcs(text);
    const api = (await (await get("/api/releases")).json()) as { series: SeriesJson[] };
    const dated = api.series.flatMap((s) => MILESTONE_KINDS.filter((k) => s.milestones[k]?.date !== null));
    expect(events).toHaveLength(dated.length);
    // 6.1's three past pre-releases are not recorded: no event rather than a guessed day.
    expect(dated.length).toBe(api.series.length * MILESTONE_KINDS.length - 3);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const s of api.series) {
      for (const k of MILESTONE_KINDS) {
        const ev = events.find((e) => e.uid === `django-${s.series}-${k}@releases.guildhall`);
        const m = s.milestones[k];
        if (m?.date === null) {
          expect(ev, `${s.series} ${k} has no event`).toBeUndefined();
          continue;
        }
        expect(ev, `${s.series} ${k}`).toBeDefined();
        expect(ev?.allDay).toBe(true);
        expect(ev?.start).toBe(m?.date);
        expect(ev?.summary.includes("(projected)")).toBe(m?.status === "projected");
        expect(ev?.description.startsWith(m?.status === "projected" ? "Projected" : "Announced")).toBe(true);
      }
    }
    const again = parseIcs(await (await get("/releases/calendar.ics")).text());
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
  });

  it("/releases/<series>.ics holds that series only; an unknown series is 404", async () => {
    const events = parseIcs(await (await get("/releases/6.0.ics")).text());
    expect(events).toHaveLength(6);
    expect(events.find((e) => e.uid === "django-6.0-final@releases.guildhall")).toMatchObject({
      start: "2025-12-03",
      end: "2025-12-04",
      summary: "Django 6.0: Final release",
    });
    const cal = parseIcs(await (await get("/releases/2028.ics")).text());
    expect(cal.every((e) => e.summary.endsWith("(projected)"))).toBe(true);
    expect((await get("/releases/9.9.ics")).status).toBe(404);
  });
});

describe("readiness", () => {
  it("/api/readiness/<series> judges the top N by rank, leaving out Django itself and unranked packages", async () => {
    const res = await get("/api/readiness/6.1?top=10");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      phase: string;
      readiness: {
        considered: number;
        counts: Record<string, number>;
        rows: Array<{ name: string; compat: { verdict: string } }>;
      };
    };
    expect(body.phase).toBe("mainstream");
    expect(body.readiness.rows.map((r) => [r.name, r.compat.verdict])).toEqual([
      ["djangorestframework", "yes"],
      ["django-pinned", "yes"],
      ["django-open", "maybe"],
      ["django-old-python", "no"],
      ["django-bare", "unknown"],
      ["django-snapshot-only", "not-synced"],
    ]);
    // The package nobody synced is counted apart and left out of the share: 2 yes of 5 known.
    expect(body.readiness.counts).toEqual({ yes: 2, maybe: 1, no: 1, unknown: 1, "not-synced": 1 });
    expect((body as unknown as { readiness: { readyShare: number } }).readiness.readyShare).toBe(0.4);
    const full = body as unknown as {
      computedAt: string;
      provenance: { kind: string; asOf: string };
      catalogue: { lastSync: null; synced: number; notSynced: number };
      toGetVerdicts: { notSynced: number; command: string };
    };
    expect(full.computedAt).toBe("2026-11-21T12:00:00.000Z");
    expect(full.provenance).toMatchObject({ kind: "computed", asOf: "2026-11-21T12:00:00.000Z" });
    // No sync run has finished here, so there is no "last synced", whatever the rows say.
    expect(full.catalogue.lastSync).toBeNull();
    expect(full.toGetVerdicts).toMatchObject({
      notSynced: 1,
      command: expect.stringContaining("packages sync"),
    });
  });

  it("works for an upcoming series and reports disagreements", async () => {
    const body = (await (await get("/api/readiness/6.2?top=3")).json()) as {
      upcoming: boolean;
      readiness: {
        counts: Record<string, number>;
        rows: Array<{ name: string; compat: { verdict: string; conflicts: string[] } }>;
      };
    };
    expect(body.upcoming).toBe(true);
    expect(body.readiness.counts).toEqual({ yes: 0, maybe: 1, no: 2, unknown: 0, "not-synced": 0 });
    const pinned = body.readiness.rows.find((r) => r.name === "django-pinned");
    expect(pinned?.compat.verdict).toBe("no");
    expect(pinned?.compat.conflicts[0]).toContain("requires-dist excludes 6.2");
  });

  it("rejects a bad top and an unknown series", async () => {
    const bad = await get("/api/readiness/6.1?top=abc");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("top");
    expect((await get("/api/readiness/6.1?top=0")).status).toBe(422);
    expect((await get("/api/readiness/7.7")).status).toBe(404);
  });

  it("serves the index and the series page with the chart", async () => {
    const index = await (await get("/readiness?top=5")).text();
    expect(index).toContain("<caption>Readiness of the top 5 packages per Django series</caption>");
    expect(index).toContain('href="/readiness/2028?top=5"');
    expect(index).not.toContain('href="/readiness/4.2?top=5"');
    const page = await (await get("/readiness/6.2?top=5")).text();
    expect(page).toMatch(/<svg[^>]*role="img"/);
    expect(page).toContain("Readiness of Django 6.2</title>");
    expect(page).toContain("Disagreement:");
  });
});

describe("command line", () => {
  const run = (args: string[]) =>
    runCommands(services, [registerReleasesCommands, registerCompatCommands], args);

  it("releases prints the table with projected marks; --json the data", async () => {
    const table = await run(["releases"]);
    expect(table.out).toMatch(/^6\.2 LTS\s+in-development/m);
    expect(table.out).toContain("2027-01-13 ");
    expect(table.out).toContain("2027-04-07*");
    // 6.1's past pre-releases: not recorded, not the projection; Python of later series unknown.
    expect(table.out).toMatch(
      /^6\.1\s+mainstream\s+3\.12-3\.14\s+not recorded\s+not recorded\s+not recorded\s+2026-08-04/m,
    );
    expect(table.out).toMatch(/^2028\s+planned\s+\?\s/m);
    expect(table.out).toContain("record one with: guildhall releases record 6.1 alpha YYYY-MM-DD");
    // JSON lines: one series per line, each with the day its phase was computed for.
    const lines = (await run(["releases", "--json"])).out
      .split("\n")
      .map((l) => JSON.parse(l) as SeriesJson & { today: string });
    expect(lines.length).toBeGreaterThan(5);
    expect(new Set(lines.map((s) => s.today))).toEqual(new Set(["2026-11-21"]));
    expect(lines.map((s) => s.series)).toContain("2030");
  });

  it("releases record validates and stores", async () => {
    const ok = await run(["releases", "record", "2028", "final", "2028-01-12", "--by", "releasers"]);
    expect(ok.out).toContain("Recorded Django 2028 final on 2028-01-12");
    expect(ok.out).toContain("/releases#series-2028");
    const bad = await run(["releases", "record", "2028", "final", "2028-13-01"]);
    expect(isAppError(bad.error)).toBe(true);
    // The command line takes dates through the same building block as the web: no year 1.
    const ancient = await run(["releases", "record", "2028", "final", "0001-01-01"]);
    expect(isAppError(ancient.error) ? ancient.error.message : "").toMatch(/date: must be a date from 1900/);
    const order = await run(["releases", "record", "2028", "rc", "2028-02-01"]);
    expect(isAppError(order.error) && order.error.message).toContain(
      "on or before the final release of Django 2028",
    );
  });

  it("releases remove takes a recorded date away and says what the calendar shows now", async () => {
    const removed = await run(["releases", "remove", "2028", "final", "--note", "recorded too early"]);
    expect(removed.error).toBeNull();
    expect(removed.out).toContain(
      "Removed the recorded final of Django 2028; the calendar now shows 2028-01-12, projected.",
    );
    const again = await run(["releases", "remove", "2028", "final"]);
    expect(isAppError(again.error) && again.error.message).toContain(
      "no recorded date for the final release of Django 2028",
    );
  });

  it("packages inspect reads a real metadata file", async () => {
    const file = sharedData("core-metadata/django_debug_toolbar-3.8.1.dist-info.METADATA");
    const r = JSON.parse((await run(["packages", "inspect", file, "--json"])).out) as {
      name: string;
      django: { fromClassifiers: string[]; allowedByRequiresDist: string[] };
    };
    expect(r.name).toBe("django_debug_toolbar");
    expect(r.django.fromClassifiers).toEqual(["3.2", "4.0", "4.1"]);
    expect(r.django.allowedByRequiresDist).toContain("6.1");
    expect(r.django.allowedByRequiresDist).not.toContain("3.1");
    const old = await run([
      "packages",
      "inspect",
      sharedData("core-metadata/django_tastypie-0.13.3.egg-info.METADATA"),
    ]);
    expect(old.out).toMatch(/requires \(1\.1\):\s+\d/);
    expect(old.out).toContain("metadata version: 1.1");
    const missing = await run(["packages", "inspect", "/nonexistent/METADATA"]);
    expect(isAppError(missing.error)).toBe(true);
  });

  it("readiness SERIES --top N prints counts and rows", async () => {
    const r = await run(["readiness", "6.1", "--top", "2"]);
    expect(r.out).toContain("100.0% ready of the top 2 packages");
    expect(r.out).toContain("source: Guildhall's compatibility rules");
    expect(r.out).toContain("catalogue never synced from an index");
    expect(r.out).toContain("djangorestframework");
    const bad = await run(["readiness", "6.1", "--top", "x"]);
    expect(isAppError(bad.error)).toBe(true);
  });
});
