import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { GroupHolding, GroupRoleSource } from "../../kernel/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import { AppointingRoleSchema, MembershipModelSchema } from "../charter/types.ts";
import type { GovernanceResource } from "../governance.policy.ts";
import { effectiveRoles } from "../registry/current-membership.ts";
import { selectRoleSources } from "../registry/role-sources.repo.ts";
import { EX_OFFICIO_GROUP_SLUGS, exOfficioRoles } from "./ex-officio.ts";
import { isGroupRole } from "./group-roles.ts";

/**
 * The group roles of an account's person, for the kernel's actor: from dated role periods and the
 * current charters (the one membership rule), plus ex officio roles from the foundation roles.
 */
export const loadGroupRoles: GroupRoleSource = async (db, { personId, foundationRoles }) => {
  const groupRoles: GroupHolding[] = [];
  if (personId !== null) {
    // The one membership rule: role periods, plus the charter's roles while the person has no
    // role period in that group (registry/current-membership.ts).
    for (const r of effectiveRoles(await selectRoleSources(db, { personId }))) {
      // Ex officio roles are added below from the account's and the person's foundation roles.
      if (r.source !== "ex-officio" && isGroupRole(r.role)) {
        groupRoles.push({
          groupId: r.groupId,
          role: r.role,
          title: r.title,
          startedOn: r.startedOn,
          endedOn: r.endedOn,
        });
      }
    }
  }
  // Ex officio: the President in the Code of Conduct WG, Fellows in mergers and releasers.
  if (foundationRoles.some((r) => r.role === "president" || r.role === "fellow")) {
    const rows = await db
      .select({ id: schema.groups.id, slug: schema.groups.slug })
      .from(schema.groups)
      .where(inArray(schema.groups.slug, [...EX_OFFICIO_GROUP_SLUGS]));
    groupRoles.push(
      ...exOfficioRoles({ foundationRoles, groupIdBySlug: new Map(rows.map((g) => [g.slug, g.id])) }),
    );
  }
  return groupRoles;
};
/** The policy's view of a group (id, membership model from its charter, status); undefined if no such group. */
export async function loadGroupResource(
  db: Db,
  group: { slug: string } | { id: number },
): Promise<Extract<GovernanceResource, { kind: "group" }> | undefined> {
  const where = "slug" in group ? eq(schema.groups.slug, group.slug) : eq(schema.groups.id, group.id);
  const [row] = await db.select().from(schema.groups).where(where);
  if (!row) return undefined;
  return groupResourceOf(row);
}

/** The policy's view of a group row already loaded. */
export function groupResourceOf(row: {
  id: number;
  status: string;
  charter: unknown;
}): Extract<GovernanceResource, { kind: "group" }> {
  const charter = row.charter as { membershipModel?: unknown; appointedBy?: unknown } | null;
  const model = MembershipModelSchema.safeParse(charter?.membershipModel);
  const appointedBy = z.array(AppointingRoleSchema).safeParse(charter?.appointedBy ?? []);
  return {
    kind: "group",
    groupId: row.id,
    status: row.status,
    membershipModel: model.success ? model.data : null,
    appointedBy: appointedBy.success ? appointedBy.data : [],
  };
}
