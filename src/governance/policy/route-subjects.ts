/**
 * What governance's routes need from a request before calling an operation: who is acting (as the
 * operations record them in the audit log) and the group a `/:slug` path names (the policy's view
 * with its row). One definition for every governance router.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { Db } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import { Slug } from "../../platform/validation.ts";
import { type DecisionActor, loadGroup } from "../decisions/decisions.repo.ts";
import { groupResourceOf } from "./actor.repo.ts";
import { actorOf, type PolicyDeps } from "./authorize.ts";

/** The signed-in account and its person, labelled for the audit log ("anonymous" when signed out). */
export async function decisionActorOf(c: Context<AppEnv>, deps: PolicyDeps): Promise<DecisionActor> {
  const actor = await actorOf(c, deps);
  const viewer = c.var.viewer;
  return {
    userId: actor.userId,
    personId: actor.personId,
    label: viewer ? `user:${viewer.userId} (${viewer.name})` : "anonymous",
  };
}

/** The params of a path naming a group by its slug (`/groups/:slug/...`), as the API document describes them. */
export const SlugParams = z.object({ slug: Slug.describe("The group's slug (its charter file name).") });

/** A route's resource loader for a path naming a group by slug: the policy's view and the row (404 if none). */
export function groupBySlug(db: Db) {
  return async (_c: Context<AppEnv>, { params }: { params: { slug: string } }) => {
    const row = await loadGroup(db, params.slug);
    return { ...groupResourceOf(row), row };
  };
}
