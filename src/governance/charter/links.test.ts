/**
 * Links in charter text: kept with safe schemes only (http, https, mailto), email and web addresses
 * as links, literal brackets escaped, links never cut by sentence rules, and the same links after
 * the markdown export is read back.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  linkedSegments,
  linkify,
  linkMarkup,
  parseMarkdownTree,
  plainOfLinked,
  renderPlainText,
  safeLinkUrl,
  sliceLinked,
  splitLinked,
  toPlainBlocks,
} from "./markdown.ts";
import { sentences } from "./membership-model.ts";
import { parseCharter } from "./parse-charter.ts";
import { renderCharterMarkdown } from "./render-charter.ts";
import { charterData } from "./types.ts";

/** The linked text of a markdown fragment, as charter fields hold it. */
function linked(markdown: string): string {
  return toPlainBlocks(parseMarkdownTree(markdown).children, { links: true })
    .map((b) => b.text)
    .join("\n\n");
}

describe("link schemes", () => {
  it("keeps http, https and mailto and drops every other scheme to its text", () => {
    expect(linked("[a](https://example.org/x)")).toBe("[a](https://example.org/x)");
    expect(linked("[a](http://example.org)")).toBe("[a](http://example.org)");
    expect(linked("[write](mailto:team@example.org)")).toBe("[write](mailto:team@example.org)");
    for (const url of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<b>x</b>",
      "vbscript:x",
      "ftp://example.org",
      "file:///etc/passwd",
      "code-of-conduct.md",
      "#fellow-management",
      "//example.org",
      "https://",
    ]) {
      expect(linked(`[a](${url})`), url).toBe("a");
    }
    expect(safeLinkUrl(" https://example.org/a b ")).toBe("https://example.org/a%20b");
    expect(safeLinkUrl("https://example.org/a(b)")).toBe("https://example.org/a%28b%29");
    expect(safeLinkUrl("https://example.org/\u0007")).toBe("https://example.org/%07");
  });

  it("makes email and web addresses links, in running text and in code", () => {
    expect(linked("Email conduct@example.org now.")).toBe(
      "Email [conduct@example.org](mailto:conduct@example.org) now.",
    );
    expect(linked("Email `conduct@example.org` and say hello.")).toBe(
      "Email [conduct@example.org](mailto:conduct@example.org) and say hello.",
    );
    expect(linked("See https://example.org/a_b for more.")).toBe(
      "See [https://example.org/a_b](https://example.org/a_b) for more.",
    );
    expect(linked("Visit www.example.org.")).toBe("Visit [www.example.org](http://www.example.org).");
    expect(linkify("@django/ai and `x` and a@b")).toBe("@django/ai and `x` and a@b");
  });

  it("resolves reference links", () => {
    expect(linked("Read [the rules][r] first.\n\n[r]: https://example.org/rules")).toBe(
      "Read [the rules](https://example.org/rules) first.",
    );
  });

  it("escapes literal brackets and backslashes so they never read as links", () => {
    const text = linked("Fill our \\[form](not a link) and a \\\\ backslash.");
    expect(linkedSegments(text)).toEqual([
      { text: "Fill our [form](not a link) and a \\ backslash.", url: null },
    ]);
    expect(plainOfLinked(linkMarkup("a [b] c", "https://x.org"))).toBe("a [b] c");
  });
});

describe("sentences and slices keep links whole", () => {
  it("splits at sentence ends as the plain text does, never inside a link", () => {
    const text = `${linkMarkup("Apply. Now", "https://x.org")} to join. Then ${linkMarkup("wait", "https://y.org")}.`;
    expect(splitLinked(text, sentences)).toEqual([
      "[Apply. Now](https://x.org) to join.",
      "Then [wait](https://y.org).",
    ]);
    expect(sliceLinked(text, 3)).toBe(" to join. Then [wait](https://y.org).");
  });
});

describe("export round trip with links", () => {
  const LINK_TEXTS = [
    "Contact the board",
    "a_b [c]",
    "https://example.org/x",
    "team@example.org",
    "*star* `code`",
  ];
  const URLS = [
    "https://example.org/x_y?a=1&b=2#frag",
    "https://example.org/a%28b%29",
    "mailto:team@example.org",
    "http://www.example.org",
  ];
  const WORDS = ["Join", "us.", "Read", "the", "[rules]", "a\\b", "1.", "-", "#x", "<b>", "_y_", "email:"];
  const segment = fc.oneof(
    fc.tuple(fc.constantFrom(...LINK_TEXTS), fc.constantFrom(...URLS)).map(([t, u]) => linkMarkup(t, u)),
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((w) => linkify(w.join(" "))),
  );
  const line = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(" "));

  it("reads a rendered line of text and links back to the same linked text", () => {
    fc.assert(
      fc.property(line, (text) => {
        const back = linked(renderPlainText(text));
        expect(back).toBe(text.replace(/\s+/gu, " ").trim());
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the links of a whole charter through the export", () => {
    const c = parseCharter({
      markdown: `# Links Working Group

## Scope of responsibilities

We follow the [Code of Conduct](https://www.djangoproject.com/conduct/) and see https://example.org/a_(b).

## Membership

- Chair: Ada Lovelace
- Co-Chair: Grace Hopper
- Board Liaison: Mary Jackson

## Future membership

Membership is open to volunteers. [Contact the board](https://www.djangoproject.com/contact/foundation/) to express interest, or email \`wg@example.org\`.

## Budget

None.

## Comms

- Public channel on [Discord](https://chat.example.org)
- [Forum](javascript:alert(1)) category

## Reporting

Quarterly reports to the board.
`,
    });
    expect(c.scope).toContain("[Code of Conduct](https://www.djangoproject.com/conduct/)");
    expect(c.howToJoin).toContain("[Contact the board](https://www.djangoproject.com/contact/foundation/)");
    expect(c.howToJoin).toContain("[wg@example.org](mailto:wg@example.org)");
    expect(c.channels).toEqual(["Public channel on [Discord](https://chat.example.org)", "Forum category"]);
    const exported = renderCharterMarkdown(c);
    expect(exported).toContain("[Contact the board](<https://www.djangoproject.com/contact/foundation/>)");
    expect(exported).not.toContain("javascript:");
    const data = charterData(c);
    const again = charterData(parseCharter({ markdown: exported, status: c.status }));
    expect(again).toEqual(data);
  });
});
