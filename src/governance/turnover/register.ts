/** Registers governance's open-item sources and its Board-term hook with the kernel (idempotent). */

import { onFoundationRoleEnd, registerOpenItemSource } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { handOverOffBoardLiaisons } from "./hand-over.ts";
import { governanceOpenItemSources } from "./open-item-sources.ts";

let registered = false;

/** Registers the sources and the hook once per process. */
export function registerTurnover(): void {
  if (registered) return;
  registered = true;
  for (const source of governanceOpenItemSources) registerOpenItemSource(source);
  onFoundationRoleEnd(async (tx, ended) => {
    if (ended.role !== "board-member" || ended.personId === null) return;
    await handOverOffBoardLiaisons(tx, {
      day: dayOf(ended.now),
      now: ended.now,
      by: ended.by,
      personId: ended.personId,
    });
  });
}
