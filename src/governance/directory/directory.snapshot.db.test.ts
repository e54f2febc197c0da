/**
 * The directory over the real DSF charter repository: its history replayed from the bundle, then
 * the snapshot imported; every group page and API body must render and validate.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { createGovernanceTestApp } from "../../../test/governance-app.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { importCharters } from "../registry/import-charters.ts";
import { replayHistory } from "../registry/replay-history.ts";
import { GroupDetailSchema, GroupListSchema, GroupTimelineSchema } from "./schemas.ts";

const SNAPSHOT = sharedData("dsf-working-groups");
const BUNDLE = sharedData("dsf-working-groups.bundle");

type App = Awaited<ReturnType<typeof createGovernanceTestApp>>["app"];

let database: Database;
let app: App;
let tmp: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const clock = new FixedClock("2026-11-21T00:00:00Z");
  tmp = mkdtempSync(path.join(tmpdir(), "guildhall-directory-"));
  const repo = path.join(tmp, "wg");
  execFileSync("git", ["clone", "--quiet", BUNDLE, repo]);
  await replayHistory({ services: { database, clock }, gitDir: repo });
  await importCharters({ services: { database, clock }, dir: SNAPSHOT });
  ({ app } = await createGovernanceTestApp(database));
}, 240_000);

afterAll(async () => {
  await database?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("the directory over the DSF charter repository", () => {
  it("lists every charter of the snapshot, sectioned by folder", async () => {
    const res = await app.request("/api/groups");
    expect(res.status).toBe(200);
    const list = GroupListSchema.parse(await res.json());
    const bySlug = new Map(list.groups.map((g) => [g.slug, g]));
    for (const slug of ["accessibility", "ai", "code-of-conduct", "website", "mergers", "releasers"]) {
      expect(bySlug.get(slug)?.status, slug).toBe("active");
    }
    expect(bySlug.get("dceu")?.status).toBe("archived");
    expect(bySlug.get("package-maintainers")?.status).toBe("draft");
    expect(bySlug.get("mergers")?.kind).toBe("team");
    // Teams have no chair lines, so no "below minimum" for a missing chair.
    expect(bySlug.get("mergers")?.health.map((f) => f.code)).not.toContain("below-minimum-membership");
    // website: Chair, Co-Chair, Board Liaison (also listed as a member) and 12 more: 15 people.
    expect(bySlug.get("website")?.size).toBe(15);
    expect(bySlug.get("website")?.health.map((f) => f.code)).toContain("size-outside-range");
    expect(bySlug.get("website")?.chairs.map((p) => p.name)).toEqual(["Sarah Abderemane"]);
    const html = await (await app.request("/groups")).text();
    for (const g of list.groups) expect(html).toContain(`href="/groups/${g.slug}"`);
  });

  it("renders every group page and API body, with member-since dates from history", async () => {
    const list = GroupListSchema.parse(await (await app.request("/api/groups")).json());
    expect(list.groups.length).toBeGreaterThanOrEqual(15);
    let membersWithSince = 0;
    for (const summary of list.groups) {
      const page = await app.request(`/groups/${summary.slug}`);
      expect(page.status, summary.slug).toBe(200);
      const html = await page.text();
      expect(html).toContain("<h1>");
      expect(html).toContain('id="timeline"');
      const group = GroupDetailSchema.parse(await (await app.request(`/api/groups/${summary.slug}`)).json());
      expect(group.size).toBe(summary.size);
      for (const m of group.members) {
        expect(html).toContain(`href="/people/${m.person.slug}"`);
        if (m.since) membersWithSince++;
      }
      const timeline = GroupTimelineSchema.parse(
        await (await app.request(`/api/groups/${summary.slug}/timeline`)).json(),
      );
      for (const e of timeline.events.filter((e) => e.commitSha)) {
        expect(html).toContain(`/commit/${e.commitSha}`);
      }
    }
    expect(membersWithSince).toBeGreaterThan(20);
  });

  it("shows links, membership models, term windows, alumni from history and where the charter was read", async () => {
    const page = async (slug: string) => {
      const res = await app.request(`/groups/${slug}`);
      expect(res.status, slug).toBe(200);
      return res.text();
    };
    const coc = await page("code-of-conduct");
    expect(coc).toContain('<a href="https://djangoproject.com/conduct">Django Code of Conduct</a>');
    expect(coc).toContain('<a href="mailto:conduct@djangoproject.com">conduct@djangoproject.com</a>');
    expect(coc).toMatch(
      /Jay Miller<\/a> <span class="muted">left <time datetime="2025-07-02">2025-07-02<\/time> \(commit <a href="https:\/\/github\.com\/django\/dsf-working-groups\/commit\/355fe68/u,
    );
    expect(coc).not.toContain("(from import)");
    const fellowship = await page("fellowship");
    expect(fellowship).toContain("1 April to 31 March each year");
    expect(fellowship).not.toContain("month-day");
    expect(fellowship).toContain("<li>Diversity: the WG membership should be diverse");
    expect(fellowship).toContain(
      '<a href="https://www.djangoproject.com/contact/foundation/">Contact the board</a>',
    );
    expect(await page("triage-and-review")).toContain(
      "By invitation: any member can invite a new member; no vote is held",
    );
    const a11y = await page("accessibility");
    expect(a11y).toContain("Not stated: the charter does not say how new members are admitted");
    expect(a11y).toContain("ask the DSF Board");
    expect(a11y).toContain('<a href="https://chat.djangoproject.com">Django Discord server</a>');
    expect(a11y).toMatch(/Marijke Luttekes<\/a> <span class="muted">left <time datetime="2025-07-24">/u);
    const website = await page("website");
    expect(website).toMatch(/Eric Sherman<\/a> <span class="muted">left <time datetime="2025-09-22">/u);
    expect(website).toMatch(
      /Charter as of commit <a href="https:\/\/github\.com\/django\/dsf-working-groups\/commit\/[0-9a-f]{40}"><code>[0-9a-f]{10}<\/code><\/a> \(committed <time/u,
    );
    const exported = await (await app.request("/groups/code-of-conduct/charter.md")).text();
    expect(exported).toContain("[Django Code of Conduct](<https://djangoproject.com/conduct>)");
  });

  it("renders person pages for people from the charters", async () => {
    const group = GroupDetailSchema.parse(await (await app.request("/api/groups/website")).json());
    const first = group.roles.chairs[0];
    expect(first).toBeDefined();
    const res = await app.request(`/people/${first?.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Website");
    expect(html).toContain("Chair");
  });
});
