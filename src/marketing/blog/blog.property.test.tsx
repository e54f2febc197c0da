/**
 * Rendering safety of the blog, as a property: posts whose body, title, summary, authors, tags and
 * social-card text are hostile (scripts, javascript: links, on* attributes, SVG, iframes, data:
 * URLs, CDATA breakouts) go through the pages and the Atom feed exactly as the routes render
 * them, and no script, event handler or script address comes out of the entry page, the list page,
 * the feed or the export. (blog.db.test.ts sends hostile posts through the database and HTTP too.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderPage } from "../../platform/http/layout.tsx";
import { dangerousAtom, dangerousHtml, hostileLine, hostileMarkdown } from "../hostile-markdown.fixtures.ts";
import { presentDjangoEntry } from "./blog.presenters.ts";
import type { PostRow } from "./blog.repo.ts";
import { BlogPage, PostPage } from "./blog.views.tsx";
import { blogAtom } from "./blog-feed.ts";
import { bodyHtml, cachedBodyHtml } from "./post-html.ts";

const AT = new Date("2026-11-21T12:00:00Z");

const hostilePost = fc
  .record({
    body: hostileMarkdown,
    title: hostileLine,
    summary: hostileLine,
    authors: fc.array(hostileLine, { minLength: 1, maxLength: 2 }),
    tags: fc.array(hostileLine, { maxLength: 3 }),
    socialCardAlt: hostileLine,
    card: fc.boolean(),
  })
  .map(
    (r): PostRow => ({
      id: 1,
      kind: "blog-post",
      network: null,
      state: "published",
      title: r.title,
      slug: "hostile",
      summary: r.summary,
      authors: r.authors,
      tags: r.tags,
      // Saving refuses a card that is not an http(s) address; its alt text is free.
      socialCardUrl: r.card ? "https://example.org/card.png" : null,
      socialCardAlt: r.card ? r.socialCardAlt : null,
      body: r.body,
      revision: 1,
      createdByUserId: null,
      createdByName: "x",
      createdAt: AT,
      updatedAt: AT,
      lockUserId: null,
      lockName: null,
      lockExpiresAt: null,
      scheduledFor: null,
      publishedAt: AT,
      docType: null,
      approvedRevisionId: null,
      approvedAt: null,
      approvedByName: null,
      ownerPersonId: null,
      campaignId: null,
      plannedOn: null,
    }),
  );

describe("hostile posts on the blog", () => {
  it("no script, on* handler or script address reaches the entry page, the list, the feed or the export", async () => {
    await fc.assert(
      fc.asyncProperty(hostilePost, async (post) => {
        const entry = await renderPage(
          <PostPage post={post} html={bodyHtml(post.body)} baseUrl="https://guildhall.test" />,
        );
        expect(dangerousHtml(entry, { page: true }), entry).toEqual([]);
        const list = await renderPage(<BlogPage posts={[post]} page={2} older={true} />);
        expect(dangerousHtml(list, { page: true }), list).toEqual([]);
        const xml = blogAtom({ baseUrl: "https://guildhall.test", posts: [post, post], now: AT });
        expect(dangerousAtom(xml), xml).toEqual([]);
        const exported = presentDjangoEntry(post);
        expect(dangerousHtml(exported.body), exported.body).toEqual([]);
        expect(dangerousHtml(exported.summary), exported.summary).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("the checks themselves catch what they look for", () => {
    expect(dangerousHtml('<p><a title="x>" onclick="y">z</a></p>')).toEqual(["a onclick"]);
    expect(dangerousHtml('<a href="jav&#x09;ascript:alert(1)">x</a>')).toEqual([
      "a href=javascript:alert(1)",
    ]);
    expect(dangerousHtml('<img src="data:image/svg+xml,x">')).toHaveLength(1);
    expect(dangerousHtml("<p>&lt;script&gt; onclick=x javascript:y</p>")).toEqual([]);
    // A CDATA section closed early: what follows is read as XML, so the entry's HTML gains a script.
    const broken =
      '<feed><entry><content type="html"><![CDATA[a]]>&lt;script&gt;alert(1)&lt;/script&gt;]]></content></entry></feed>';
    expect(dangerousAtom(broken)).toContain("<content>: <script");
    const escaped =
      '<feed><entry><content type="html"><![CDATA[<p>&lt;script&gt;</p>]]></content></entry></feed>';
    expect(dangerousAtom(escaped)).toEqual([]);
    expect(
      dangerousAtom(
        '<feed><entry><title type="html"><![CDATA[<b onmouseover=x>t</b>]]></title></entry></feed>',
      ),
    ).toEqual(["<title>: b onmouseover"]);
  });

  it("a second ]]> in a post does not close the feed's CDATA section (the XML writer replaces only the first)", () => {
    const post = {
      ...fc.sample(hostilePost, { numRuns: 1, seed: 1 })[0],
      body: "a ]]> b ]]> &#x3C;script>alert(1)&#x3C;/script>",
    } as PostRow;
    const xml = blogAtom({ baseUrl: "https://guildhall.test", posts: [post], now: AT });
    expect(dangerousAtom(xml)).toEqual([]);
    expect(xml).toContain("]]&gt;");
  });

  it("a tag with < > & in it stays a well-formed attribute of its category", () => {
    const post = {
      ...fc.sample(hostilePost, { numRuns: 1, seed: 2 })[0],
      tags: ["R&D <3 >_<", '"q"'],
    } as PostRow;
    const xml = blogAtom({ baseUrl: "https://guildhall.test", posts: [post], now: AT });
    expect(xml).toContain('<category label="R&amp;D &lt;3 &gt;_&lt;" term="R&amp;D &lt;3 &gt;_&lt;"/>');
    expect(xml).toContain('term="&quot;q&quot;"');
    expect(dangerousAtom(xml)).toEqual([]);
  });
});

describe("the cached body renderer", () => {
  it("gives each body its own HTML and keeps the last ones used", () => {
    const render = cachedBodyHtml(2);
    expect(render("# a")).toBe("<h1>a</h1>");
    expect(render("# b")).toBe("<h1>b</h1>");
    expect(render("# a")).toBe("<h1>a</h1>");
    expect(render("<script>x</script>\n\n*c*")).toBe(bodyHtml("<script>x</script>\n\n*c*"));
    fc.assert(
      fc.property(hostileMarkdown, hostileMarkdown, (x, y) => {
        expect(render(x)).toBe(bodyHtml(x));
        expect(render(y)).toBe(bodyHtml(y));
        expect(render(x)).toBe(bodyHtml(x));
      }),
      { numRuns: 50 },
    );
  });
});
