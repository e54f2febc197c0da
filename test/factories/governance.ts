/**
 * Factories for governance rows: groups with a valid ParsedCharter, people, roles and timeline
 * events, inserted directly so directory tests do not depend on the charter parser or importer.
 */
import { eq } from "drizzle-orm";
import type { ParsedCharter, Person } from "../../src/governance/index.ts";
import { ParsedCharterSchema } from "../../src/governance/index.ts";
import type { Db } from "../../src/platform/db/index.ts";
import { groupEvents, groupRoles, groups, people, personAliases } from "../../src/platform/db/schema.ts";

const CREATED = new Date("2024-01-01T00:00:00Z");

/** A slug from a name ("Ülgen Sarıkavak" -> "ulgen-sarikavak"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const person = (name: string): Person => ({ name, handle: null });

/** A charter that passes ParsedCharterSchema, with sensible defaults for a healthy working group. */
export function buildCharter(overrides: Partial<ParsedCharter> = {}): ParsedCharter {
  const slug = overrides.slug ?? "example";
  const base: ParsedCharter = {
    slug,
    name: overrides.name ?? "Example Working Group",
    kind: "working-group",
    status: "active",
    scope: "Looks after an example part of the project.",
    roles: {
      chair: [person("Ada Chair")],
      coChair: [person("Brook Cochair")],
      boardLiaison: [person("Cyd Liaison")],
      steeringCouncilLiaison: [],
      other: [],
    },
    members: [person("Ada Chair"), person("Brook Cochair"), person("Cyd Liaison"), person("Dee Member")],
    alumni: [],
    termMonths: 12,
    termWindow: null,
    membershipModel: "direct",
    appointedBy: [],
    removalRule: "A vote of the rest of the group.",
    eligibility: "Anyone interested.",
    howToJoin: "Open a pull request.",
    budget: "No allocated budget.",
    channels: ["Private channel in the DSF Slack"],
    meetingCadence: "monthly",
    reportingCadence: "quarterly",
    delegated: ["Decide day-to-day matters"],
    boardActions: ["Spending money"],
    delegation: {
      autonomous: [{ text: "Decide day-to-day matters", partners: [], line: null }],
      collaborative: [],
      finalChecks: [],
    },
    missing: [],
    warnings: [],
  };
  return ParsedCharterSchema.parse({ ...base, ...overrides });
}

/** Inserts (or finds, by slug) a person. */
export async function insertPerson(
  db: Db,
  input: { name: string; slug?: string; handle?: string | null; aliases?: string[] },
): Promise<{ id: number; slug: string; name: string }> {
  const slug = input.slug ?? slugify(input.name);
  const existing = await db.select().from(people).where(eq(people.slug, slug)).limit(1);
  const found = existing[0];
  if (found) return { id: found.id, slug: found.slug, name: found.name };
  const [row] = await db
    .insert(people)
    .values({ slug, name: input.name, handle: input.handle ?? null, createdAt: CREATED })
    .returning();
  if (!row) throw new Error(`could not insert person ${input.name}`);
  for (const alias of [input.name, ...(input.aliases ?? [])]) {
    await db
      .insert(personAliases)
      .values({ personId: row.id, alias, aliasKey: slugify(alias), source: "import", createdAt: CREATED })
      .onConflictDoNothing();
  }
  return { id: row.id, slug: row.slug, name: row.name };
}

/** What a test says about a group: names per role; the charter is derived and may be overridden. */
export interface GroupSpec {
  slug: string;
  name?: string;
  kind?: "working-group" | "team";
  status?: "active" | "draft" | "proposed" | "archived" | "unknown";
  chairs?: string[];
  coChairs?: string[];
  boardLiaisons?: string[];
  steeringCouncilLiaisons?: string[];
  other?: Array<{ title: string; people: string[] }>;
  /** Members besides the role holders. */
  members?: string[];
  alumni?: string[];
  sourcePath?: string | null;
  charter?: Partial<ParsedCharter>;
}

/** A group as inserted: its id and the ids of everyone named, by name. */
export interface InsertedGroup {
  id: number;
  slug: string;
  name: string;
  charter: ParsedCharter;
  people: Map<string, number>;
}

