/**
 * Eligibility to apply to a group, read from the charter's eligibility text. Pure: imports
 * nothing from platform/. Only what Guildhall can check is enforced (foundation roles);
 * everything else is shown to the applicant and to the group deciding.
 */
import { plainOfLinked } from "../charter/markdown.ts";

/** Foundation roles an eligibility rule can require. */
export type RequiredFoundationRole = "dsf-member";

/** What a charter's eligibility text asks of an applicant. */
export interface EligibilityRequirements {
  /** Foundation roles the applicant must hold on the day of applying. */
  foundationRoles: RequiredFoundationRole[];
  /** Ways of qualifying that are alternatives to checkable roles, so nothing is enforced. */
  alternatives: boolean;
}

const DSF_MEMBER = /\b(DSF|Django Software Foundation)\s+Individual\s+Member/i;
const NOMINATED = /nominated\s+by\s+(a|an)\s+(DSF|Django Software Foundation)\s+Individual\s+Member/i;

/** Reads the requirements from a charter's eligibility text (null when the charter has none). */
export function readEligibility(linked: string | null): EligibilityRequirements {
  if (!linked) return { foundationRoles: [], alternatives: false };
  // The words a reader sees: "[DSF Individual Member](url)" is the same requirement.
  const text = plainOfLinked(linked);
  // "active for 3 months or nominated by a DSF Individual member" is an alternative, not a rule.
  if (NOMINATED.test(text)) return { foundationRoles: [], alternatives: true };
  return { foundationRoles: DSF_MEMBER.test(text) ? ["dsf-member"] : [], alternatives: false };
}

/** Problems stopping an applicant who holds `heldRoles` today; empty when eligible. */
export function checkEligibility(input: {
  requirements: EligibilityRequirements;
  heldRoles: readonly string[];
}): string[] {
  return input.requirements.foundationRoles
    .filter((r) => !input.heldRoles.includes(r))
    .map((r) => `the charter requires applicants to be a ${ROLE_LABEL[r]} (not held today)`);
}

const ROLE_LABEL: Record<RequiredFoundationRole, string> = {
  "dsf-member": "DSF Individual Member",
};
