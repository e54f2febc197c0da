/** Queries of the blog: published blog posts only, newest first, by page, by tag, by slug. */
import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client.ts";
import { schema } from "../../platform/db/index.ts";
import type { ItemRow } from "../marketing.repo.ts";

type DbOrTx = Db | Tx;
const { marketingItems: items } = schema;

/** A published blog post: a content item of kind blog-post in state published. */
export type PostRow = ItemRow & { slug: string; publishedAt: Date };

/** Blog posts per page of `/blog`. */
export const POSTS_PER_PAGE = 10;

/** Only published blog posts, ever: drafts, items in review and scheduled ones never match. */
function published(tag?: string): SQL {
  const where = and(
    eq(items.kind, "blog-post"),
    eq(items.state, "published"),
    sql`${items.slug} is not null`,
    sql`${items.publishedAt} is not null`,
  );
  return (
    tag === undefined ? where : and(where, sql`${items.tags} @> ${JSON.stringify([tag])}::jsonb`)
  ) as SQL;
}

/** Published posts, newest first: `limit` from `offset`, optionally those with `tag`. */
export async function listPosts(
  db: DbOrTx,
  opts: { limit: number; offset?: number; tag?: string },
): Promise<PostRow[]> {
  const rows = await db
    .select()
    .from(items)
    .where(published(opts.tag))
    .orderBy(desc(items.publishedAt), desc(items.id))
    .limit(opts.limit)
    .offset(opts.offset ?? 0);
  return rows as PostRow[];
}

/** How many published posts there are (with `tag`, if given). */
export async function countPosts(db: DbOrTx, tag?: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(items).where(published(tag));
  return row?.n ?? 0;
}

/** The published post with this slug, or null (a draft or scheduled post with it is null too). */
export async function findPost(db: DbOrTx, slug: string): Promise<PostRow | null> {
  const [row] = await db
    .select()
    .from(items)
    .where(and(published(), eq(items.slug, slug)))
    .limit(1);
  return (row as PostRow | undefined) ?? null;
}
