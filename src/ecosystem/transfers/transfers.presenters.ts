/** Transfers and contact logs as the JSON API and the command line give them. */
import { z } from "zod";
import { FROM_KINDS, STEP_OWNERS, STEPS, TO_KINDS } from "./checklist.ts";
import type { getContactLog } from "./get-contact-log.ts";
import type { TransferView } from "./get-transfer.ts";

/** A transfer as the API gives it. */
export const TransferSchema = z.object({
  id: z.number().int(),
  package: z.string(),
  state: z.enum(["open", "done", "cancelled"]),
  from: z.object({ kind: z.enum(FROM_KINDS), name: z.string(), label: z.string() }),
  to: z.object({ kind: z.enum(TO_KINDS), name: z.string(), label: z.string() }),
  addPypiOwners: z.array(z.string()),
  removePypiOwners: z.array(z.string()),
  roadie: z.object({ userId: z.number().int(), name: z.string() }).nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  owners: z.array(z.string()),
  ownersAsOf: z.string().nullable(),
  complete: z.boolean(),
  steps: z.array(
    z.object({
      step: z.enum(STEPS),
      label: z.string(),
      owner: z.enum(STEP_OWNERS),
      ownerName: z.string(),
      state: z.string(),
      why: z.string(),
      verifiedBySync: z.boolean(),
      note: z.string(),
    }),
  ),
  url: z.string(),
});

/** A transfer in its API form. */
export function presentTransfer(t: TransferView): z.infer<typeof TransferSchema> {
  return {
    id: t.id,
    package: t.packageName,
    state: t.state,
    from: t.from,
    to: t.to,
    addPypiOwners: t.addPypiOwners,
    removePypiOwners: t.removePypiOwners,
    roadie: t.roadie,
    openedAt: t.openedAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null,
    owners: t.owners,
    ownersAsOf: t.ownersAsOf?.toISOString() ?? null,
    complete: t.complete,
    steps: t.steps.map((s) => ({
      step: s.step,
      label: s.label,
      owner: s.owner,
      ownerName: s.ownerName,
      state: s.state,
      why: s.why,
      verifiedBySync: s.verifiedBySync,
      note: s.note,
    })),
    url: `/transfers/${t.id}`,
  };
}

/** A package's PEP 541 contact log as the API gives it. */
export const ContactLogSchema = z.object({
  package: z.string(),
  owners: z.array(z.string()),
  ownersAsOf: z.string().nullable(),
  latestVersion: z.string(),
  lastRelease: z.string().nullable(),
  process: z.object({
    state: z.enum(["not-started", "in-progress", "waiting", "exhausted", "reached"]),
    attempts: z.number().int(),
    firstOn: z.string().nullable(),
    lastOn: z.string().nullable(),
    exhaustibleFrom: z.string().nullable(),
    why: z.string(),
  }),
  attempts: z.array(
    z.object({
      attemptedOn: z.string(),
      channel: z.string(),
      detail: z.string(),
      outcome: z.string(),
      by: z.string(),
    }),
  ),
  supportRequest: z.string().nullable(),
});

/** A contact log in its API form. */
export const presentContactLog = (
  log: Awaited<ReturnType<typeof getContactLog>>,
): z.infer<typeof ContactLogSchema> => ({
  package: log.pkg.name,
  owners: log.owners,
  ownersAsOf: log.ownersAsOf?.toISOString() ?? null,
  latestVersion: log.pkg.latestVersion,
  lastRelease: log.pkg.lastRelease,
  process: log.process,
  attempts: log.attempts.map((a) => ({
    attemptedOn: a.attemptedOn,
    channel: a.channel,
    detail: a.detail,
    outcome: a.outcome,
    by: a.byName,
  })),
  supportRequest: log.supportRequest,
});