/** Inserts a group with its charter, people and current roles (everyone named is a member). */
export async function insertGroup(db: Db, spec: GroupSpec): Promise<InsertedGroup> {
  const kind = spec.kind ?? "working-group";
  const status = spec.status ?? "active";
  const name = spec.name ?? `${spec.slug.replace(/-/g, " ")} ${kind === "team" ? "Team" : "Working Group"}`;
  const chairs = spec.chairs ?? (kind === "team" ? [] : [`${spec.slug} Chair`]);
  const coChairs = spec.coChairs ?? (kind === "team" ? [] : [`${spec.slug} Cochair`]);
  const boardLiaisons = spec.boardLiaisons ?? (kind === "team" ? [] : [`${spec.slug} Liaison`]);
  const sc = spec.steeringCouncilLiaisons ?? [];
  const other = spec.other ?? [];
  const plainMembers = spec.members ?? [`${spec.slug} Member`];
  const alumni = spec.alumni ?? [];
  const holders = [...chairs, ...coChairs, ...boardLiaisons, ...sc, ...other.flatMap((o) => o.people)];
  const everyone = [...new Set([...holders, ...plainMembers])];
  const charter = buildCharter({
    slug: spec.slug,
    name,
    kind,
    status,
    roles: {
      chair: chairs.map(person),
      coChair: coChairs.map(person),
      boardLiaison: boardLiaisons.map(person),
      steeringCouncilLiaison: sc.map(person),
      other: other.map((o) => ({ title: o.title, people: o.people.map(person) })),
    },
    members: everyone.map(person),
    alumni: alumni.map(person),
    ...spec.charter,
  });
  const [row] = await db
    .insert(groups)
    .values({
      slug: spec.slug,
      name,
      kind,
      status,
      charter,
      sourcePath:
        spec.sourcePath === undefined
          ? `${status === "archived" ? "archive" : status}/${spec.slug}.md`
          : spec.sourcePath,
      contentHash: null,
      createdAt: CREATED,
      updatedAt: CREATED,
    })
    .returning();
  if (!row) throw new Error(`could not insert group ${spec.slug}`);
  const ids = new Map<string, number>();
  const idOf = async (n: string) => {
    const known = ids.get(n);
    if (known !== undefined) return known;
    const p = await insertPerson(db, { name: n });
    ids.set(n, p.id);
    return p.id;
  };
  const roleRows: Array<{ role: (typeof groupRoles.$inferInsert)["role"]; title: string; name: string }> = [
    ...chairs.map((n) => ({ role: "chair" as const, title: "", name: n })),
    ...coChairs.map((n) => ({ role: "co-chair" as const, title: "", name: n })),
    ...boardLiaisons.map((n) => ({ role: "board-liaison" as const, title: "", name: n })),
    ...sc.map((n) => ({ role: "steering-council-liaison" as const, title: "", name: n })),
    ...other.flatMap((o) => o.people.map((n) => ({ role: "other" as const, title: o.title, name: n }))),
    // As the importer stores them: a role holder gets the named role only; "member" means nothing more.
    ...everyone
      .filter((n) => !holders.includes(n))
      .map((n) => ({ role: "member" as const, title: "", name: n })),
    ...alumni.map((n) => ({ role: "alumnus" as const, title: "", name: n })),
  ];
  let position = 0;
  for (const r of roleRows) {
    await db
      .insert(groupRoles)
      .values({
        groupId: row.id,
        personId: await idOf(r.name),
        role: r.role,
        title: r.title,
        position: position++,
      })
      .onConflictDoNothing();
  }
  return { id: row.id, slug: row.slug, name: row.name, charter, people: ids };
}

let eventCounter = 0;

/** Inserts one timeline event. */
export async function insertEvent(
  db: Db,
  input: {
    groupId: number;
    kind:
      | "proposed"
      | "activated"
      | "archived"
      | "status-changed"
      | "renamed"
      | "joined"
      | "left"
      | "role-changed";
    occurredAt: string | Date;
    personId?: number | null;
    role?: string | null;
    detail?: Record<string, unknown>;
    commitSha?: string | null;
    source?: "history" | "import";
  },
): Promise<number> {
  const [row] = await db
    .insert(groupEvents)
    .values({
      groupId: input.groupId,
      kind: input.kind,
      personId: input.personId ?? null,
      role: input.role ?? null,
      detail: input.detail ?? {},
      commitSha: input.commitSha === undefined ? null : input.commitSha,
      occurredAt: new Date(input.occurredAt),
      source: input.source ?? "history",
      dedupeKey: `factory-${process.pid}-${eventCounter++}-${Math.random().toString(36).slice(2)}`,
    })
    .returning({ id: groupEvents.id });
  if (!row) throw new Error("could not insert event");
  return row.id;
}

/** Inserts about 17 groups of realistic sizes and kinds, with history, like the DSF registry. */
export async function seedRealisticRegistry(db: Db): Promise<InsertedGroup[]> {
  const specs: GroupSpec[] = [
    { slug: "accessibility", members: names("acc", 6) },
    { slug: "ai", members: names("ai", 5) },
    { slug: "code-of-conduct", members: names("coc", 4) },
    { slug: "events-support", members: names("ev", 7) },
    {
      slug: "fellowship",
      members: names("fel", 3),
      other: [{ title: "Designated Line Manager", people: ["fel Manager"] }],
    },
    { slug: "fundraising", members: names("fund", 4), boardLiaisons: [] },
    { slug: "online-community", members: names("oc", 8) },
    { slug: "social-media", members: names("sm", 5) },
    { slug: "website", members: names("web", 13) },
    { slug: "mergers", kind: "team", members: names("merg", 5) },
    { slug: "releasers", kind: "team", members: names("rel", 4), steeringCouncilLiaisons: ["rel SC"] },
    { slug: "operations", kind: "team", members: names("ops", 6) },
    { slug: "triage-and-review", kind: "team", members: names("tr", 12) },
    {
      slug: "package-maintainers",
      status: "draft",
      members: names("pm", 3),
      charter: { missing: ["budget"] },
    },
    { slug: "marketing", status: "proposed", members: names("mkt", 4) },
    { slug: "dceu", status: "archived", members: names("dceu", 3), alumni: names("dceu-old", 2) },
    { slug: "translations", status: "draft", chairs: [], coChairs: [], members: names("tl", 2) },
  ];
  const out: InsertedGroup[] = [];
  let day = 1;
  for (const spec of specs) {
    const g = await insertGroup(db, spec);
    out.push(g);
    const sha = (n: number) => `${n.toString(16).padStart(8, "0")}${"ab12cd34ef".repeat(3)}`.slice(0, 40);
    await insertEvent(db, {
      groupId: g.id,
      kind: "proposed",
      occurredAt: `2024-02-${pad(day)}T10:00:00Z`,
      commitSha: sha(day),
    });
    for (const [, id] of g.people) {
      await insertEvent(db, {
        groupId: g.id,
        kind: "joined",
        personId: id,
        role: "member",
        occurredAt: `2024-03-${pad(day)}T10:00:00Z`,
        commitSha: sha(day + 100),
      });
    }
    day = (day % 27) + 1;
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function names(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix} Person ${i + 1}`);
}
