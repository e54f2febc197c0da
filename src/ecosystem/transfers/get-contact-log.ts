/** A package's PEP 541 contact log: the attempts, where the process stands, and the support request text. */
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import {
  type Attempt,
  type ContactChannel,
  type ContactOutcome,
  contactProcess,
  supportRequestText,
} from "./contact-process.ts";
import { attemptsOf, packageOwnership } from "./transfers.repo.ts";

/** The log of one package; `requester` names who would send the support request. */
export async function getContactLog(input: { db: Db; name: string; requester: string }) {
  const pkg = await packageOwnership(input.db, input.name);
  if (!pkg) throw new AppError("not_found", { message: `No package named ${input.name} in the catalogue.` });
  const rows = await attemptsOf(input.db, pkg.name);
  const attempts: Attempt[] = rows.map((r) => ({
    attemptedOn: r.attemptedOn,
    channel: r.channel as ContactChannel,
    detail: r.detail,
    outcome: r.outcome as ContactOutcome,
    byName: r.byName,
  }));
  const process = contactProcess(attempts);
  const synced = pkg.source === "index" ? pkg.syncedAt : null;
  const owners = pkg.ownership.roles.map((r) => r.user);
  const lastRelease = pkg.latestReleaseAt ? pkg.latestReleaseAt.toISOString().slice(0, 10) : null;
  return {
    pkg: { name: pkg.name, displayName: pkg.displayName, latestVersion: pkg.latestVersion, lastRelease },
    owners,
    ownersAsOf: synced,
    attempts: rows,
    process,
    supportRequest: supportRequestText(process, attempts, {
      packageName: pkg.name,
      owners,
      ownersAsOf: synced ? synced.toISOString() : null,
      latestVersion: pkg.latestVersion,
      lastRelease,
      requester: input.requester,
    }),
  };
}

/** A contact log as shown. */
export type ContactLog = Awaited<ReturnType<typeof getContactLog>>;
