/**
 * Calls for maintainers: made, filled or withdrawn by a package's maintainers or the Package
 * Maintainers group (the policy decides before these run); volunteers offer, the call's owner
 * accepts. Every change is audited in the same transaction.
 */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { isPypiOwner, maintainersOf, repositoryOwner } from "./maintainer-rule.ts";
import {
  acceptedOffersOf,
  acceptOfferRow,
  accountsWithGithubLogin,
  audit,
  callsOfPackage,
  closeCall,
  findCall,
  findMaintainedPackage,
  findOffer,
  insertCall,
  insertOffer,
  offersOfCalls,
  stewardGroupId,
} from "./maintainers.repo.ts";

/** Who is acting. */
export interface Acting {
  /** Null: the command line (an operator, trusted as the group). */
  userId: number | null;
  name: string;
}

/** The policy's view of a package: its maintainers' account ids and the group that looks after packages. */
export async function loadPackageResource(db: Db, name: string) {
  const pkg = await findMaintainedPackage(db, name);
  if (!pkg) throw new AppError("not_found", { message: `No package named ${name} in the catalogue.` });
  const owner = repositoryOwner(pkg.projectUrls);
  const [accounts, accepted, groupId] = await Promise.all([
    owner ? accountsWithGithubLogin(db, owner) : Promise.resolve([]),
    acceptedOffersOf(db, pkg.name),
    stewardGroupId(db),
  ]);
  const maintainers = maintainersOf(
    { projectUrls: pkg.projectUrls, ownerUsers: pkg.ownership.roles.map((r) => r.user) },
    accounts,
    accepted,
  );
  return {
    kind: "package" as const,
    name: pkg.name,
    maintainerUserIds: [...maintainers.keys()],
    stewardGroupId: groupId,
    links: maintainers,
  };
}

/** The resource of a call's package. */
export async function loadCallResource(db: Db, callId: number) {
  const call = await findCall(db, callId);
  if (!call) throw new AppError("not_found", { message: `No call for maintainers ${callId}.` });
  return loadPackageResource(db, call.packageName);
}

/** The resource of an offer's package. */
export async function loadOfferResource(db: Db, offerId: number) {
  const offer = await findOffer(db, offerId);
  if (!offer) throw new AppError("not_found", { message: `No offer ${offerId}.` });
  return loadCallResource(db, offer.callId);
}

/** Why the actor may make a call, in words stored with it. */
function capacity(resource: { maintainerUserIds: readonly number[] }, by: Acting): string {
  if (by.userId === null) return "Package Maintainers group (command line)";
  return resource.maintainerUserIds.includes(by.userId) ? "maintainer" : "Package Maintainers group";
}

/** Makes a call for maintainers on a package. */
export async function makeCall(input: {
  db: Db;
  clock: Clock;
  name: string;
  help: string;
  skills: string;
  hoursPerWeek: number;
  /** The work suits a mentee (shown with mentoring programme links). */
  suitsMentee?: boolean;
  by: Acting;
}) {
  const resource = await loadPackageResource(input.db, input.name);
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const call = await insertCall(tx, {
      packageName: resource.name,
      help: input.help,
      skills: input.skills,
      hoursPerWeek: input.hoursPerWeek,
      suitsMentee: input.suitsMentee ?? false,
      state: "open",
      createdByUserId: input.by.userId,
      createdByName: input.by.name,
      createdAs: capacity(resource, input.by),
      openedAt: now,
    });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "maintainers.call",
      subjectType: "maintainer-call",
      subjectId: String(call.id),
      after: call,
    });
    return call;
  });
}

/** Marks an open call filled or withdrawn. */
export async function setCallState(input: {
  db: Db;
  clock: Clock;
  callId: number;
  state: "filled" | "withdrawn";
  by: Acting;
}) {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const before = await findCall(tx, input.callId);
    if (!before) throw new AppError("not_found", { message: `No call for maintainers ${input.callId}.` });
    const after = await closeCall(tx, input.callId, input.state, now);
    if (!after) {
      throw new AppError("conflict", {
        message: `This call is already ${before.state}; only an open call can be ${input.state}.`,
      });
    }
    await audit(tx, {
      by: input.by,
      at: now,
      action: `maintainers.call-${input.state}`,
      subjectType: "maintainer-call",
      subjectId: String(after.id),
      before: { state: before.state },
      after: { state: after.state },
    });
    return after;
  });
}

/** A volunteer offers to help on an open call. */
export async function offerHelp(input: {
  db: Db;
  clock: Clock;
  callId: number;
  pypiUser: string;
  message: string | null;
  by: { userId: number; name: string };
}) {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const call = await findCall(tx, input.callId);
    if (!call) throw new AppError("not_found", { message: `No call for maintainers ${input.callId}.` });
    if (call.state !== "open") {
      throw new AppError("conflict", {
        message: `This call is ${call.state}; offers are taken on open calls only.`,
      });
    }
    const offer = await insertOffer(tx, {
      callId: call.id,
      userId: input.by.userId,
      pypiUser: input.pypiUser,
      message: input.message ?? "",
      state: "offered",
      offeredAt: now,
    });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "maintainers.offer",
      subjectType: "maintainer-call",
      subjectId: String(call.id),
      after: { offerId: offer.id, pypiUser: offer.pypiUser },
    });
    return offer;
  });
}

/** The call's owner (or the group) accepts a volunteer's offer. */
export async function acceptOffer(input: {
  db: Db;
  clock: Clock;
  offerId: number;
  by: { userId: number; name: string };
}) {
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const offer = await findOffer(tx, input.offerId);
    if (!offer) throw new AppError("not_found", { message: `No offer ${input.offerId}.` });
    const accepted = await acceptOfferRow(tx, offer.id, input.by.userId, now);
    if (!accepted) throw new AppError("conflict", { message: "This offer is already accepted." });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "maintainers.accept",
      subjectType: "maintainer-call",
      subjectId: String(offer.callId),
      before: { offerId: offer.id, state: offer.state },
      after: { offerId: offer.id, state: accepted.state },
    });
    return accepted;
  });
}

/** A package's calls with their offers, and its co-maintainers (accepted volunteers PyPI lists as owners). */
export async function getPackageCalls(input: { db: Db; name: string }) {
  const pkg = await findMaintainedPackage(input.db, input.name);
  if (!pkg) throw new AppError("not_found", { message: `No package named ${input.name} in the catalogue.` });
  const calls = await callsOfPackage(input.db, pkg.name);
  const offers = await offersOfCalls(
    input.db,
    calls.map((c) => c.id),
  );
  const accepted = await acceptedOffersOf(input.db, pkg.name);
  const owners = pkg.ownership.roles.map((r) => r.user);
  const synced = pkg.source === "index";
  return {
    pkg,
    calls: calls.map((c) => ({ ...c, offers: offers.filter((o) => o.callId === c.id) })),
    openCall: calls.find((c) => c.state === "open") ?? null,
    /** Accepted volunteers: listed by PyPI (co-maintainers), or waiting for PyPI to list them. */
    volunteers: accepted.map((a) => ({
      ...a,
      listedByPypi: synced && isPypiOwner(owners, a.pypiUser),
    })),
    ownersAsOf: pkg.syncedAt,
  };
}

/** Package call data for a package page. */
export type PackageCalls = Awaited<ReturnType<typeof getPackageCalls>>;
