/** Sets a package's status on an upcoming series' tracker (the policy decided who may), audited. */

import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { audit } from "../maintainers/maintainers.repo.ts";
import { findUpcomingSeries } from "./get-tracker.ts";
import { findEntry, setBy, upsertEntry } from "./tracker.repo.ts";
import type { SettableStatus } from "./tracker-status.ts";

/** Sets the entry; in progress needs a link, blocked needs a reason. */
export async function setTrackerEntry(input: {
  db: Db;
  clock: Clock;
  series: string;
  name: string;
  status: SettableStatus;
  link: string | null;
  reason: string | null;
  /** Null user: the command line. */
  by: { userId: number | null; name: string };
}) {
  if (input.status === "in-progress" && !input.link) {
    throw new AppError("validation", {
      message:
        "Invalid tracker entry: link: in progress needs the link of the work (a pull request or issue)",
      issues: [
        { field: "link", message: "in progress needs the link of the work (a pull request or issue)" },
      ],
    });
  }
  if (input.status === "blocked" && !input.reason) {
    throw new AppError("validation", {
      message: "Invalid tracker entry: reason: blocked needs a reason",
      issues: [{ field: "reason", message: "blocked needs a reason" }],
    });
  }
  const series = await findUpcomingSeries(input);
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const before = await findEntry(tx, series.series, input.name);
    const saved = await upsertEntry(tx, {
      series: series.series,
      packageName: input.name,
      status: input.status,
      link: input.status === "in-progress" ? input.link : null,
      reason: input.status === "blocked" ? input.reason : null,
      ...setBy(input.by, now),
    });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "tracker.set",
      subjectType: "tracker-entry",
      subjectId: `${series.series}/${input.name}`,
      before: before ? { status: before.status, link: before.link, reason: before.reason } : null,
      after: { status: saved.status, link: saved.link, reason: saved.reason },
    });
    return saved;
  });
}
