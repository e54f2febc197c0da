/**
 * The open-item owner registry. Each room that keeps items open registers a source beside its
 * code, so the kernel can find what a person owns when their role in a group ends and hand it on:
 *
 * ```ts
 * export const actionItemSource = defineOpenItemSource({
 *   kind: "meeting-action-item",          // unique across rooms; stored with every flag
 *   label: "Meeting action item",         // shown on the hand-over pages
 *   listOpenByOwner: (tx, { groupId, personId }) => ...,  // open items this person owns there
 *   listOpenForGroup: (tx, { groupId }) => ...,           // every open item of the group
 *   reassign: (tx, { groupId, itemId, toPersonId }) => ..., // make someone else the owner
 * });
 * registerOpenItemSource(actionItemSource); // when the room's router is built
 * ```
 *
 * Every function runs inside the kernel's transaction (the role's end, the reassignment), so it
 * must use the `tx` it is given. `reassign` is called only for an item `listOpenForGroup` lists;
 * the kernel audits it.
 */
import type { Db, Tx } from "../../platform/db/index.ts";
import { OPEN_ITEM_KIND, type OpenItem } from "./open-items.ts";

/** A database handle or a transaction. */
type DbOrTx = Db | Tx;

/** How the kernel reaches one room's open items of one kind. */
export interface OpenItemSource {
  kind: string;
  label: string;
  /** The open items the person owns in the group. */
  listOpenByOwner(tx: DbOrTx, context: { groupId: number; personId: number }): Promise<OpenItem[]>;
  /** Every open item of the group, whoever owns it. */
  listOpenForGroup(tx: DbOrTx, context: { groupId: number }): Promise<OpenItem[]>;
  /**
   * Optional, for speed: every open item of several groups at once, by group (the term sweep ends
   * thousands of roles across many groups in one transaction). Without it the kernel asks
   * `listOpenForGroup` once per group.
   */
  listOpenForGroups?(tx: DbOrTx, context: { groupIds: readonly number[] }): Promise<Map<number, OpenItem[]>>;
  /** Makes another person the item's owner. */
  reassign(tx: Tx, change: { groupId: number; itemId: string; toPersonId: number }): Promise<void>;
}

/** Declares a source (checked once: its kind must be a hyphenated lower-case word). */
export function defineOpenItemSource(source: OpenItemSource): OpenItemSource {
  if (!OPEN_ITEM_KIND.test(source.kind)) {
    throw new Error(`open item kind "${source.kind}" must be lower-case words joined by hyphens`);
  }
  if (source.label.trim() === "") throw new Error(`open item kind "${source.kind}" needs a label`);
  return source;
}

const registry = new Map<string, OpenItemSource>();

/** Registers a room's source; registering the same source again is harmless, another with its kind is an error. */
export function registerOpenItemSource(source: OpenItemSource): void {
  const known = registry.get(source.kind);
  if (known && known !== source) throw new Error(`open item kind "${source.kind}" is registered twice`);
  registry.set(source.kind, source);
}

/** Every registered source, in kind order. */
export function openItemSources(): OpenItemSource[] {
  return [...registry.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}

/** Every open item of a source in several groups, by group (batched when the source can). */
export async function openItemsOfGroups(
  source: OpenItemSource,
  tx: DbOrTx,
  groupIds: readonly number[],
): Promise<Map<number, OpenItem[]>> {
  if (source.listOpenForGroups) return source.listOpenForGroups(tx, { groupIds });
  const found = new Map<number, OpenItem[]>();
  for (const groupId of groupIds) found.set(groupId, await source.listOpenForGroup(tx, { groupId }));
  return found;
}

/** The source of a kind, or undefined when no room registered it. */
export function openItemSource(kind: string): OpenItemSource | undefined {
  return registry.get(kind);
}
