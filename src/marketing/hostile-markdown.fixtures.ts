/**
 * Hostile input for the rendering-safety properties: fragments of markdown and raw HTML that try
 * scripts, event handlers, script addresses, SVG, iframes and data: URLs in every place markdown
 * takes them, plus checks that read rendered HTML (and Atom XML) the way a browser or feed reader
 * would, closely enough to catch any of them getting through.
 */
import fc from "fast-check";

/** Pieces of hostile markdown. */
export const HOSTILE = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click](  javascript:alert(1))",
  "[click](javascript&#58;alert(1))",
  "[click](java\\nscript:alert(1))",
  "<javascript:alert(1)>",
  "![alt](javascript:alert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD4=)",
  "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[x](vbscript:msgbox(1))",
  '<svg onload="alert(1)"></svg>',
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<a href='x' onclick='alert(1)'>y</a>",
  '<a title="x>" onmouseover="alert(1)">y</a>',
  "<details open ontoggle=alert(1)>",
  '<form action="https://evil.example"><button formaction="javascript:alert(1)">go</button></form>',
  "[ref]\n\n[ref]: javascript:alert(1)",
  "<scr<script>ipt>alert(1)</script>",
  "`<script>`",
  "```html\n<script>alert(1)</script>\n```",
  "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:1) |",
  '<object data="x.swf"></object>',
  '<embed src="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  "&lt;script&gt;",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  "<style>body{display:none}</style>",
  // Closing a CDATA section early in a feed, then markup the XML would read as the entry's HTML.
  "]]>",
  "]]><script>alert(1)</script>",
  "x ]]> y ]]> &#x3C;script>alert(1)&#x3C;/script>",
  "]]&gt;<img src=x onerror=alert(1)>",
  '"><script>alert(1)</script>',
  "' onmouseover='alert(1)",
];
/** Ordinary markdown to mix in. */
export const PLAIN = [
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

const separator = fc.constantFrom("", "\n", "\n\n", " ");

/** Markdown made of hostile pieces, plain markdown and random text. */
export const hostileMarkdown = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...PLAIN), fc.string({ maxLength: 20 })),
      separator,
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.map(([p, s]) => p + s).join(""));

/** A short hostile line (a title, a summary, a tag, an author name). */
export const hostileLine = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(" ").replace(/\n/gu, " ").trim() || "x");

/** Tags that may run script, load other documents or resources, or restyle the page. */
const DANGEROUS_TAGS = new Set([
  "script",
  "iframe",
  "frame",
  "object",
  "embed",
  "applet",
  "style",
  "svg",
  "math",
  "form",
  "base",
]);

/** An HTML start tag with its attributes, quoted values read as the tokenizer reads them (a `>` inside quotes does not end the tag). */
const TAG =
  /<([a-zA-Z][^\s/>]*)((?:\s*[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/)*)\s*\/?>/gu;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/gu;

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/giu, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);?/gu, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/giu, ":")
    .replace(/&tab;/giu, "\t")
    .replace(/&newline;/giu, "\n")
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&lt;/gu, "<")
    .replace(/&gt;/gu, ">")
    .replace(/&amp;/gu, "&");
}

/**
 * What in `html` could run script: a dangerous tag, any `on*` attribute, a `style` attribute, or a
 * javascript:/vbscript:/data: address in any attribute (entities decoded, whitespace and control
 * characters dropped, as browsers do in URLs). `allowTags` lets a whole page keep its own `<meta>`
 * and `<link>` (whose addresses are still checked). Returns what was found.
 */
export function dangerousHtml(html: string, opts: { page?: boolean } = {}): string[] {
  const found: string[] = [];
  if (/<\s*script/iu.test(html)) found.push("<script");
  for (const m of html.matchAll(TAG)) {
    const tag = (m[1] ?? "").toLowerCase();
    if (DANGEROUS_TAGS.has(tag) || (!opts.page && (tag === "meta" || tag === "link"))) found.push(`<${tag}>`);
    for (const a of (m[2] ?? "").matchAll(ATTR)) {
      const name = (a[1] ?? "").toLowerCase();
      const value = decodeEntities((a[2] ?? "").replace(/^["']|["']$/gu, ""))
        // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these in URLs
        .replace(/[\s\u0000-\u001f]/gu, "")
        .toLowerCase();
      if (name.startsWith("on")) found.push(`${tag} ${name}`);
      if (name === "style") found.push(`${tag} style`);
      if (name === "srcdoc" || name === "formaction") found.push(`${tag} ${name}`);
      // A page's <meta> text (description, og:title) is text, not an address; og:image is checked apart.
      if (tag === "meta" && name === "content") continue;
      if (/^(?:javascript|vbscript|data):/u.test(value)) found.push(`${tag} ${name}=${value}`);
    }
  }
  return found;
}

/** The text of each `<name>` element of an XML document as an XML parser gives it: CDATA kept, entities decoded once. */
export function xmlTexts(xml: string, name: string): { text: string; markup: boolean }[] {
  const out: { text: string; markup: boolean }[] = [];
  for (const m of xml.matchAll(new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, "gu"))) {
    const inner = m[1] ?? "";
    let text = "";
    let markup = false;
    let rest = inner;
    while (rest.length > 0) {
      const start = rest.indexOf("<![CDATA[");
      const outside = start === -1 ? rest : rest.slice(0, start);
      // Markup outside CDATA: the entry's HTML has been broken out of and XML elements follow.
      if (outside.includes("<")) markup = true;
      text += decodeEntities(outside);
      if (start === -1) break;
      const end = rest.indexOf("]]>", start + 9);
      if (end === -1) {
        markup = true;
        break;
      }
      text += rest.slice(start + 9, end);
      rest = rest.slice(end + 3);
    }
    out.push({ text, markup });
  }
  return out;
}

/**
 * What in an Atom feed could run script in a reader: markup outside the HTML of an entry's title,
 * summary or content (a CDATA section closed early), anything `dangerousHtml` finds in that HTML,
 * and a `<script` anywhere in the raw XML.
 */
export function dangerousAtom(xml: string): string[] {
  const found: string[] = [];
  if (/<\s*script/iu.test(xml)) found.push("<script in the XML");
  // Titles, summaries and content are HTML (type="html"); names and categories are plain text.
  for (const el of ["title", "summary", "content", "subtitle", "name"]) {
    for (const t of xmlTexts(xml, el)) {
      if (t.markup) found.push(`markup inside <${el}>`);
      if (el !== "name") for (const d of dangerousHtml(t.text)) found.push(`<${el}>: ${d}`);
    }
  }
  // Attribute values are well-formed XML: no `<` in them.
  for (const m of xml.matchAll(/<[a-zA-Z][^\s/>]*((?:\s+[^\s=]+="[^"]*")*)\s*\/?>/gu)) {
    if ((m[1] ?? "").includes("<")) found.push(`< in an attribute: ${m[0]}`);
  }
  for (const m of xml.matchAll(/<link\s[^>]*?href="([^"]*)"/gu)) {
    if (/^(?:javascript|vbscript|data):/iu.test(decodeEntities(m[1] ?? "").replace(/\s/gu, "")))
      found.push(`href ${m[1]}`);
  }
  return found;
}
