/** Pages of the blog: the list of published posts (all, or one tag's), and one post. */
import { raw } from "hono/html";
import { Layout } from "../../platform/http/layout.tsx";
import { When } from "../../platform/view/time.tsx";
import type { PostRow, PostSummary } from "./blog.repo.ts";

/** Where a tag's posts are listed. */
export const tagPath = (tag: string) => `/blog/tags/${encodeURIComponent(tag)}`;
/** Where a post is. */
export const postPath = (slug: string) => `/blog/${encodeURIComponent(slug)}`;

const FEED_LINK = (
  <link rel="alternate" type="application/atom+xml" title="The DSF blog (Atom)" href="/blog/feed.atom" />
);

function Tags(props: { tags: readonly string[] }) {
  if (props.tags.length === 0) return null;
  return (
    <p class="tags">
      Tags:{" "}
      {props.tags.map((t, i) => (
        <>
          {i > 0 && ", "}
          <a href={tagPath(t)} rel="tag">
            {t}
          </a>
        </>
      ))}
    </p>
  );
}

function Byline(props: { post: PostSummary }) {
  return (
    <p class="byline">
      <When at={props.post.publishedAt} />
      {props.post.authors.length > 0 && <> · by {props.post.authors.join(", ")}</>}
    </p>
  );
}

/** `/blog` and `/blog/tags/:tag`: published posts, newest first, a page at a time. */
export function BlogPage(props: {
  posts: readonly PostSummary[];
  page: number;
  /** Whether an older page follows. */
  older: boolean;
  tag?: string;
}) {
  const path = props.tag === undefined ? "/blog" : tagPath(props.tag);
  const pageHref = (n: number) => (n === 1 ? path : `${path}?page=${n}`);
  const title = props.tag === undefined ? "Blog" : `Blog posts tagged “${props.tag}”`;
  return (
    <Layout title={props.page > 1 ? `${title}, page ${props.page}` : title} path="/blog" head={FEED_LINK}>
      <h1>{title}</h1>
      <p>
        {props.tag !== undefined && (
          <>
            <a href="/blog">Every post</a> ·{" "}
          </>
        )}
        <a href="/blog/feed.atom">Atom feed</a>
      </p>
      {props.posts.length === 0 ? (
        <p>No posts yet.</p>
      ) : (
        <ol class="plain posts">
          {props.posts.map((p) => (
            <li>
              <article>
                <h2>
                  <a href={postPath(p.slug)}>{p.title}</a>
                </h2>
                <Byline post={p} />
                {p.summary && <p class="pre-line">{p.summary}</p>}
                <Tags tags={p.tags} />
              </article>
            </li>
          ))}
        </ol>
      )}
      {(props.page > 1 || props.older) && (
        <nav aria-label="Pages of posts">
          <p>
            Page {props.page}
            {props.page > 1 && (
              <>
                {" "}
                ·{" "}
                <a href={pageHref(props.page - 1)} rel="prev">
                  Newer posts
                </a>
              </>
            )}
            {props.older && (
              <>
                {" "}
                ·{" "}
                <a href={pageHref(props.page + 1)} rel="next">
                  Older posts
                </a>
              </>
            )}
          </p>
        </nav>
      )}
    </Layout>
  );
}

/** `/blog/:slug`: one published post, its sanitised body, and its social card as Open Graph tags. */
export function PostPage(props: { post: PostRow; html: string; baseUrl: string }) {
  const p = props.post;
  const base = props.baseUrl.replace(/\/$/u, "");
  const head = (
    <>
      {FEED_LINK}
      <link rel="canonical" href={`${base}${postPath(p.slug)}`} />
      {p.summary && <meta name="description" content={p.summary} />}
      <meta property="og:type" content="article" />
      <meta property="og:title" content={p.title} />
      <meta property="og:url" content={`${base}${postPath(p.slug)}`} />
      {p.summary && <meta property="og:description" content={p.summary} />}
      {p.socialCardUrl && (
        <>
          <meta property="og:image" content={p.socialCardUrl} />
          <meta property="og:image:alt" content={p.socialCardAlt ?? ""} />
          <meta name="twitter:card" content="summary_large_image" />
        </>
      )}
      <meta property="article:published_time" content={p.publishedAt.toISOString()} />
      {p.tags.map((t) => (
        <meta property="article:tag" content={t} />
      ))}
    </>
  );
  return (
    <Layout title={p.title} path="/blog" head={head}>
      <p>
        <a href="/blog">Blog</a>
      </p>
      <article>
        <h1>{p.title}</h1>
        <Byline post={p} />
        <div class="content-body">{raw(props.html)}</div>
        <Tags tags={p.tags} />
      </article>
    </Layout>
  );
}
