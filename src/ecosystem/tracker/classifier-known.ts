/**
 * Whether a Django series' `Framework :: Django :: <series>` classifier is on the official list yet,
 * from the list Guildhall ships (checkup/trove.ts: Debian's python3-trove-classifiers plus the
 * Django and Python classifiers trove-classifiers added since, with their release). Pure.
 */
import { classifierStatus, TROVE_SOURCE } from "../checkup/trove.ts";

/** When the shipped list was last checked against trove-classifiers' changelog. */
export const CLASSIFIER_LIST_AS_OF = "2026-01";

/** The answer for one series. */
export interface ClassifierKnown {
  classifier: string;
  onOfficialList: boolean;
  source: string;
  asOf: string;
}

/** Whether `classifier` is on the shipped copy of the official list. */
export function classifierKnown(classifier: string): ClassifierKnown {
  return {
    classifier,
    onOfficialList: classifierStatus(classifier).status !== "unknown",
    source: TROVE_SOURCE,
    asOf: CLASSIFIER_LIST_AS_OF,
  };
}
