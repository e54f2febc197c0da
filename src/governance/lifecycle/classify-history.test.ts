/**
 * The classifier over the real charter history: every first-parent commit that modified a charter
 * in the repository's bundle, classified from the charters before and after it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { parseCharter } from "../charter/parse-charter.ts";
import { type ChangeClassification, classifyCharterChange } from "./classify-change.ts";

let dir: string;
const classes = new Map<string, ChangeClassification>();

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "guildhall-classify-"));
  const repo = path.join(dir, "wg");
  execFileSync("git", ["clone", "--quiet", sharedData("dsf-working-groups.bundle"), repo]);
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" });
  const log = git("log", "--first-parent", "-m", "--format=%H", "--name-status", "--diff-filter=M");
  let sha = "";
  for (const line of log.split("\n")) {
    if (/^[0-9a-f]{40}$/.test(line)) sha = line;
    const file = /^M\t((?:active|archive|draft|proposals)\/.+\.md)$/.exec(line)?.[1];
    if (!file) continue;
    const read = (rev: string) => parseCharter({ path: file, markdown: git("show", `${rev}:${file}`) });
    classes.set(`${sha.slice(0, 7)} ${file}`, classifyCharterChange(read(`${sha}^`), read(sha)));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const of = (key: string) => {
  const c = classes.get(key);
  if (!c) throw new Error(`no change ${key} in the history`);
  return c;
};

describe("classifying the real charter history", () => {
  it("reads every charter modification on the main line", () => {
    expect(classes.size).toBeGreaterThanOrEqual(60);
  });
  it("members added or removed are membership changes", () => {
    expect(of("ae29c58 active/triage-and-review.md")).toMatchObject({ class: "membership" });
    expect(of("350602c active/website.md").fields.map((f) => f.field)).toEqual(["members"]);
    expect(of("a26b600 active/website.md").class).toBe("membership"); // a new Board Liaison
  });
  it("a budget change needs a Board vote", () => {
    expect(of("ecfd693 active/fundraising.md")).toMatchObject({
      class: "substantive",
      needsBoardVote: true,
    });
    expect(of("ecfd693 active/fundraising.md").fields.map((f) => f.field)).toEqual(["budget"]);
  });
  it("powers delegated to a group are substantive", () => {
    const c = of("f27b921 active/fundraising.md");
    expect(c.class).toBe("substantive");
    expect(c.fields.map((f) => f.field)).toEqual(["delegated"]);
  });
  it("a channel link removed and a join form added apply directly", () => {
    expect(of("b6fa25a active/accessibility.md")).toMatchObject({
      class: "arrangements",
      needsBoardVote: false,
    });
    expect(of("d64a05c active/social-media.md")).toMatchObject({ class: "arrangements" });
  });
  it("headings renamed across every charter change no field", () => {
    for (const file of ["events-support", "fellowship", "fundraising", "social-media", "website"]) {
      expect(of(`7238ce7 active/${file}.md`)).toMatchObject({ class: "editorial", fields: [] });
    }
  });
  it("every change gets exactly one class with its reason", () => {
    const counts: Record<string, number> = {};
    for (const c of classes.values()) counts[c.class] = (counts[c.class] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(["arrangements", "editorial", "membership", "substantive"]);
    expect(counts.membership).toBeGreaterThan(counts.substantive ?? 0);
  });
});
