/**
 * A published post as djangoproject.com's blog `Entry` takes it (the JSON export): its field names,
 * the body and summary as sanitised HTML (content_format "html"), the authors joined in one string.
 */
import type { PostRow } from "./blog.repo.ts";
import { bodyHtml, summaryHtml } from "./post-html.ts";

/** One entry of `/blog/export.json`. */
export interface DjangoEntry {
  headline: string;
  slug: string;
  /** ISO 8601, UTC. */
  pub_date: string;
  is_active: boolean;
  content_format: "html";
  /** HTML. */
  summary: string;
  /** HTML, sanitised. */
  body: string;
  author: string;
}

/** The post as a djangoproject.com blog entry. */
export function presentDjangoEntry(p: PostRow): DjangoEntry {
  return {
    headline: p.title,
    slug: p.slug,
    pub_date: p.publishedAt.toISOString(),
    is_active: p.state === "published",
    content_format: "html",
    summary: summaryHtml(p.summary),
    body: bodyHtml(p.body),
    author: p.authors.join(", "),
  };
}
