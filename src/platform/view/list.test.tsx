import { describe, expect, it } from "vitest";
import { ItemList, LinkedLineText } from "./list.tsx";

describe("the list component", () => {
  it("writes one item per record, with the list's class", async () => {
    const html = String(
      await (<ItemList class="plain" items={["a", "b"]} item={(x, i) => `${i + 1}. ${x}`} empty="None." />),
    );
    expect(html).toBe('<ul class="plain"><li>1. a</li><li>2. b</li></ul>');
  });

  it("says there is nothing instead of writing an empty list, or shows nothing without words for it", async () => {
    const none: string[] = [];
    expect(String(await (<ItemList items={none} item={(x) => x} empty="None yet." />))).toBe(
      "<p>None yet.</p>",
    );
    expect(String(await (<ItemList items={none} item={(x) => x} empty="None." emptyClass="muted" />))).toBe(
      '<p class="muted">None.</p>',
    );
    expect(String(await (<ItemList items={none} item={(x) => x} />))).toBe("");
  });

  it("links a summary line that has an address and puts its facts in brackets", async () => {
    expect(
      String(
        await (
          <LinkedLineText line={{ text: "Report <3>", href: "/reports/3", facts: ["due 1", "late"] }} />
        ),
      ),
    ).toBe('<a href="/reports/3">Report &lt;3&gt;</a> (due 1; late)');
    expect(String(await (<LinkedLineText line={{ text: "Plain", href: null, facts: [] }} />))).toBe("Plain");
  });
});
