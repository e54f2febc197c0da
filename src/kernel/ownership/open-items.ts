/**
 * Open items and their owners, the pure part: what a room reports about an item it keeps open
 * (a meeting action item, a vote opened, a request), and the rule that says whether an item
 * flagged when its owner's role ended still needs a new owner. Imports nothing.
 */

/** An open item as its room reports it. The context of every item is one group. */
export interface OpenItem {
  /** The item's id within its kind (text, so any room's key fits). */
  id: string;
  /** What the item is, in a few words ("Draft the sprint announcement"). */
  title: string;
  /** The person who owns it; null when nobody does. */
  ownerPersonId: number | null;
  /** Where it is seen, a site path ("/meetings/4"). */
  href: string;
  /** Its deadline, when it has one (YYYY-MM-DD). */
  dueOn: string | null;
}

/** An item flagged as needing a new owner, as kept with the hand-over. */
export interface FlaggedItem {
  sourceKind: string;
  itemId: string;
  /** The owner whose role ended. */
  leaverPersonId: number;
  clearedAt: Date | null;
}

/**
 * Whether a flagged item still needs a new owner: not cleared, still open at its source, and still
 * owned by the person whose role ended (an item finished or handed on elsewhere drops out).
 */
export function stillNeedsOwner(flag: FlaggedItem, current: OpenItem | undefined): boolean {
  if (flag.clearedAt !== null) return false;
  if (current === undefined) return false;
  return current.ownerPersonId === flag.leaverPersonId;
}

/** The shape of an open-item kind: lower case words joined by hyphens ("meeting-action-item"). */
export const OPEN_ITEM_KIND = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
