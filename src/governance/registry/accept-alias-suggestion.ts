/**
 * Accepts an alias suggestion: the two people are one. In one transaction the merged person's
 * roles, role periods, account, decisions, timeline events, aliases and other suggestions move to the kept person, the merge is
 * recorded in person_merges, and the merged row is deleted.
 */
import type { Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { Services } from "../../platform/services.ts";
import {
  accountsOfPair,
  decideAliasSuggestion,
  deletePersonRow,
  dropRolesHeldByBoth,
  findAliasSuggestion,
  findPersonRowById,
  insertMerge,
  moveAccountAndDecisions,
  moveGroupEvents,
  moveGroupRoles,
  movePersonAliases,
  repairSuggestion,
  setPersonHandle,
  suggestionPairExists,
  suggestionsAbout,
} from "./aliases.repo.ts";

/** What the merge did. */
export interface MergeResult {
  suggestionId: number;
  kept: { id: number; slug: string; name: string };
  merged: { id: number; slug: string; name: string };
  moved: { roles: number; events: number; aliases: number };
}

/** Accepts suggestion `id`; `keep` (a person slug) overrides which of the two is kept. */
export async function acceptAliasSuggestion(input: {
  services: Pick<Services, "database" | "clock">;
  id: number;
  keep?: string;
}): Promise<MergeResult> {
  const { services } = input;
  const now = services.clock.now();
  return services.database.db.transaction(async (tx) => {
    const s = await findAliasSuggestion(tx, input.id);
    if (!s) throw new AppError("not_found", { message: `No alias suggestion ${input.id}` });
    if (s.status !== "pending") {
      throw new AppError("conflict", { message: `Alias suggestion ${input.id} is already ${s.status}` });
    }
    const a = await findPersonRowById(tx, s.personId);
    const b = await findPersonRowById(tx, s.otherPersonId);
    if (!a || !b)
      throw new AppError("not_found", { message: `Alias suggestion ${input.id} names a missing person` });
    let kept = a;
    let merged = b;
    if (input.keep !== undefined) {
      if (input.keep === b.slug) [kept, merged] = [b, a];
      else if (input.keep !== a.slug) {
        throw new AppError("bad_request", {
          message: `--keep must be ${a.slug} or ${b.slug}, got ${input.keep}`,
          issues: [{ field: "keep", message: `not one of the two people of suggestion ${input.id}` }],
        });
      }
    }
    await decideAliasSuggestion(tx, s.id, { status: "accepted", decidedAt: now });
    const moved = await mergePeople(tx, kept.id, merged.id);
    if (!kept.handle && merged.handle) await setPersonHandle(tx, kept.id, merged.handle);
    await insertMerge(tx, {
      keptPersonId: kept.id,
      mergedPersonId: merged.id,
      mergedSlug: merged.slug,
      mergedName: merged.name,
      reason: s.reason,
      suggestionId: s.id,
      mergedAt: now,
    });
    await deletePersonRow(tx, merged.id);
    return {
      suggestionId: s.id,
      kept: { id: kept.id, slug: kept.slug, name: kept.name },
      merged: { id: merged.id, slug: merged.slug, name: merged.name },
      moved,
    };
  });
}

/** Moves everything of person `from` to person `to`; rows that would duplicate one of `to`'s are dropped. */
export async function mergePeople(tx: Tx, to: number, from: number): Promise<MergeResult["moved"]> {
  // A role both held in the same group (same role and title) stays once, with the kept person.
  await dropRolesHeldByBoth(tx, to, from);
  const roles = await moveGroupRoles(tx, to, from);
  const events = await moveGroupEvents(tx, to, from);
  const aliases = await movePersonAliases(tx, to, from);
  // An account and its decisions (a newcomer's person created on applying) move too.
  if ((await accountsOfPair(tx, to, from)) > 1) {
    throw new AppError("conflict", {
      message: "Both people have an account; disable one account before merging them.",
    });
  }
  await moveAccountAndDecisions(tx, to, from);
  // Other suggestions about the merged person now concern the kept one, unless that pair exists.
  const others = await suggestionsAbout(tx, from);
  for (const o of others) {
    const p = o.personId === from ? to : o.personId;
    const q = o.otherPersonId === from ? to : o.otherPersonId;
    if (p === q) continue; // the accepted pair itself: goes with the merged person
    if (await suggestionPairExists(tx, p, q)) continue;
    await repairSuggestion(tx, o.id, { personId: p, otherPersonId: q });
  }
  return { roles: roles.length, events: events.length, aliases: aliases.length };
}
