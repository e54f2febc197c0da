/**
 * Records a spelling of a person's name by hand ("Eli" -> eliana-rosselli), so the next import
 * resolves that spelling to the person. A spelling that already belongs to someone else is refused:
 * two existing people become one only through an alias suggestion (accept), which moves their roles.
 */
import { AppError } from "../../platform/errors.ts";
import type { Services } from "../../platform/services.ts";
import { findAliasByKey, findPersonRowById, findPersonRowBySlug, insertPersonAlias } from "./aliases.repo.ts";
import { displayName, personKey } from "./person-key.ts";

/** Adds `alias` to the person with slug `personSlug`; adding a spelling they already have is a no-op. */
export async function addPersonAlias(input: {
  services: Pick<Services, "database" | "clock">;
  alias: string;
  personSlug: string;
}): Promise<{ personSlug: string; alias: string; aliasKey: string; created: boolean }> {
  const { services } = input;
  const key = personKey(input.alias);
  if (key.length === 0) {
    throw new AppError("validation", {
      message: `Invalid alias: "${input.alias}" has no letters or digits`,
      issues: [{ field: "alias", message: "has no letters or digits" }],
    });
  }
  return services.database.db.transaction(async (tx) => {
    const person = await findPersonRowBySlug(tx, input.personSlug);
    if (!person) throw new AppError("not_found", { message: `No person with slug ${input.personSlug}` });
    const existing = await findAliasByKey(tx, key);
    if (existing) {
      if (existing.personId === person.id) {
        return { personSlug: person.slug, alias: existing.alias, aliasKey: key, created: false };
      }
      const owner = await findPersonRowById(tx, existing.personId);
      throw new AppError("conflict", {
        message: `Alias "${input.alias}" already belongs to ${owner?.slug ?? `person ${existing.personId}`}; merge the two people with an alias suggestion instead`,
      });
    }
    await insertPersonAlias(tx, {
      personId: person.id,
      alias: displayName(input.alias),
      aliasKey: key,
      source: "manual",
      createdAt: services.clock.now(),
    });
    return { personSlug: person.slug, alias: displayName(input.alias), aliasKey: key, created: true };
  });
}
