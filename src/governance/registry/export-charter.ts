/** Writes a stored group's charter back as markdown (the charter renderer), for `charters export`. */
import { AppError } from "../../platform/errors.ts";
import type { Services } from "../../platform/services.ts";
import { renderCharterMarkdown } from "../charter/render-charter.ts";
import { ParsedCharterSchema } from "../charter/types.ts";
import { findGroupRowBySlug } from "./groups.repo.ts";

/** The markdown of group `slug`'s stored charter; an unknown slug is a not_found error. */
export async function exportCharter(input: {
  services: Pick<Services, "database">;
  slug: string;
}): Promise<string> {
  const row = await findGroupRowBySlug(input.services.database.db, input.slug);
  if (!row) throw new AppError("not_found", { message: `No group with slug ${input.slug}` });
  const parsed = ParsedCharterSchema.safeParse(row.charter);
  if (!parsed.success) {
    throw new AppError("internal", {
      message: `Stored charter of ${input.slug} does not match the charter format; re-import it`,
    });
  }
  return renderCharterMarkdown(parsed.data);
}
