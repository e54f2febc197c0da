/**
 * Who maintains a package, from what Guildhall knows: an account whose GitHub login owns the
 * package's GitHub repository (its project URLs), or an account whose accepted offer names a PyPI
 * user that PyPI lists as an owner of the package (after a sync). Pure.
 */
import { githubRepoOf } from "../health/github-repo.ts";

/** The facts of a package that decide its maintainers. */
export interface MaintainedPackage {
  projectUrls: Record<string, string>;
  /** PyPI's ownership roles as last synced (empty until a sync). */
  ownerUsers: readonly string[];
}

/** An account that could be linked to the package. */
export interface CandidateAccount {
  userId: number;
  githubLogin: string | null;
}

/** An accepted offer on a call of this package. */
export interface AcceptedOffer {
  userId: number;
  pypiUser: string;
}

/** Why an account counts as a maintainer. */
export type MaintainerLink = "repository-owner" | "pypi-owner";

/** The owner part of the package's GitHub repository (`owner` of `owner/repo`), or null. */
export function repositoryOwner(projectUrls: Record<string, string>): string | null {
  const repo = githubRepoOf(projectUrls);
  return repo ? (repo.split("/")[0] ?? null) : null;
}

/** True when PyPI lists `user` among the owners (user names compared case-insensitively). */
export function isPypiOwner(ownerUsers: readonly string[], user: string): boolean {
  const u = user.toLowerCase();
  return ownerUsers.some((o) => o.toLowerCase() === u);
}

/** The accounts that maintain the package, each with why. */
export function maintainersOf(
  pkg: MaintainedPackage,
  accounts: readonly CandidateAccount[],
  accepted: readonly AcceptedOffer[],
): Map<number, MaintainerLink> {
  const out = new Map<number, MaintainerLink>();
  const owner = repositoryOwner(pkg.projectUrls)?.toLowerCase() ?? null;
  for (const a of accounts) {
    if (owner !== null && a.githubLogin?.toLowerCase() === owner) out.set(a.userId, "repository-owner");
  }
  for (const o of accepted) {
    if (!out.has(o.userId) && isPypiOwner(pkg.ownerUsers, o.pypiUser)) out.set(o.userId, "pypi-owner");
  }
  return out;
}
