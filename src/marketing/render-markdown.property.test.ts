import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imagesWithoutAlt, renderMarkdown } from "./render-markdown.ts";
import { diffRevisions } from "./revision-diff.ts";

/** Pieces of hostile markdown: raw HTML, handlers, script URLs, in every place markdown takes them. */
const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "![alt](javascript:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  '<svg onload="alert(1)"></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<a href='x' onclick='alert(1)'>y</a>",
  "<details open ontoggle=alert(1)>",
  '<form action="https://evil.example"><button>go</button></form>',
  "[ref]\n\n[ref]: javascript:alert(1)",
  "<scr<script>ipt>alert(1)</script>",
  "`<script>`",
  "```html\n<script>alert(1)</script>\n```",
  "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:1) |",
  '<object data="x.swf"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "&lt;script&gt;",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<style>body{display:none}</style>",
];
const PLAIN = [
  "# Title",
  "Some *text*.",
  "- item",
  "> quote",
  "**bold**",
  "![a cat](https://example.org/cat.png)",
  "[ok](https://example.org)",
  "\n",
  " ",
];

const hostileMarkdown = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...PLAIN), fc.string({ maxLength: 20 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(fc.sample(fc.constantFrom("", "\n", "\n\n", " "), 1)[0] ?? ""));

/** Every tag and attribute of the rendered HTML, read by the browser's rules closely enough for this check. */
function dangerous(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<\s*([a-zA-Z][\w:-]*)([^>]*)>/gu)) {
    const tag = (m[1] ?? "").toLowerCase();
    if (
      [
        "script",
        "iframe",
        "object",
        "embed",
        "style",
        "svg",
        "math",
        "form",
        "meta",
        "link",
        "base",
      ].includes(tag)
    )
      found.push(`<${tag}>`);
    const attrs = m[2] ?? "";
    for (const a of attrs.matchAll(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gu)) {
      const name = (a[1] ?? "").toLowerCase();
      const value = (a[2] ?? "")
        .replace(/^["']|["']$/gu, "")
        .replace(/&#x?[0-9a-f]+;?/giu, "")
        .replace(/\s/gu, "")
        .toLowerCase();
      if (name.startsWith("on")) found.push(`${tag} ${name}`);
      if (name === "style") found.push(`${tag} style`);
      if (/^(?:javascript|vbscript|data):/u.test(value)) found.push(`${tag} ${name}=${value}`);
    }
  }
  return found;
}

describe("rendering markdown bodies", () => {
  it("lets no script, event handler or script address through, whatever the markdown", () => {
    fc.assert(
      fc.property(hostileMarkdown, (md) => {
        const html = renderMarkdown(md);
        expect(dangerous(html), html).toEqual([]);
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
