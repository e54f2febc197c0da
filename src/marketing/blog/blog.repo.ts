/** Queries of the blog: published blog posts only, newest first, by page, by tag, by slug. */
import { and, desc, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
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

/** A page of posts: `limit` from `offset` (none: from the first), optionally those with `tag`. */
interface PostPage {
  limit: number;
  offset?: number;
  tag?: string;
}

/** The given columns of published posts, newest first: `limit` from `offset`, optionally those with `tag`. */
function selectPublished(db: DbOrTx, columns: SelectedFields, opts: PostPage) {
  return db
    .select(columns)
    .from(items)
    .where(published(opts.tag))
    .orderBy(desc(items.publishedAt), desc(items.id))
    .limit(opts.limit)
    .offset(opts.offset ?? 0);
}

/** Published posts, newest first: `limit` from `offset`, optionally those with `tag`. */
export async function listPosts(db: DbOrTx, opts: PostPage): Promise<PostRow[]> {
  return (await selectPublished(db, getTableColumns(items), opts)) as PostRow[];
}

/** A published post without its body: what the list pages show. */
export type PostSummary = Omit<PostRow, "body">;

/**
 * Published posts for a list page, newest first, without their bodies: `limit` from `offset`
 * (optionally those with `tag`). One query; ask for one more than a page holds to know whether
 * another page follows.
 */
export async function listPostSummaries(db: DbOrTx, opts: PostPage): Promise<PostSummary[]> {
  const { body: _body, ...columns } = getTableColumns(items);
  return (await selectPublished(db, columns, opts)) as PostSummary[];
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
