import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../test/shared-data.ts";
import { parseCharter } from "../governance/index.ts";
import { CONTENT_KINDS } from "./content-kinds.ts";
import { deriveMatrix, groupNameKey } from "./matrix.ts";

const PATH = "proposals/marketing.md";
const markdown = readFileSync(sharedData("dsf-working-groups", PATH), "utf8");
const lines = markdown.split("\n");
const charter = parseCharter({ markdown, path: PATH });
const matrix = deriveMatrix({ delegation: charter.delegation, path: PATH });
const row = (kind: string) => {
  const r = matrix.find((x) => x.kind === kind);
  if (!r) throw new Error(`no row ${kind}`);
  return r;
};

describe("the delegation matrix from the marketing charter", () => {
  it("has one row per kind of content", () => {
    expect(matrix.map((r) => r.kind)).toEqual([...CONTENT_KINDS]);
  });

  it("autonomous areas need another member only: blog posts, www pages, campaign sites", () => {
    for (const kind of ["blog-post", "www-page", "campaign-site-page"]) {
      expect(row(kind).delegation, kind).toBe("autonomous");
      expect(row(kind).steps, kind).toEqual([{ step: "member", group: null }]);
    }
    expect(row("blog-post").sources[0]?.line).toBe(26);
    expect(row("www-page").sources[0]?.line).toBe(26);
    expect(row("campaign-site-page").sources[0]?.line).toBe(27);
  });

  it("collaborative areas add the partner named for the kind", () => {
    const partners = (kind: string) =>
      row(kind)
        .steps.filter((s) => s.step === "partner")
        .map((s) => s.group);
    expect(partners("fundraising-page")).toEqual(["Fundraising WG"]);
    expect(partners("docs-contribution")).toEqual(["Django core contributors"]);
    expect(partners("social-post")).toEqual(["Social media WG"]);
    expect(partners("community-announcement")).toEqual(["Online Community WG"]);
    expect(partners("event-collateral")).toEqual(["Events Support WG"]);
    for (const kind of [
      "fundraising-page",
      "docs-contribution",
      "social-post",
      "community-announcement",
      "event-collateral",
    ]) {
      expect(row(kind).delegation, kind).toBe("collaborative");
      expect(row(kind).steps[0], kind).toEqual({ step: "member", group: null });
    }
    expect(row("fundraising-page").sources[0]?.line).toBe(31);
    expect(row("docs-contribution").sources[0]?.line).toBe(32);
    expect(row("social-post").sources[0]?.line).toBe(33);
    expect(row("event-collateral").sources[0]?.line).toBe(34);
  });

  it("template-managed www pages get the Website WG's final check, citing both lines", () => {
    const r = row("www-template-page");
    expect(r.steps).toEqual([
      { step: "member", group: null },
      { step: "final-check", group: "Website working group" },
    ]);
    expect(r.sources.map((s) => s.line)).toEqual([26, 65]);
  });

  it("every source line is the charter line holding those words", () => {
    for (const r of matrix) {
      for (const s of r.sources) {
        const line = lines[(s.line ?? 0) - 1] ?? "";
        const words = s.text.split(/\s+/u).slice(0, 4).join(" ");
        expect(line.replace(/\\|\[|\]\([^)]*\)/gu, ""), r.kind).toContain(words.replace(/\[|\]/gu, ""));
      }
    }
  });

  it("sends a kind outside the delegated areas to the Board", () => {
    const empty = deriveMatrix({
      delegation: { autonomous: [], collaborative: [], finalChecks: [] },
      path: null,
    });
    for (const r of empty) {
      expect(r.delegation).toBe("board");
      expect(r.steps).toEqual([{ step: "board", group: null }]);
      expect(r.sources).toEqual([]);
    }
    // Another charter (no marketing areas): only what it delegates matches.
    const website = parseCharter({
      markdown: readFileSync(sharedData("dsf-working-groups", "active/website.md"), "utf8"),
      path: "active/website.md",
    });
    expect(
      deriveMatrix({ delegation: website.delegation, path: null }).every((r) => r.delegation === "board"),
    ).toBe(true);
  });

  it("a Chair's override replaces a row's steps and keeps the charter's beside it", () => {
    const overrides = new Map([
      [
        "blog-post" as const,
        {
          steps: [{ step: "board" as const, group: null }],
          reason: "launch month",
          byName: "Chair",
          at: new Date(0),
        },
      ],
    ]);
    const r = deriveMatrix({ delegation: charter.delegation, path: PATH, overrides }).find(
      (x) => x.kind === "blog-post",
    );
    expect(r?.steps).toEqual([{ step: "board", group: null }]);
    expect(r?.charterSteps).toEqual([{ step: "member", group: null }]);
    expect(r?.override?.reason).toBe("launch month");
  });

  it("matches a charter's group names with the directory's", () => {
    expect(groupNameKey("the website working group")).toBe(groupNameKey("Website WG"));
    expect(groupNameKey("Social media WG")).toBe(groupNameKey("Social Media Working Group"));
    expect(groupNameKey("Fundraising WG")).not.toBe(groupNameKey("Website WG"));
  });
});

describe("strategy documents in the matrix", () => {
  it("are the group's own (another member approves), citing the charter's four document lines", () => {
    const r = row("strategy-document");
    expect(r.delegation).toBe("autonomous");
    expect(r.steps).toEqual([{ step: "member", group: null }]);
    expect(r.sources.map((s) => s.line)).toEqual([19, 20, 21, 22]);
    expect(r.sources.map((s) => s.text).join(" ")).toMatch(/Brand guidelines.*KPIs/u);
  });

  it("no document line makes a content kind's area (the blog's editorial line is not the blog)", () => {
    for (const r of matrix.filter((x) => x.kind !== "strategy-document")) {
      for (const s of r.sources) expect([19, 20, 21, 22], r.kind).not.toContain(s.line);
    }
  });
});
