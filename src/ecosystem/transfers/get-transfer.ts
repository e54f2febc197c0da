/** A transfer as its page, the API and the command line show it: the checklist with each step's state. */
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { loadPackageResource } from "../maintainers/maintainer-calls.ts";
import {
  DEFAULT_OWNERS,
  type FromKind,
  isComplete,
  ORGANISATIONS,
  partyLabel,
  type SettableStepState,
  STEP_LABELS,
  STEPS,
  type Step,
  type StepOwner,
  stepState,
  type ToKind,
  type TransferState,
  VERIFIED_STEPS,
  verifyRoles,
} from "./checklist.ts";
import { findTransfer, listTransferRows, packageOwnership, stepsOf } from "./transfers.repo.ts";

/** The policy's view of a transfer: its package's maintainers, the group and its roadie. */
export async function loadTransferResource(db: Db, id: number) {
  const found = await findTransfer(db, id);
  if (!found) throw new AppError("not_found", { message: `No transfer ${id}.` });
  const pkg = await loadPackageResource(db, found.transfer.packageName);
  return {
    kind: "transfer" as const,
    id,
    name: pkg.name,
    maintainerUserIds: pkg.maintainerUserIds,
    stewardGroupId: pkg.stewardGroupId,
    roadieUserId: found.transfer.roadieUserId,
  };
}

/** One transfer with its checklist (the PyPI-roles step verified from the last sync). */
export async function getTransfer(input: { db: Db; id: number }) {
  const found = await findTransfer(input.db, input.id);
  if (!found) throw new AppError("not_found", { message: `No transfer ${input.id}.` });
  const t = found.transfer;
  const [pkg, stored] = await Promise.all([
    packageOwnership(input.db, t.packageName),
    stepsOf(input.db, t.id),
  ]);
  if (!pkg)
    throw new AppError("not_found", { message: `No package named ${t.packageName} in the catalogue.` });
  const synced = pkg.source === "index" ? pkg.syncedAt : null;
  const owners = pkg.ownership.roles.map((r) => r.user);
  const roles = verifyRoles(
    { add: t.addPypiOwners, remove: t.removePypiOwners, openedAt: t.openedAt },
    { owners, syncedAt: synced },
  );
  const byStep = new Map(stored.map((s) => [s.step, s]));
  const steps = STEPS.map((step) => {
    const s = byStep.get(step);
    const owner = (s?.owner ?? DEFAULT_OWNERS[step]) as StepOwner;
    const storedState = (s?.state ?? "to-do") as SettableStepState;
    const shown = stepState({ step, owner, state: storedState, note: s?.note ?? "" }, roles);
    return {
      step,
      label: STEP_LABELS[step],
      owner,
      ownerName:
        owner === "from"
          ? t.fromName
          : owner === "to"
            ? t.toName
            : (found.roadieName ?? "the roadie (none yet)"),
      state: shown.state,
      why: shown.why,
      verifiedBySync: VERIFIED_STEPS.includes(step as Step),
      note: s?.note ?? "",
      updatedByName: s?.updatedByName ?? null,
      updatedAt: s?.updatedAt ?? null,
    };
  });
  const fromKind = t.fromKind as FromKind;
  const toKind = t.toKind as ToKind;
  const notes = [fromKind, toKind]
    .filter((k): k is keyof typeof ORGANISATIONS => k in ORGANISATIONS)
    .map((k) => ORGANISATIONS[k].note);
  return {
    id: t.id,
    packageName: t.packageName,
    displayName: pkg.displayName,
    state: t.state as TransferState,
    from: { kind: fromKind, name: t.fromName, label: partyLabel(fromKind, t.fromName) },
    to: { kind: toKind, name: t.toName, label: partyLabel(toKind, t.toName) },
    addPypiOwners: t.addPypiOwners,
    removePypiOwners: t.removePypiOwners,
    roadie: t.roadieUserId === null ? null : { userId: t.roadieUserId, name: found.roadieName ?? "" },
    createdByName: t.createdByName,
    openedAt: t.openedAt,
    closedAt: t.closedAt,
    owners,
    ownersAsOf: synced,
    steps,
    complete: isComplete(steps.map((s) => s.state)),
    notes,
  };
}

/** A transfer as shown. */
export type TransferView = Awaited<ReturnType<typeof getTransfer>>;

/** Every transfer (open first) with its checklist progress. */
export async function listTransfers(input: { db: Db }) {
  const rows = await listTransferRows(input.db);
  return Promise.all(rows.map((r) => getTransfer({ db: input.db, id: r.transfer.id })));
}
