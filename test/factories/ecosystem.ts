/**
 * Ecosystem test pieces for any room's tests: requests with an account's token, a synced package
 * its GitHub owner maintains personally, the Package Maintainers group, accounts with the read
 * and groups scopes, and announced milestone dates.
 */
import { eq } from "drizzle-orm";
import { type RecordMilestoneInput, recordMilestone, repositoryOwner } from "../../src/ecosystem/index.ts";
import type { Clock } from "../../src/platform/clock.ts";
import { type Db, schema } from "../../src/platform/db/index.ts";
import { createTestAccount, type TestAccount, type TestAccountInput } from "./accounts.ts";
import { insertGroup } from "./governance.ts";

/** The scopes the ecosystem tests' accounts carry. */
export const ECOSYSTEM_SCOPES = ["read", "groups"];

/** Requests to `app` as an account (its bearer token) or as nobody. */
export function requestsTo(app: {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
}) {
  const auth = (account: TestAccount | null | undefined): Record<string, string> =>
    account ? { authorization: `Bearer ${account.token}` } : {};
  return {
    /** A form POST (`application/x-www-form-urlencoded`). */
    post: async (account: TestAccount | null, path: string, form: Record<string, string> = {}) =>
      app.request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...auth(account) },
        body: new URLSearchParams(form).toString(),
      }),
    /** A JSON POST. */
    api: async (account: TestAccount | null, path: string, json: unknown) =>
      app.request(path, {
        method: "POST",
        headers: { "content-type": "application/json", ...auth(account) },
        body: JSON.stringify(json),
      }),
    /** A GET. */
    get: async (path: string, account?: TestAccount) =>
      app.request(path, account ? { headers: auth(account) } : {}),
  };
}

/**
 * The synced packages (source "index"), the first one whose GitHub repository belongs to one of its
 * PyPI owners and to no organisation (`pkg`, that `owner`), and another whose repository that
 * owner does not hold (`other`). Names are "" when there is none.
 */
export async function personalPackage(db: Db) {
  const rows = await db.select().from(schema.packages).where(eq(schema.packages.source, "index"));
  const personal = rows.find((r) => {
    const o = repositoryOwner(r.projectUrls);
    return o !== null && r.ownership.organization === null && r.ownership.roles.some((x) => x.user === o);
  });
  const pkg = personal?.name ?? "";
  const owner = repositoryOwner(personal?.projectUrls ?? {}) ?? "";
  const other =
    rows.find((r) => r.name !== pkg && repositoryOwner(r.projectUrls)?.toLowerCase() !== owner.toLowerCase())
      ?.name ?? "";
  return { rows, pkg, owner, other };
}

/** The Package Maintainers group with PM Chair as its Chair and `members`; person ids by name. */
export async function insertPackageMaintainers(db: Db, members: string[] = []) {
  return insertGroup(db, {
    slug: "package-maintainers",
    chairs: ["PM Chair"],
    coChairs: [],
    boardLiaisons: [],
    members,
  });
}

/** The Package Maintainers group and an account for its Chair, PM Chair (pm@example.org). */
export async function packageMaintainersChair(db: Db, clock: Clock): Promise<TestAccount> {
  const group = await insertPackageMaintainers(db);
  return createTestAccount({
    db,
    clock,
    email: "pm@example.org",
    name: "PM Chair",
    personId: group.people.get("PM Chair") ?? null,
    scopes: ECOSYSTEM_SCOPES,
  });
}

/** The accounts ecosystem tests act as around a package: its maintainer, a Package Maintainers member and a stranger. */
export interface PackageAccounts {
  maintainer: TestAccount;
  groupMember: TestAccount;
  stranger: TestAccount;
}

/**
 * The Package Maintainers group with PM Member, and accounts with the ecosystem scopes: Owner
 * (owner@example.org, GitHub login `githubLogin`), PM (pm@example.org, that member) and a stranger
 * (stranger@example.org, GitHub login someone-else, who maintains nothing).
 */
export async function packageAccounts(db: Db, clock: Clock, githubLogin: string | null) {
  const group = await insertPackageMaintainers(db, ["PM Member"]);
  const account = (email: string, extra: Partial<TestAccountInput>) =>
    createTestAccount({ db, clock, email, scopes: ECOSYSTEM_SCOPES, ...extra });
  const accounts: PackageAccounts = {
    maintainer: await account("owner@example.org", { githubLogin, name: "Owner" }),
    groupMember: await account("pm@example.org", {
      personId: group.people.get("PM Member") ?? null,
      name: "PM",
    }),
    stranger: await account("stranger@example.org", { githubLogin: "someone-else" }),
  };
  return { group, ...accounts };
}

/**
 * Records `milestone` of Django `series` as announced for `date`, by the Fellows unless `more`
 * says otherwise.
 */
export function announceMilestone(
  deps: { db: Db; clock: Clock },
  series: string,
  milestone: string,
  date: string,
  more: Partial<Pick<RecordMilestoneInput, "recordedBy" | "by" | "note">> = {},
) {
  return recordMilestone({ ...deps, series, milestone, date, recordedBy: "fellows", ...more });
}
