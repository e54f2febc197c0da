/**
 * The blog in Chromium: axe-core finds no WCAG 2.1 A/AA violation on the list (both pages), a tag's
 * page and an entry; each fits a 390-pixel phone; and a post made of every hostile fragment, opened
 * with JavaScript on and the site's CSP bypassed (so the sanitising alone is tested), runs nothing:
 * no dialog, no script element, no on* attribute, no javascript: link in the live DOM.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPage } from "../../../test/accessibility.ts";
import {
  type BrowserAppWithDatabase,
  pageWidths,
  startBrowserAppWithDatabase,
} from "../../../test/browser-app.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import { insertMarketingGroups } from "../../../test/factories/marketing.ts";
import { HOSTILE } from "../hostile-markdown.fixtures.ts";
import { makePost, postFields } from "./blog.fixtures.ts";

let served: BrowserAppWithDatabase;

beforeAll(async () => {
  served = await startBrowserAppWithDatabase();
  const { database, clock } = served;
  const g = await insertMarketingGroups(database.db);
  const account = async (name: string) => {
    const a = await createTestAccount({
      db: database.db,
      clock,
      email: `${name.split(" ")[0]?.toLowerCase()}@example.org`,
      name,
      personId: g.people.get(name) ?? null,
    });
    return { userId: a.user.id, name };
  };
  const people = {
    author: await account("Milo Member"),
    reviewer: await account("Mina Member"),
    marketingGroupId: g.marketing,
  };
  for (let i = 1; i <= 11; i++) {
    clock.advance(3_600_000);
    await makePost(
      { database, clock, people },
      postFields(`post-${i}`, {
        title: `Django news number ${i}: what the foundation did this month`,
        tags: ["news", "community-organised-events"],
        authors: ["Milo Member", "Mina Member"],
        body: "# Released\n\nRead the [notes](https://docs.djangoproject.com/).\n\n![The Django pony](https://example.org/pony.png)\n\n```python\nfrom django.contrib.syndication.views import Feed  # a long line of code\n```",
        socialCardUrl: "https://example.org/card.png",
        socialCardAlt: "The release card",
      }),
      "published",
    );
  }
  clock.advance(3_600_000);
  await makePost(
    { database, clock, people },
    postFields("hostile", {
      title: '<img src=x onerror=alert("title")>',
      summary: "<script>alert('summary')</script>",
      body: HOSTILE.join("\n\n"),
      tags: ['"><script>alert(1)</script>'],
      socialCardUrl: "https://example.org/card.png",
      socialCardAlt: '" onload="alert(1)',
    }),
    "published",
  );
}, 180_000);

afterAll(async () => {
  await served?.close();
});

const PAGES = ["/blog", "/blog?page=2", "/blog/tags/news", "/blog/post-3"];

describe("the blog in a browser", () => {
  it("has no axe-core violations on the list, a tag's page and an entry", async () => {
    for (const p of PAGES) {
      const result = await auditPage(served.browser, `${served.base}${p}`);
      expect(result.status, p).toBe(200);
      expect(result.passes, p).toBeGreaterThan(5);
      expect(result.violations, p).toEqual([]);
    }
  }, 240_000);

  it("fits a 390-pixel phone without sideways scrolling", async () => {
    const widths = await pageWidths(served.browser, served.base, PAGES, { javaScriptEnabled: false });
    expect(widths.map(([p]) => p)).toEqual([...PAGES]);
    for (const [p, wide] of widths) expect(wide, p).toBeLessThanOrEqual(390);
  });

  it("a post of every hostile fragment runs nothing, even with the CSP out of the way", async () => {
    const context = await served.browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      for (const p of ["/blog/hostile", "/blog", "/blog/tags/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"]) {
        const res = await page.goto(`${served.base}${p}`);
        expect(res?.status(), p).toBe(200);
        await page.mouse.move(10, 10);
        for (const a of await page.locator("main a").all()) await a.hover().catch(() => undefined);
        const found = (await page.evaluate(`(() => {
          const out = [];
          for (const el of document.querySelectorAll("*")) {
            if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "svg", "BASE", "FORM"].includes(el.tagName)) out.push(el.tagName);
            for (const a of el.attributes) {
              if (/^on/i.test(a.name)) out.push(el.tagName + " " + a.name);
              if (/^\\s*(javascript|vbscript|data):/i.test(a.value) && a.name !== "content") out.push(el.tagName + " " + a.name + "=" + a.value);
            }
          }
          return out;
        })()`)) as string[];
        expect(found, p).toEqual([]);
      }
      await page.waitForTimeout(300);
      expect(dialogs).toEqual([]);
      // The hostile text is shown as text.
      await page.goto(`${served.base}/blog/hostile`);
      expect(await page.locator("h1").first().textContent()).toBe('<img src=x onerror=alert("title")>');
    } finally {
      await context.close();
    }
  }, 120_000);
});
