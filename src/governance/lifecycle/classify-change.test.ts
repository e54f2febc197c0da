import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { parseCharter } from "../charter/parse-charter.ts";
import { classifyCharterChange } from "./classify-change.ts";

const path = "active/website.md";
const original = readFileSync(sharedData("dsf-working-groups", path), "utf8");
const parse = (markdown: string) => parseCharter({ path, markdown });
const classify = (edit: (md: string) => string) => {
  const edited = edit(original);
  expect(edited).not.toBe(original);
  return classifyCharterChange(parse(original), parse(edited));
};

describe("classifyCharterChange on crafted changes to the Website charter", () => {
  it("a budget change is substantive and needs a Board vote (README.md:77)", () => {
    const c = classify((md) => md.replace("No allocated budget.", "A budget of USD 2,000 a year."));
    expect(c).toMatchObject({ class: "substantive", needsBoardVote: true });
    expect(c.fields.map((f) => f.field)).toEqual(["budget"]);
    expect(c.reason).toContain("README.md:77");
  });
  it("a scope change is substantive", () => {
    const c = classify((md) => md.replace("- Help to make the website accessible to all\n", ""));
    expect(c.class).toBe("substantive");
    expect(c.fields.map((f) => f.field)).toEqual(["scope"]);
  });
  it("a change to how members are decided is substantive", () => {
    const c = classify((md) =>
      md.replace(
        /Direct membership: new members may self-nominate; the WG will vote \(50%\+1\)/,
        "Board-managed membership: new members may self-nominate; the Board will vote",
      ),
    );
    expect(c.class).toBe("substantive");
    expect(c.fields.map((f) => f.field)).toContain("membershipModel");
  });
  it("new channels apply directly: arrangements need no vote (README.md:77)", () => {
    const c = classify((md) =>
      md.replace("- Private channel in the DSF slack", "- Private channel on the Django Discord"),
    );
    expect(c).toMatchObject({ class: "arrangements", needsBoardVote: false });
    expect(c.fields[0]).toMatchObject({ field: "channels", label: "Where discussions take place" });
    expect(c.fields[0]?.after).toContain("Discord");
  });
  it("a new meeting cadence applies directly", () => {
    const c = classify((md) => md.replace("## Reporting", "We meet every month on Discord.\n\n## Reporting"));
    expect(c.fields.map((f) => f.field)).toEqual(["meetingCadence"]);
    expect(c).toMatchObject({ class: "arrangements", needsBoardVote: false });
  });
  it("a member added is a membership change, decided as the charter says (README.md:75)", () => {
    const c = classify((md) => md.replace("    - Sarah Boyce\n", "    - Sarah Boyce\n    - Ada Lovelace\n"));
    expect(c).toMatchObject({ class: "membership", needsBoardVote: false });
    expect(c.fields[0]?.after).toContain("Ada Lovelace");
  });
  it("a heading reworded changes no field: editorial", () => {
    const c = classify((md) => md.replace("## Responsibilities", "## Scope of responsibilities"));
    expect(c).toMatchObject({ class: "editorial", needsBoardVote: false, fields: [] });
  });
  it("the weightiest field decides: channels and budget together are substantive", () => {
    const c = classify((md) =>
      md.replace("No allocated budget.", "USD 500.").replace("DSF slack", "DSF Discord"),
    );
    expect(c.class).toBe("substantive");
    expect(c.fields.map((f) => [f.field, f.class])).toEqual([
      ["budget", "substantive"],
      ["channels", "arrangements"],
    ]);
  });
});
