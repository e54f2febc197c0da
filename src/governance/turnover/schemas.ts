/** The hand-over API's answer shapes (for the OpenAPI document) and its inputs. */
import { z } from "zod";
import { Id } from "../../platform/validation.ts";

const Person = z.object({ id: z.number().int(), name: z.string() });

/** One flagged item. */
export const HandoverItemSchema = z.object({
  id: z.number().int().describe("The flag's id: what the reassign route takes."),
  kind: z.string().describe("The registered open-item kind (meeting-action-item, vote, ...)."),
  label: z.string(),
  itemId: z.string().describe("The item's id within its kind."),
  title: z.string(),
  href: z.string().nullable().describe("The item's page, while it is open."),
  dueOn: z.string().nullable(),
  state: z.enum(["needs-owner", "reassigned", "closed"]),
  newOwner: Person.nullable(),
  flaggedAt: z.string(),
  clearedAt: z.string().nullable(),
});

/** One hand-over with its items and note. */
export const HandoverSchema = z.object({
  id: z.number().int(),
  person: Person.describe("Whose roles in the group ended."),
  group: z.object({ id: z.number().int(), slug: z.string(), name: z.string() }),
  endedOn: z.string().describe("The first day without a role there."),
  cause: z.enum(["lapsed", "left", "removed", "succeeded", "board-term", "ended"]),
  reason: z.string(),
  note: z.string().nullable(),
  noteAt: z.string().nullable(),
  askedAt: z.string().nullable(),
  needingOwner: z.number().int(),
  items: z.array(HandoverItemSchema),
});

/** The group's hand-overs. */
export const HandoverListSchema = z.object({
  group: z.object({ slug: z.string(), name: z.string() }),
  asOf: z.string().describe("The day the list was taken (UTC)."),
  source: z.string(),
  needingOwner: z.number().int().describe("Items still needing a new owner, in all."),
  handovers: z.array(HandoverSchema),
});

/** Input of the reassign routes. */
export const ReassignSchema = z.object({ personId: Id.describe("The new owner's person id.") });
