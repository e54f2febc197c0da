/** Which GitHub repository a package's project URLs name. Pure. */

const GITHUB = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9][\w.-]*)\/([\w.-]+?)(?:\.git)?(?:[/#?].*)?$/;
const NOT_REPOS = new Set(["sponsors", "orgs", "apps", "marketplace", "topics", "features"]);

/** `owner/repo` from the first project URL that points at a GitHub repository (source links first), or null. */
export function githubRepoOf(projectUrls: Record<string, string>): string | null {
  const entries = Object.entries(projectUrls);
  const preferred = [
    ...entries.filter(([l]) => /source|repo|code/i.test(l)),
    ...entries.filter(([l]) => !/source|repo|code/i.test(l)),
  ];
  for (const [, url] of preferred) {
    const m = GITHUB.exec(url.trim());
    if (m && !NOT_REPOS.has((m[1] as string).toLowerCase())) return `${m[1]}/${m[2]}`;
  }
  return null;
}
