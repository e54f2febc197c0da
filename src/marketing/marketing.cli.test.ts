/** `guildhall marketing matrix|items|blog`: --help, and --json after importing the real charter repository. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGuildhall, runGuildhallSync } from "../../test/guildhall-cli.ts";
import { sharedData } from "../../test/shared-data.ts";
import { openDatabase, schema } from "../platform/db/index.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-marketing-cli-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("guildhall marketing", () => {
  it("--help lists the commands and their --json flags", () => {
    const r = runGuildhallSync(["marketing", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("matrix");
    expect(r.stdout).toContain("items");
    expect(r.stdout).toContain("blog");
    expect(r.stdout).toContain("campaigns");
    expect(r.stdout).toContain("calendar");
    for (const sub of ["matrix", "items", "blog", "campaigns", "calendar"]) {
      const h = runGuildhallSync(["marketing", sub, "--help"]);
      expect(h.code, sub).toBe(0);
      expect(h.stdout, sub).toContain("--json");
    }
  });

  it("matrix --json prints one row per kind with the charter lines (and says why when there is no charter); blog lists and exports published posts only", async () => {
    const empty = await runGuildhall(["marketing", "matrix", "--json"], { dataDir });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("No Marketing WG charter is imported");
    const imported = await runGuildhall(["charters", "import", sharedData("dsf-working-groups")], {
      dataDir,
    });
    expect(imported.code, imported.stderr).toBe(0);
    const r = await runGuildhall(["marketing", "matrix", "--json"], { dataDir });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            kind: string;
            approvers: string[];
            sources: Array<{ path: string; line: number }>;
          },
      );
    expect(rows).toHaveLength(10);
    expect(rows.find((x) => x.kind === "strategy-document")?.sources.map((x) => x.line)).toEqual([
      19, 20, 21, 22,
    ]);
    const fundraising = rows.find((x) => x.kind === "fundraising-page");
    expect(fundraising?.approvers).toEqual([
      "another member of the Marketing Working Group",
      "sign-off by the Fundraising Working Group",
    ]);
    expect(fundraising?.sources).toEqual([{ path: "proposals/marketing.md", line: 31 }]);
    expect(rows.find((x) => x.kind === "www-template-page")?.approvers[1]).toBe(
      "final check by the Website Working Group",
    );
    const text = await runGuildhall(["marketing", "matrix"], { dataDir });
    expect(text.stdout).toContain(
      "blog-post\tanother member of the Marketing Working Group\tproposals/marketing.md:26",
    );
    const items = await runGuildhall(["marketing", "items", "--json"], { dataDir });
    expect(items.code).toBe(0);
    expect(items.stdout.trim()).toBe("");

    // A published post and a draft, as the workflow leaves them: the blog lists the first only.
    const database = await openDatabase({ dataDir });
    try {
      const at = new Date("2026-11-30T10:00:00Z");
      const row = {
        kind: "blog-post",
        title: "Django 6.1 is out",
        summary: "A new release.",
        authors: ["Ada", "Bo"],
        tags: ["releases"],
        body: "# Out\n\n<script>alert(1)</script>\n\nRead the [notes](https://docs.djangoproject.com/).",
        createdByName: "Ada",
        createdAt: at,
        updatedAt: at,
      };
      await database.db.insert(schema.marketingItems).values([
        { ...row, state: "published", slug: "django-61", publishedAt: at },
        { ...row, state: "draft", slug: "secret-draft", title: "Secret draft" },
      ]);
    } finally {
      await database.close();
    }
    const blog = await runGuildhall(["marketing", "blog", "--json"], { dataDir });
    expect(blog.code, blog.stderr).toBe(0);
    expect(
      blog.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        slug: "django-61",
        title: "Django 6.1 is out",
        publishedAt: "2026-11-30T10:00:00.000Z",
        authors: ["Ada", "Bo"],
        tags: ["releases"],
      },
    ]);
    const exported = await runGuildhall(["marketing", "blog", "--export"], { dataDir });
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual([
      {
        headline: "Django 6.1 is out",
        slug: "django-61",
        pub_date: "2026-11-30T10:00:00.000Z",
        is_active: true,
        content_format: "html",
        summary: "<p>A new release.</p>",
        body: expect.stringContaining('<p>Read the <a href="https://docs.djangoproject.com/">notes</a>.</p>'),
        author: "Ada, Bo",
      },
    ]);
    expect(exported.stdout).not.toContain("<script");
    const campaigns = await runGuildhall(["marketing", "campaigns", "--json"], { dataDir });
    expect(campaigns.code, campaigns.stderr).toBe(0);
    expect(campaigns.stdout.trim()).toBe("");
    const calendar = await runGuildhall(["marketing", "calendar", "--date", "2026-12-01", "--json"], {
      dataDir,
    });
    expect(calendar.code, calendar.stderr).toBe(0);
    const bad = await runGuildhall(["marketing", "calendar", "--view", "year"], { dataDir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Invalid --view");
  }, 180_000);
});
