/**
 * The real charter repository (../shared/data: the git bundle of django/dsf-working-groups and its
 * snapshot), imported as a user would: the history replayed, then a checkout imported. The import
 * adds no event dated by its own clock, alumni come from the history too, and the membership
 * models, links and timelines are what the charters say.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { charterImports, groupEvents, groups } from "../../platform/db/schema.ts";
import { parseCharter } from "../charter/parse-charter.ts";
import { getGroup } from "../directory/get-group.ts";
import { getGroupTimeline } from "../directory/get-group-timeline.ts";
import { DEFAULT_HEALTH_CONFIG } from "../directory/health.ts";
import { exportCharter } from "./export-charter.ts";
import { storedCharter } from "./groups.repo.ts";
import { importCharters } from "./import-charters.ts";
import { replayHistory } from "./replay-history.ts";

const BUNDLE = sharedData("dsf-working-groups.bundle");
const SNAPSHOT = sharedData("dsf-working-groups");
const DAY = "2026-11-21";

let database: Database;
let tmp: string;
let repo: string;
let head: string;
const clock = new FixedClock("2026-11-21T12:00:00Z");
const services = () => ({ database, clock });

beforeAll(async () => {
  database = await createTestDatabase();
  tmp = mkdtempSync(path.join(tmpdir(), "guildhall-real-"));
  repo = path.join(tmp, "dsf-working-groups");
  execFileSync("git", ["clone", "--quiet", BUNDLE, repo]);
  head = execFileSync("git", ["-C", repo, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  await replayHistory({ services: services(), gitDir: repo });
}, 240_000);

afterAll(async () => {
  await database?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function group(slug: string) {
  return (await getGroup({ db: database.db, health: DEFAULT_HEALTH_CONFIG, slug, day: DAY })).group;
}

describe("importing a checkout after the history", () => {
  it("records the commit it read and adds no timeline event of its own", async () => {
    const before = await database.db.select().from(groupEvents);
    const s = await importCharters({ services: services(), dir: repo });
    expect(s.commit).toEqual({
      sha: head,
      committedAt: expect.stringMatching(/^2026-05-04T/u),
      from: "git",
      clean: true,
    });
    expect(s.eventsRecorded).toBe(0);
    expect(s.refused).toEqual([]);
    const after = await database.db.select().from(groupEvents);
    expect(after.length).toBe(before.length);
    // Nothing on the timeline is dated by the import's clock.
    expect(after.filter((e) => e.occurredAt.toISOString().startsWith("2026-11-21"))).toEqual([]);
    const [website] = await database.db.select().from(groups).where(eq(groups.slug, "website"));
    expect(website?.sourceCommit).toBe(head);
    const runs = await database.db.select().from(charterImports).where(eq(charterImports.mode, "snapshot"));
    expect((runs.at(-1)?.summary as { commit?: { sha?: string } } | undefined)?.commit?.sha ?? head).toBe(
      head,
    );
  });

  it("ends every group's timeline with what the history says, dated by its commits", async () => {
    for (const slug of ["website", "code-of-conduct", "triage-and-review", "accessibility", "fellowship"]) {
      const { events } = await getGroupTimeline({ db: database.db, slug });
      const last = events.at(-1);
      expect(last?.source, slug).toBe("history");
      expect(last?.commitSha, slug).toMatch(/^[0-9a-f]{40}$/u);
      expect(
        events.filter((e) => e.source === "import"),
        slug,
      ).toEqual([]);
    }
    // Sarah Boyce's website commit landed on 2026-04-27: the last event of the website's timeline.
    const website = await getGroupTimeline({ db: database.db, slug: "website" });
    expect(website.events.at(-1)).toMatchObject({ kind: "joined", person: { name: "Sarah Boyce" } });
    expect(website.events.at(-1)?.occurredAt).toMatch(/^2026-04-27/u);
  });

  it("shows the stored charter's commit as metadata of the group, not as an event", async () => {
    const g = await group("triage-and-review");
    expect(g.source.commitSha).toBe(head);
    expect(g.source.committedAt).toMatch(/^2026-05-04/u);
    expect(g.source.path).toBe("active/triage-and-review.md");
  });
});

describe("alumni come from the replayed history as well as the charter", () => {
  it("lists who the history shows leaving the website group, with the day and the commit", async () => {
    const g = await group("website");
    const eric = g.alumni.find((a) => a.name === "Eric Sherman");
    expect(eric).toMatchObject({ leftOn: "2025-09-22", inCharter: false });
    expect(eric?.commitSha).toMatch(/^9244919/u);
    expect(g.members.map((m) => m.person.name)).not.toContain("Eric Sherman");
  });

  it("lists the code of conduct group's former members, not those who came back", async () => {
    const g = await group("code-of-conduct");
    const byName = new Map(g.alumni.map((a) => [a.name, a]));
    expect(byName.get("Jay Miller")).toMatchObject({ leftOn: "2025-07-02", inCharter: false });
    expect(byName.get("Jay Miller")?.commitSha).toMatch(/^355fe68/u);
    for (const name of [
      "Brian Moloney",
      "Tibbs Hefflin",
      "Olumide Bakare",
      "Joseph V. Cardenas",
      "Michael Clark",
    ]) {
      expect(byName.get(name)?.leftOn, name).toBe("2024-04-05");
    }
    // Natalia Bidart's liaison line was removed in 2025 and added back: she is a member, not an alumna.
    expect(byName.has("Natalia Bidart")).toBe(false);
    expect(g.members.map((m) => m.person.name)).toContain("Natalia Bidart");
  });

  it("dates the charter's own alumni by the commit that moved them there", async () => {
    const g = await group("accessibility");
    const marijke = g.alumni.find((a) => a.name === "Marijke Luttekes");
    expect(marijke).toMatchObject({ inCharter: true, leftOn: "2025-07-24" });
    expect(marijke?.commitSha).toMatch(/^71a6549/u);
    expect(g.alumni.slice(0, 2).map((a) => a.name)).toEqual(["Marijke Luttekes", "Tushar Gupta"]);
  });
});

describe("membership models and links as the charters state them", () => {
  it("stores each group's model: invitation, not stated, and the template models", async () => {
    const models = Object.fromEntries(
      await Promise.all(
        [
          "triage-and-review",
          "operations",
          "accessibility",
          "ai",
          "fellowship",
          "mergers",
          "website",
          "online-community",
        ].map(async (slug) => [slug, (await group(slug)).membershipModel]),
      ),
    );
    expect(models).toEqual({
      "triage-and-review": "invitation",
      operations: "invitation",
      accessibility: null,
      ai: null,
      fellowship: "board-managed",
      mergers: "steering-council-managed",
      website: "direct",
      "online-community": "direct",
    });
  });

  it("keeps links in stored text and in the charter.md export, which reads back the same", async () => {
    const coc = await group("code-of-conduct");
    expect(coc.scope).toContain("[Django Code of Conduct](https://djangoproject.com/conduct)");
    expect(coc.howToJoin).toContain("[conduct@djangoproject.com](mailto:conduct@djangoproject.com)");
    const fellowship = await group("fellowship");
    expect(fellowship.howToJoin).toContain(
      "[Contact the board](https://www.djangoproject.com/contact/foundation/)",
    );
    expect((await group("accessibility")).channels).toContain(
      "Public #accessbility channel on [Django Discord server](https://chat.djangoproject.com)",
    );
    for (const slug of ["code-of-conduct", "fellowship", "accessibility", "triage-and-review"]) {
      const markdown = await exportCharter({ services: services(), slug });
      const [row] = await database.db.select().from(groups).where(eq(groups.slug, slug));
      const stored = row ? storedCharter(row) : null;
      expect(stored, slug).not.toBeNull();
      if (!stored) continue;
      const { warnings: _w, ...data } = stored;
      const { warnings: _again, ...again } = parseCharter({ markdown, status: stored.status });
      expect(again, slug).toEqual(data);
    }
    const cocExport = await exportCharter({ services: services(), slug: "code-of-conduct" });
    expect(cocExport).toContain("[Django Code of Conduct](<https://djangoproject.com/conduct>)");
  });

  it("reads the snapshot folder the same as the checkout of the same commit", async () => {
    const s = await importCharters({ services: services(), dir: SNAPSHOT });
    // proposals/marketing.md is in the snapshot only; everything else is unchanged.
    expect(s.groupsAdded.map((g) => g.slug)).toEqual(["marketing"]);
    expect(s.joined).toEqual([]);
    expect(s.left).toEqual([]);
    // Not a git work tree: the commit is the one its SNAPSHOT.txt names, the same as the checkout's.
    expect(s.commit).toMatchObject({ sha: head, from: "SNAPSHOT.txt" });
    expect((await group("website")).source.commitSha).toBe(head);
  });
});
