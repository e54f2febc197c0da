import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dangerousHtml, hostileMarkdown } from "./hostile-markdown.fixtures.ts";
import { imagesWithoutAlt, renderMarkdown } from "./render-markdown.ts";
import { diffRevisions } from "./revision-diff.ts";

describe("rendering markdown bodies", () => {
  it("lets no script, event handler or script address through, whatever the markdown", () => {
    fc.assert(
      fc.property(hostileMarkdown, (md) => {
        const html = renderMarkdown(md);
        expect(dangerousHtml(html), html).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("keeps ordinary markdown: headings, emphasis, links, images with alt, tables", () => {
    const html = renderMarkdown(
      "# Hi\n\nSome *text* and [a link](https://example.org).\n\n![a pony](https://example.org/p.png)\n\n| a |\n|---|\n| 1 |\n",
    );
    expect(html).toContain("<h1>Hi</h1>");
    expect(html).toContain("<em>text</em>");
    expect(html).toContain('<a href="https://example.org">a link</a>');
    expect(html).toContain('alt="a pony"');
    expect(html).toContain("<table>");
    expect(renderMarkdown("<script>alert(1)</script>")).not.toContain("<script");
  });

  it("encodes < and > inside attribute values (a code fence's language, a link title)", () => {
    const fence = renderMarkdown("```<script>alert(1)</script>\nx\n```");
    expect(fence).toContain('class="language-&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;"');
    expect(fence).not.toContain("<script");
    const title = renderMarkdown('[x](https://example.org "<script>alert(1)</script>")');
    expect(title).toBe(
      '<p><a href="https://example.org" title="&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;">x</a></p>',
    );
  });

  it("finds images without alt text", () => {
    expect(
      imagesWithoutAlt("![](https://example.org/a.png) and ![ok](https://example.org/b.png) and ![ ](c.png)"),
    ).toEqual(["https://example.org/a.png", "c.png"]);
    expect(imagesWithoutAlt("no images")).toEqual([]);
  });
});

describe("the diff of two revisions", () => {
  it("shows the lines added and removed, the title and fields included", () => {
    const parts = diffRevisions(
      { title: "Old", fields: { tags: ["a"] }, body: "one\ntwo\nthree" },
      { title: "New", fields: { tags: ["a", "b"] }, body: "one\n2\nthree" },
    );
    const removed = parts.filter((p) => p.change === "removed").flatMap((p) => p.lines);
    const added = parts.filter((p) => p.change === "added").flatMap((p) => p.lines);
    expect(removed).toEqual(["title: Old", "tags: a", "two"]);
    expect(added).toEqual(["title: New", "tags: a, b", "2"]);
    expect(parts.filter((p) => p.change === "same").flatMap((p) => p.lines)).toContain("three");
  });
});
