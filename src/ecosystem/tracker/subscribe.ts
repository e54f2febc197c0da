/** Subscribes an account to a package's milestone reminders, and unsubscribes it (audited). */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { loadPackageResource } from "../maintainers/maintainer-calls.ts";
import { audit } from "../maintainers/maintainers.repo.ts";
import { deleteSubscription, insertSubscription } from "./tracker.repo.ts";

/** Subscribes or unsubscribes `by` to `name`; subscribing twice or unsubscribing twice is a conflict. */
export async function setSubscription(input: {
  db: Db;
  clock: Clock;
  name: string;
  subscribed: boolean;
  by: { userId: number; name: string };
}) {
  const pkg = await loadPackageResource(input.db, input.name);
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const changed = input.subscribed
      ? await insertSubscription(tx, { userId: input.by.userId, packageName: pkg.name, subscribedAt: now })
      : await deleteSubscription(tx, input.by.userId, pkg.name);
    if (!changed) {
      throw new AppError("conflict", {
        message: input.subscribed
          ? `You are already subscribed to ${pkg.name}.`
          : `You are not subscribed to ${pkg.name}.`,
      });
    }
    await audit(tx, {
      by: input.by,
      at: now,
      action: input.subscribed ? "tracker.subscribe" : "tracker.unsubscribe",
      subjectType: "package",
      subjectId: pkg.name,
    });
    return { package: pkg.name, subscribed: input.subscribed };
  });
}
