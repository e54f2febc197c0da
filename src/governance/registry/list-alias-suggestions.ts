/** Lists alias suggestions (pending by default) with both people's names, slugs and spellings. */
import { aliasedTable, asc, eq } from "drizzle-orm";
import { aliasSuggestions, people } from "../../platform/db/schema.ts";
import type { Services } from "../../platform/services.ts";

/** One suggestion as shown for review. */
export interface AliasSuggestionView {
  id: number;
  reason: string;
  status: string;
  /** The person kept by default when accepted (the fuller spelling). */
  keep: { id: number; slug: string; name: string; handle: string | null };
  /** The person merged into `keep` when accepted. */
  merge: { id: number; slug: string; name: string; handle: string | null };
  createdAt: string;
}

/** Pending suggestions (or all with `all`), oldest first. */
export async function listAliasSuggestions(input: {
  services: Pick<Services, "database">;
  all?: boolean;
}): Promise<AliasSuggestionView[]> {
  const other = aliasedTable(people, "other");
  const q = input.services.database.db
    .select({ s: aliasSuggestions, keep: people, merge: other })
    .from(aliasSuggestions)
    .innerJoin(people, eq(people.id, aliasSuggestions.personId))
    .innerJoin(other, eq(other.id, aliasSuggestions.otherPersonId))
    .orderBy(asc(aliasSuggestions.id));
  const rows = input.all ? await q : await q.where(eq(aliasSuggestions.status, "pending"));
  return rows.map((r) => ({
    id: r.s.id,
    reason: r.s.reason,
    status: r.s.status,
    keep: { id: r.keep.id, slug: r.keep.slug, name: r.keep.name, handle: r.keep.handle },
    merge: { id: r.merge.id, slug: r.merge.slug, name: r.merge.name, handle: r.merge.handle },
    createdAt: r.s.createdAt.toISOString(),
  }));
}
