/**
 * The lifecycle statuses of a group, as plain data: the command line lists them in its help
 * without loading the validation library that `types.ts` builds its schemas with.
 */
export const GROUP_STATUSES = ["active", "draft", "archived", "proposed", "unknown"] as const;
