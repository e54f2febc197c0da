/** Opens an ownership transfer of a package with its checklist and a roadie (the suggested one unless named). */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { loadPackageResource } from "../maintainers/maintainer-calls.ts";
import { audit } from "../maintainers/maintainers.repo.ts";
import { DEFAULT_OWNERS, type FromKind, partyName, STEPS, suggestRoadie, type ToKind } from "./checklist.ts";
import { insertSteps, insertTransfer, rosterWithLoad } from "./transfers.repo.ts";

/** Who is acting (null user: the command line). */
export interface Acting {
  userId: number | null;
  name: string;
}

/** Opens the transfer; refuses a second open one on the package (a constraint). */
export async function openTransfer(input: {
  db: Db;
  clock: Clock;
  name: string;
  fromKind: FromKind;
  fromName: string | null;
  toKind: ToKind;
  toName: string | null;
  addPypiOwners: string[];
  removePypiOwners: string[];
  /** A roadie on the roster to work with; null: the one with the most room. */
  roadieUserId: number | null;
  by: Acting;
}) {
  const fromName = partyName(input.fromKind, input.fromName);
  const toName = partyName(input.toKind, input.toName);
  const issues = [
    fromName === null ? { field: "fromName", message: "name who hands the package over" } : null,
    toName === null ? { field: "toName", message: "name who takes the package" } : null,
  ].filter((x): x is { field: string; message: string } => x !== null);
  if (fromName === null || toName === null) {
    throw new AppError("validation", {
      message: `Invalid transfer: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`,
      issues,
    });
  }
  const pkg = await loadPackageResource(input.db, input.name);
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const roster = await rosterWithLoad(tx);
    let roadie = input.roadieUserId;
    if (roadie !== null && !roster.some((r) => r.userId === roadie)) {
      throw new AppError("validation", {
        message: "Invalid transfer: roadieUserId: not on the roster of roadies",
        issues: [{ field: "roadieUserId", message: "not on the roster of roadies" }],
      });
    }
    if (roadie === null) roadie = suggestRoadie(roster)?.userId ?? null;
    const t = await insertTransfer(tx, {
      packageName: pkg.name,
      fromKind: input.fromKind,
      fromName,
      toKind: input.toKind,
      toName,
      addPypiOwners: input.addPypiOwners,
      removePypiOwners: input.removePypiOwners,
      roadieUserId: roadie,
      state: "open",
      createdByUserId: input.by.userId,
      createdByName: input.by.name,
      openedAt: now,
    });
    await insertSteps(
      tx,
      STEPS.map((step) => ({ transferId: t.id, step, owner: DEFAULT_OWNERS[step], state: "to-do" })),
    );
    await audit(tx, {
      by: input.by,
      at: now,
      action: "transfer.open",
      subjectType: "transfer",
      subjectId: String(t.id),
      after: t,
    });
    return t;
  });
}
