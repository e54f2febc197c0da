/** Lists alias suggestions (pending by default) with both people's names, slugs and spellings. */
import type { Services } from "../../platform/services.ts";
import { selectAliasSuggestions } from "./aliases.repo.ts";

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
  const rows = await selectAliasSuggestions(input.services.database.db, input.all ?? false);
  return rows.map((r) => ({
    id: r.s.id,
    reason: r.s.reason,
    status: r.s.status,
    keep: { id: r.keep.id, slug: r.keep.slug, name: r.keep.name, handle: r.keep.handle },
    merge: { id: r.merge.id, slug: r.merge.slug, name: r.merge.name, handle: r.merge.handle },
    createdAt: r.s.createdAt.toISOString(),
  }));
}
