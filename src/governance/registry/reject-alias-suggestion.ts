/** Rejects an alias suggestion: the two people stay apart and the pair is never suggested again. */
import { AppError } from "../../platform/errors.ts";
import type { Services } from "../../platform/services.ts";
import { decideAliasSuggestion, findAliasSuggestion } from "./aliases.repo.ts";

/** Marks suggestion `id` rejected. */
export async function rejectAliasSuggestion(input: {
  services: Pick<Services, "database" | "clock">;
  id: number;
}): Promise<{ id: number }> {
  const { services } = input;
  return services.database.db.transaction(async (tx) => {
    const s = await findAliasSuggestion(tx, input.id);
    if (!s) throw new AppError("not_found", { message: `No alias suggestion ${input.id}` });
    if (s.status !== "pending") {
      throw new AppError("conflict", { message: `Alias suggestion ${input.id} is already ${s.status}` });
    }
    await decideAliasSuggestion(tx, s.id, { status: "rejected", decidedAt: services.clock.now() });
    return { id: s.id };
  });
}
