/**
 * A bank of suggested Django Developers Survey questions about package maintenance, each tied to
 * the figure of the review that prompts it, so the working group can pick and word them. Pure.
 */
import type { ReviewData } from "./review.ts";

/** One suggested question and the finding behind it. */
export interface SurveyQuestion {
  id: string;
  question: string;
  why: string;
}

const pct = (n: number, of: number) => (of > 0 ? `${Math.round((n / of) * 100)}%` : "an unknown share");

/** The question bank for a review. */
export function suggestSurveyQuestions(r: ReviewData): SurveyQuestion[] {
  const current = [...r.timeToSupport].reverse().find((t) => t.considered > 0);
  const withTotal = r.healthBuckets.healthy + r.healthBuckets.fair + r.healthBuckets.poor;
  const q: SurveyQuestion[] = [
    {
      id: "upgrade-blockers",
      question:
        "When you last upgraded Django, did a third-party package hold the upgrade back? Which one, and for how long?",
      why: current
        ? `${current.supported} of the ${current.considered} most used packages support Django ${current.series} (median ${current.medianDays ?? "unknown"} days after its final).`
        : "No time-to-support figure yet.",
    },
    {
      id: "support-lag",
      question: "How long after a Django feature release do you expect the packages you use to support it?",
      why: current
        ? `${current.within6Months} of ${current.considered} top packages shipped support for ${current.series} within 6 months of the final.`
        : "No release measured yet.",
    },
    {
      id: "maintainer-count",
      question: "If you maintain a package: how many people can publish a release of it today?",
      why: `${r.critical.soleMaintained.length} of the ${r.critical.packages} packages carrying most downloads have a single PyPI owner (${r.critical.ownershipUnknown} unknown).`,
    },
    {
      id: "finished-packages",
      question:
        "Do you avoid packages that have not released for a year, even when they support your Django version?",
      why: `${r.labels.stable ?? 0} packages are labelled stable: no release for a year but current Django support and no known vulnerability.`,
    },
    {
      id: "security-reporting",
      question: "If you found a vulnerability in a package, would you know where to report it privately?",
      why: "Packages without a SECURITY policy, Security link or maintainer address are listed at /health/no-security-contact.",
    },
    {
      id: "python-support",
      question: "Which Python versions do you run Django on in production?",
      why: `Declared Python versions: ${
        r.pythonVersions
          .filter((p) => p.declared > 0)
          .map((p) => `${p.version} ${pct(p.declared, r.catalogue.synced)}`)
          .join(", ") || "none recorded"
      } of synced packages.`,
    },
    {
      id: "prerelease-testing",
      question:
        "If you maintain a package: do you test against Django's pre-releases or main branch? What stops you?",
      why: "guildhall checkup's ci-django-prerelease rule checks for it; testing early shortens time to support.",
    },
    {
      id: "help-wanted",
      question:
        "Would you take over maintenance of a package you depend on if the working group helped with the hand-over?",
      why: `${r.atRisk.length} of the ${r.top} most used packages are at risk; ${pct(r.healthBuckets.poor, withTotal)} of packages with a total are in poor health.`,
    },
  ];
  return q;
}
