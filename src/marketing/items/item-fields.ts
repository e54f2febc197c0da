/** The fields of a content item, as forms, JSON and operations take them, and the checks each kind needs. */
import { z } from "zod";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import { optionalText, Slug, text, textProblem } from "../../platform/validation.ts";
import { type ContentKind, DOC_TYPES, networksOf } from "../content-kinds.ts";
import { imagesWithoutAlt } from "../render-markdown.ts";

const list = z
  .string({ message: "must be text" })
  .max(500, { message: "must be at most 500 characters" })
  .nullish()
  // NUL, controls and broken Unicode would reach the jsonb column (PostgreSQL refuses \u0000 there).
  .superRefine((v, ctx) => {
    const problem = v ? textProblem(v, { max: 500 }) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );

/** Fields every kind has, and the blog's (slug, summary, authors, tags, social card). */
export const ItemFieldsSchema = z.object({
  title: text({ max: 200 }),
  body: text({ multiline: true, max: 100_000 }),
  slug: z.preprocess((v) => (v === "" ? undefined : v), Slug.optional()).transform((v) => v ?? null),
  summary: optionalText({ max: 1000, multiline: true }),
  authors: list,
  tags: list,
  socialCardUrl: optionalText({ max: 500 }).refine((v) => v === null || /^https?:\/\/\S+$/u.test(v), {
    message: "must be an http(s) address",
  }),
  socialCardAlt: optionalText({ max: 500 }),
});
/** The fields of an item. */
export type ItemFields = z.infer<typeof ItemFieldsSchema>;

/** Refuses fields the kind does not allow: images without alt text, a blog post without its fields. */
export function checkFields(
  kind: ContentKind,
  network: string | null,
  f: ItemFields,
  docType: string | null = null,
): void {
  const issues: FieldIssue[] = [];
  if (
    kind === "strategy-document" &&
    (docType === null || !(DOC_TYPES as readonly string[]).includes(docType))
  )
    issues.push({ field: "docType", message: `must be one of ${DOC_TYPES.join(", ")}` });
  if (kind !== "strategy-document" && docType !== null)
    issues.push({ field: "docType", message: "only strategy documents have a document type" });
  const nets = networksOf(kind);
  if (nets.length > 0 && (network === null || !(nets as readonly string[]).includes(network))) {
    issues.push({ field: "network", message: `must be one of ${nets.join(", ")}` });
  }
  if (nets.length === 0 && network !== null)
    issues.push({ field: "network", message: "only social posts and announcements have a network" });
  const missingAlt = imagesWithoutAlt(f.body);
  if (missingAlt.length) {
    issues.push({
      field: "body",
      message: `every image needs alt text; missing for ${missingAlt.slice(0, 3).join(", ")}`,
    });
  }
  if (f.socialCardUrl && !f.socialCardAlt)
    issues.push({ field: "socialCardAlt", message: "the social card needs alt text" });
  if (kind === "blog-post") {
    if (!f.slug) issues.push({ field: "slug", message: "a blog post needs a slug" });
    if (!f.summary) issues.push({ field: "summary", message: "a blog post needs a summary" });
    if (f.authors.length === 0)
      issues.push({ field: "authors", message: "a blog post needs at least one author" });
  }
  if (issues.length) {
    throw new AppError("validation", {
      message: `Invalid content item: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`,
      issues,
    });
  }
}

/** The fields kept with a revision besides title and body. */
export function revisionFields(f: ItemFields): Omit<ItemFields, "title" | "body"> {
  return {
    slug: f.slug,
    summary: f.summary,
    authors: f.authors,
    tags: f.tags,
    socialCardUrl: f.socialCardUrl,
    socialCardAlt: f.socialCardAlt,
  };
}

/** The item's columns its fields set: title, body and the fields kept with a revision. */
export function itemColumns(f: ItemFields): ItemFields {
  return { title: f.title, body: f.body, ...revisionFields(f) };
}
