/**
 * The people of the funding tests: the "ops" group that asks (its Chair, a member and a member who
 * sits on the Board), the "other" group's Chair, three Board members outside both groups and an
 * outsider. Nobody holds a foundation role yet: each test grants the Board seats it needs.
 */
import type { Db } from "../../src/platform/db/index.ts";
import { insertGroup, insertPerson } from "./governance.ts";

/** The ids by key: `ops` (the group), `chair`, `member`, `boardie`, `otherChair`, `board2`-`board4`, `outsider`. */
export async function insertFundingPeople(db: Db): Promise<Record<string, number>> {
  const ops = await insertGroup(db, {
    slug: "ops",
    chairs: ["Ops Chair"],
    coChairs: [],
    boardLiaisons: [],
    members: ["Ops Member", "Ops Boardie"],
  });
  const other = await insertGroup(db, {
    slug: "other",
    chairs: ["Other Chair"],
    coChairs: [],
    boardLiaisons: [],
    members: [],
  });
  const ids: Record<string, number> = {
    ops: ops.id,
    chair: ops.people.get("Ops Chair") ?? 0,
    member: ops.people.get("Ops Member") ?? 0,
    boardie: ops.people.get("Ops Boardie") ?? 0,
    otherChair: other.people.get("Other Chair") ?? 0,
  };
  for (const key of ["board2", "board3", "board4", "outsider"]) {
    ids[key] = (await insertPerson(db, { name: `Person ${key}` })).id;
  }
  return ids;
}
