/**
 * The named rules of package health, grouped in sub-scores, with their documentation (each has a
 * page at `/health/rules/<id>`). Pure data. Anchors' rules these differ from are named where they
 * do (djangopackages, OpenSSF Scorecard, libraries.io SourceRank, pyroma, Django Commons).
 */

/** The sub-scores, in display order, with their weight in the total. */
export const SUB_SCORES = [
  { id: "maintenance", title: "Maintenance", weight: 30 },
  { id: "compatibility", title: "Compatibility", weight: 25 },
  { id: "metadata", title: "Metadata", weight: 15 },
  { id: "popularity", title: "Popularity", weight: 10 },
  { id: "community", title: "Community", weight: 10 },
  { id: "repository", title: "Repository", weight: 10 },
] as const;

/** One sub-score's id. */
export type SubScoreId = (typeof SUB_SCORES)[number]["id"];

/** A health rule's definition and documentation. */
export interface HealthRuleDefinition {
  id: string;
  subScore: SubScoreId;
  title: string;
  /** Points the rule is worth inside its sub-score. */
  points: number;
  /** How points are given, rule by rule. */
  scoring: string;
  why: string;
  /** When the rule cannot be judged (its facts are unknown), and what happens then. */
  unknownWhen: string;
}

/** Every health rule. */
export const HEALTH_RULES: readonly HealthRuleDefinition[] = [
  {
    id: "maintenance.current-django",
    subScore: "maintenance",
    title: "Support for the current Django shipped within 6 months of its final",
    points: 50,
    scoring:
      "Full points when a release judged to support the newest released Django series (classifier, or an upper-bounded Django requirement) came out within 6 months of that series' final; half when it came later, or when the first such release is not known but the latest one supports it; none when no release supports it 6 months after the final. Inside the 6 months the rule waits: it is not counted.",
    why: "This is the question users ask of a package: will it work with the Django I am upgrading to? Django Commons calls a package dormant when it has no release within 6 months of a Django feature release; a package that passes this rule is maintained however rarely it releases otherwise.",
    unknownWhen: "The release has no metadata (not synced from an index): not counted.",
  },
  {
    id: "maintenance.release-recency",
    subScore: "maintenance",
    title: "Recent release, unless finished",
    points: 30,
    scoring:
      "Full points for a release in the last year, half for one in the last two years, none before that. A package labelled stable (see maintenance.stable) keeps full points: no recent release is not held against a finished package.",
    why: "djangopackages and libraries.io reward recent releases (within 90/182/365 days, or 6 months), which marks finished packages as abandoned; here recency counts only when nothing shows the package still works with current Django.",
    unknownWhen: "The latest release date is unknown: not counted.",
  },
  {
    id: "maintenance.release-cadence",
    subScore: "maintenance",
    title: "Releases over the last two years",
    points: 20,
    scoring:
      "Full points for two or more releases in the last 24 months, half for one, none for none; a stable package keeps full points.",
    why: "A steady cadence shows that fixes reach users; like recency it is not held against a finished package.",
    unknownWhen: "The release history is unknown (not synced): not counted.",
  },
  {
    id: "maintenance.known-vulnerabilities",
    subScore: "maintenance",
    title: "No known vulnerability in the latest release",
    points: 20,
    scoring:
      "Full points when PyPI's JSON API reports no vulnerability for the latest release (withdrawn reports left out); none when it reports one: the fix has not been released.",
    why: "A known vulnerability left unfixed in the latest release is the clearest sign that nobody is looking after a package; it also takes the stable label away.",
    unknownWhen: "The package was not synced with vulnerability data: not counted.",
  },
  {
    id: "maintenance.stable",
    subScore: "maintenance",
    title: "Finished, not abandoned (the stable label)",
    points: 0,
    scoring:
      "Worth no points itself. The package is labelled stable when its latest release is over a year old, it supports the current Django (as maintenance.current-django judges), it has no known vulnerability and its repository is not archived. Facts that are unknown (vulnerabilities not synced, repository not read) are named in the label's evidence.",
    why: "OpenSSF Scorecard users ask for a way to mark finished projects (scorecard issue 3821); every anchor punishes them. A stable package keeps the recency and cadence points.",
    unknownWhen: "Never unknown: the conditions that could not be checked are listed.",
  },
  {
    id: "compatibility.django-series",
    subScore: "compatibility",
    title: "Supports the Django series supported today",
    points: 60,
    scoring:
      "The compatibility verdict (classifiers, Django requirement, Requires-Python; the rules of /readiness) for each series with security support today: a share of the points for each yes, half a share for each maybe.",
    why: "Users run supported Django versions; the 6.0 release notes advise packages to support every series from the previous LTS on.",
    unknownWhen: "The release has no metadata (not synced): not counted.",
  },
  {
    id: "compatibility.python-versions",
    subScore: "compatibility",
    title: "Allows the Python versions of the newest Django",
    points: 40,
    scoring:
      "A share of the points for each Python version of the newest released Django series that Requires-Python allows (or, without Requires-Python, that a Python classifier declares).",
    why: "Upgrading Django often means upgrading Python; a package that caps Python blocks both.",
    unknownWhen: "Neither Requires-Python nor Python classifiers are known: not counted.",
  },
  {
    id: "metadata.classifiers-valid",
    subScore: "metadata",
    title: "Classifiers on the official list",
    points: 20,
    scoring:
      "Full points when every classifier is on the trove-classifiers list (the checkup rule classifiers-valid).",
    why: "Misspelt classifiers hide a package from filters; PyPI now refuses them on upload.",
    unknownWhen: "Not synced: not counted.",
  },
  {
    id: "metadata.license",
    subScore: "metadata",
    title: "Licence declared",
    points: 20,
    scoring: "Full points for a License-Expression or a licence classifier (the checkup rule license).",
    why: "pyroma and SourceRank both require a licence: without one nobody may reuse the code.",
    unknownWhen: "Not synced: not counted.",
  },
  {
    id: "metadata.project-urls",
    subScore: "metadata",
    title: "Project URLs",
    points: 20,
    scoring:
      "Full points for a source repository or homepage URL, half for other URLs only, none without URLs.",
    why: "Users and Guildhall find the repository, issues and security policy through project URLs.",
    unknownWhen: "Not synced: not counted.",
  },
  {
    id: "metadata.requires-python",
    subScore: "metadata",
    title: "Requires-Python declared",
    points: 20,
    scoring: "Full points when Requires-Python is declared and readable.",
    why: "Installers pick a working release for the user's Python only when Requires-Python is set.",
    unknownWhen: "Not synced: not counted.",
  },
  {
    id: "metadata.django-lower-bound",
    subScore: "metadata",
    title: "Django requirement with a lower bound",
    points: 20,
    scoring: "Full points for a Django requirement with a lower bound (the checkup rule django-lower-bound).",
    why: "A lower bound keeps installers from pairing the package with a Django it no longer supports.",
    unknownWhen: "Not synced: not counted.",
  },
  {
    id: "popularity.download-rank",
    subScore: "popularity",
    title: "Download rank percentile",
    points: 100,
    scoring:
      "The percentile of the package's download rank among the ranked packages of the catalogue (rank 1 scores 100); a package outside PyPI's 15,000 most downloaded scores 0.",
    why: "Percentiles as ecosyste.ms ranks packages; popularity says how many people a problem would reach, not how good the package is, so it weighs least.",
    unknownWhen: "Never: every package either has a rank or is outside the ranked set.",
  },
  {
    id: "community.owners",
    subScore: "community",
    title: "More than one PyPI owner",
    points: 100,
    scoring:
      "30 points for one owner or maintainer on PyPI (a bus-factor risk), 70 for two, 100 for three or more or an organisation account.",
    why: "pyroma's BusFactor test fails a package with one owner (and half-fails two); Wagtail Nest requires a second maintainer to be a PyPI owner. If the only owner disappears, nobody can publish a fix.",
    unknownWhen: "Ownership was not reported (not synced): not counted.",
  },
  {
    id: "repository.archived",
    subScore: "repository",
    title: "Repository not archived",
    points: 40,
    scoring:
      "Full points when the GitHub repository is not archived; none when it is (its owners have stopped).",
    why: "OpenSSF Scorecard's Maintained check scores an archived repository 0.",
    unknownWhen:
      "No GitHub repository is known or its signals were not fetched (needs GUILDHALL_GITHUB_TOKEN): not counted.",
  },
  {
    id: "repository.default-branch-ci",
    subScore: "repository",
    title: "CI passes on the default branch",
    points: 30,
    scoring:
      "Full points when the latest completed workflow run on the default branch succeeded, none when it failed or there is none.",
    why: "A green default branch means a fix can be released without first repairing the build.",
    unknownWhen: "Repository signals not fetched: not counted.",
  },
  {
    id: "repository.security-policy",
    subScore: "repository",
    title: "Security policy",
    points: 30,
    scoring:
      'Full points for a SECURITY policy in the repository (or a "Security" project URL), none otherwise.',
    why: "Reporters need a private channel; without one vulnerabilities are reported in public issues.",
    unknownWhen: "Repository signals not fetched and no Security project URL: not counted.",
  },
  {
    id: "repository.activity",
    subScore: "repository",
    title: "Last push and open issues (shown, not scored)",
    points: 0,
    scoring: "Worth no points: the last push date and the number of open issues are shown as evidence.",
    why: "djangopackages flags no commit for a year; commits alone do not show a finished package is broken, so they are shown rather than scored.",
    unknownWhen: "Repository signals not fetched.",
  },
];

/** The rule with this id, or undefined. */
export function findHealthRule(id: string): HealthRuleDefinition | undefined {
  return HEALTH_RULES.find((r) => r.id === id);
}
