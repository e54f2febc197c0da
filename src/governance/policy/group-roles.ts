/** The roles within a group (a constant table, loaded by command-line files too). */

/** Roles within a group; `other` is a titled role ("Designated Line Manager"). */
export const GROUP_ROLES = [
  "chair",
  "co-chair",
  "board-liaison",
  "steering-council-liaison",
  "member",
  "other",
] as const;
/** A role within a group. */
export type GroupRole = (typeof GROUP_ROLES)[number];

/** True for a known group role name. */
export const isGroupRole = (r: string): r is GroupRole => (GROUP_ROLES as readonly string[]).includes(r);
