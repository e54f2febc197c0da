/**
 * Where to report a vulnerability in a package: its SECURITY policy, a "Security" project URL, or
 * the maintainers' contact from its metadata; without any, the Package Maintainers WG. A GitHub
 * repository whose signals were not fetched may still have a policy: it is pointed to, not
 * counted as having none. Pure.
 */
import type { RepositorySignals } from "./compute-health.ts";
import { githubRepoOf } from "./github-repo.ts";

/** How a report reaches the package's maintainers. */
export interface ReportRoute {
  via:
    | "security-policy"
    | "security-url"
    | "maintainers"
    | "repository-unchecked"
    | "working-group"
    | "unknown";
  /** One sentence for the package page. */
  text: string;
  href: string | null;
  /** Where the route was found. */
  source: string;
}

/** The working group that takes reports for packages without a route. */
export const WORKING_GROUP_PATH = "/groups/package-maintainers";

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** Decides the route from the package's project URLs, repository signals and metadata contacts. */
export function routeVulnerabilityReport(input: {
  synced: boolean;
  projectUrls: Record<string, string>;
  repository: RepositorySignals | null;
  /** Author-email and Maintainer-email values of the latest release's core metadata. */
  contacts: string[];
}): ReportRoute {
  if (input.repository?.status === "ok" && input.repository.securityPolicy)
    return {
      via: "security-policy",
      text: `Follow the security policy of ${input.repository.repo}.`,
      href: `https://github.com/${input.repository.repo}/security/policy`,
      source: "the repository's SECURITY policy (GitHub)",
    };
  const url = Object.entries(input.projectUrls).find(
    ([label, u]) => /security/i.test(label) && /^https?:\/\//.test(u),
  );
  if (url)
    return {
      via: "security-url",
      text: `Use the project's "${url[0]}" link.`,
      href: url[1],
      source: "project URLs (PyPI)",
    };
  const maintainer = input.contacts.map((c) => EMAIL.exec(c)?.[0]).find((e): e is string => Boolean(e));
  if (maintainer)
    return {
      via: "maintainers",
      text: `No security policy is published; write privately to the maintainers at ${maintainer}.`,
      href: `mailto:${maintainer}`,
      source: "Maintainer-email / Author-email (core metadata)",
    };
  if (!input.synced)
    return {
      via: "unknown",
      text: "Not known: this package has not been synced from an index.",
      href: null,
      source: "none",
    };
  const repo = githubRepoOf(input.projectUrls);
  if (repo && input.repository?.status !== "ok")
    return {
      via: "repository-unchecked",
      text: `The metadata names no Security link or maintainer address; look for a security policy in ${repo} (Guildhall has not read the repository).`,
      href: `https://github.com/${repo}/security/policy`,
      source: "project URLs (PyPI); repository signals not fetched",
    };
  return {
    via: "working-group",
    text: "No security policy, Security link or maintainer address is published. Report it privately to the Package Maintainers Working Group, which contacts the maintainers.",
    href: WORKING_GROUP_PATH,
    source: "none found",
  };
}
