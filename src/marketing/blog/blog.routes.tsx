/**
 * The public blog: `/blog` (published posts, newest first, by page), `/blog/tags/:tag`,
 * `/blog/:slug`, the Atom feed and the export in djangoproject.com's Entry fields. Only published
 * blog posts appear anywhere here; reading needs nobody signed in, so no route names an action.
 */
import { z } from "zod";
import { pickEncoding } from "../../platform/http/encoded-body.ts";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Slug, text, wholeNumber } from "../../platform/validation.ts";
import type { MarketingRouter } from "../marketing.router.ts";
import { presentDjangoEntry } from "./blog.presenters.ts";
import { findPost, listPostSummaries, listPosts, POSTS_PER_PAGE } from "./blog.repo.ts";
import { BlogPage, PostPage } from "./blog.views.tsx";
import { type CachedResponse, createBlogCache } from "./blog-cache.ts";
import { blogAtom } from "./blog-feed.ts";
import { cachedBodyHtml } from "./post-html.ts";

const PageQuery = z.object({ page: wholeNumber({ min: 1, max: 100_000 }).optional() });
// Visible text without NUL or control characters (PostgreSQL refuses NUL in a query parameter): a bad tag is a 404.
const TagParams = z.object({ tag: text({ max: 200 }) });

/** Posts the feed carries. */
const FEED_POSTS = 50;

/** Adds the blog's routes to the marketing room's router. */
export function addBlogRoutes(router: MarketingRouter, services: Services): void {
  const db = services.database.db;
  const render = cachedBodyHtml();
  type C = Parameters<Parameters<typeof router.get>[1]["handler"]>[0];

  const cache = createBlogCache(services.database);
  const HTML = "text/html; charset=UTF-8";
  /** Answers from the cache for anonymous visitors (the page is the same for all of them); null is a 404. */
  const respond = async (c: C, key: string, make: () => Promise<CachedResponse | null>) => {
    if (c.var.viewer) {
      const r = await make();
      return r ? c.body(r.body, 200, { "content-type": r.contentType }) : c.notFound();
    }
    const r = await cache.get(key, make);
    if (!r) return c.notFound();
    const { bytes, headers } = pickEncoding(r.body, c.req.header("accept-encoding"));
    return c.body(bytes, 200, { ...headers, "content-type": r.contentType });
  };

  // One query a page: a page more than it shows tells whether an older page follows.
  const listPage = async (page: number, tag?: string): Promise<CachedResponse | null> => {
    const rows = await listPostSummaries(db, {
      limit: POSTS_PER_PAGE + 1,
      offset: (page - 1) * POSTS_PER_PAGE,
      tag,
    });
    if (rows.length === 0 && (page > 1 || tag !== undefined)) return null;
    const posts = rows.slice(0, POSTS_PER_PAGE);
    const older = rows.length > POSTS_PER_PAGE;
    return {
      body: await renderPage(<BlogPage posts={posts} page={page} older={older} tag={tag} />),
      contentType: HTML,
    };
  };

  router.get("/blog", {
    query: PageQuery,
    handler: (c, { query }) => respond(c, `list ${query.page ?? 1}`, () => listPage(query.page ?? 1)),
  });

  // The feed and the export come before `/blog/:slug`, which their names would also match.
  router.get("/blog/feed.atom", {
    handler: (c) =>
      respond(c, "feed", async () => ({
        body: blogAtom({
          baseUrl: services.config.baseUrl,
          posts: await listPosts(db, { limit: FEED_POSTS }),
          now: services.clock.now(),
          render,
        }),
        contentType: "application/atom+xml; charset=utf-8",
      })),
  });

  router.get("/blog/export.json", {
    handler: (c) =>
      respond(c, "export", async () => ({
        body: JSON.stringify((await listPosts(db, { limit: 100_000 })).map(presentDjangoEntry)),
        contentType: "application/json",
      })),
  });

  router.get("/blog/tags/:tag", {
    params: TagParams,
    query: PageQuery,
    handler: (c, { params, query }) =>
      respond(c, `tag ${query.page ?? 1} ${params.tag}`, () => listPage(query.page ?? 1, params.tag)),
  });

  router.get("/blog/:slug", {
    params: z.object({ slug: Slug }),
    handler: (c, { params }) =>
      respond(c, `post ${params.slug}`, async () => {
        const post = await findPost(db, params.slug);
        if (!post) return null;
        return {
          body: await renderPage(
            <PostPage post={post} html={render(post.body)} baseUrl={services.config.baseUrl} />,
          ),
          contentType: HTML,
        };
      }),
  });
}
