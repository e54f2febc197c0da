/**
 * People and their spellings: resolves a charter Person to a `people` row through
 * `person_aliases`, creates people not seen before, and files alias suggestions for review.
 * Loaded once per transaction and kept in memory, so an import of many charters makes few queries.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../../platform/db/index.ts";
import { aliasSuggestions, people, personAliases } from "../../platform/db/schema.ts";
import type { Person } from "../charter/types.ts";
import { type MatchReason, matchPeople, preferredSpelling } from "./match-people.ts";
import { displayName, personKey, personSlugBase } from "./person-key.ts";

interface KnownPerson {
  id: number;
  slug: string;
  name: string;
  handle: string | null;
  keys: Set<string>;
}

/** What resolving people did, for the import summary. */
export interface PeopleStats {
  peopleCreated: string[];
  suggestionsCreated: Array<{ id: number; a: string; b: string; reason: MatchReason }>;
}

/** An in-memory view of people and aliases inside one transaction. */
export class PeopleIndex {
  private byKey = new Map<string, KnownPerson>();
  private byId = new Map<number, KnownPerson>();
  private slugs = new Set<string>();
  private pairs = new Set<string>();
  /** What was created through this index. */
  readonly stats: PeopleStats = { peopleCreated: [], suggestionsCreated: [] };

  private constructor(
    private tx: Tx,
    private now: Date,
  ) {}

  /**
   * Continues with the same in-memory view in a later transaction (the history replay runs one
   * transaction per commit and would otherwise reload everyone for each). `now` dates new rows.
   */
  useTransaction(tx: Tx, now: Date): void {
    this.tx = tx;
    this.now = now;
  }

  /** Loads every person, alias and suggestion pair. */
  static async load(tx: Tx, now: Date): Promise<PeopleIndex> {
    const index = new PeopleIndex(tx, now);
    const rows = await tx.select().from(people);
    for (const r of rows) {
      const p: KnownPerson = { id: r.id, slug: r.slug, name: r.name, handle: r.handle, keys: new Set() };
      index.byId.set(r.id, p);
      index.slugs.add(r.slug);
    }
    for (const a of await tx.select().from(personAliases)) {
      const p = index.byId.get(a.personId);
      if (!p) continue;
      p.keys.add(a.aliasKey);
      index.byKey.set(a.aliasKey, p);
    }
    for (const s of await tx.select().from(aliasSuggestions))
      index.pairs.add(pairKey(s.personId, s.otherPersonId));
    return index;
  }

  /** The person key used for a charter Person. */
  keyOf(person: Person): string {
    return personKey(person.name);
  }

  /** The id of the person a charter Person resolves to, without creating anyone; null if unknown. */
  find(person: Person): number | null {
    return this.byKey.get(this.keyOf(person))?.id ?? null;
  }

  /** The person's display name by id. */
  nameOf(id: number): string {
    return this.byId.get(id)?.name ?? `#${id}`;
  }

  /**
   * Resolves a charter Person to a people row: by alias key; otherwise creates the person with
   * the spelling as its first alias and files suggestions against similar people (never merges).
   */
  async resolve(person: Person): Promise<number> {
    const key = this.keyOf(person);
    const handle = person.handle ? person.handle.trim() : null;
    const known = this.byKey.get(key);
    if (known) {
      if (handle && !known.handle) {
        await this.tx.update(people).set({ handle }).where(eq(people.id, known.id));
        known.handle = handle;
        await this.suggestFor(known);
      }
      return known.id;
    }
    const created = await this.createPerson({
      key,
      name: displayName(person.name),
      handle,
      aliasSource: "import",
      fileByKey: true,
    });
    await this.suggestFor(created);
    return created.id;
  }

  /**
   * Creates the person for an account that has none (a newcomer applying to a group). Never
   * reuses someone from the charters, even with the same spelling: that would link the account
   * to them without an administrator's word. The spelling becomes the new person's alias when no
   * one has it yet, and a pending alias suggestion pairs them with each similar person (the
   * charter's person is the one kept if it is accepted).
   */
  async createForAccount(input: { name: string; handle: string | null }): Promise<number> {
    const key = personKey(input.name);
    const taken = this.byKey.get(key);
    const created = await this.createPerson({
      key,
      name: displayName(input.name),
      handle: input.handle ? input.handle.trim() : null,
      aliasSource: !taken && key.length > 0 ? "account" : null,
      fileByKey: !taken,
    });
    await this.suggestFor(created, { keepOther: true });
    return created.id;
  }

  /**
   * Inserts a new person under a free slug, with the spelling as their alias from `aliasSource`
   * (none when null), and remembers them, under their key too when `fileByKey`.
   */
  private async createPerson(input: {
    key: string;
    name: string;
    handle: string | null;
    aliasSource: "import" | "account" | null;
    fileByKey: boolean;
  }): Promise<KnownPerson> {
    const { key, name, handle } = input;
    const slug = this.freeSlug(personSlugBase(key));
    const [row] = await this.tx
      .insert(people)
      .values({ slug, name, handle, createdAt: this.now })
      .returning({ id: people.id });
    if (!row) throw new Error("insert into people returned no row");
    if (input.aliasSource) {
      await this.tx.insert(personAliases).values({
        personId: row.id,
        alias: name,
        aliasKey: key,
        source: input.aliasSource,
        createdAt: this.now,
      });
    }
    const created: KnownPerson = { id: row.id, slug, name, handle, keys: new Set([key]) };
    this.byId.set(row.id, created);
    if (input.fileByKey) this.byKey.set(key, created);
    this.slugs.add(slug);
    this.stats.peopleCreated.push(name);
    return created;
  }

  private freeSlug(base: string): string {
    let slug = base;
    for (let n = 2; this.slugs.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  /** Files a pending suggestion for each person the matching rules pair with `p`. */
  private async suggestFor(p: KnownPerson, options: { keepOther?: boolean } = {}): Promise<void> {
    for (const other of this.byId.values()) {
      if (other.id === p.id || this.pairs.has(pairKey(p.id, other.id))) continue;
      const reason = bestReason(p, other) ?? (sameKey(p, other) ? "same first and last name" : null);
      if (!reason) continue;
      // The fuller spelling is the one kept by default when the suggestion is accepted.
      const [keep, merge] =
        !options.keepOther && preferredSpelling(p.name, other.name) === "a" ? [p, other] : [other, p];
      const [row] = await this.tx
        .insert(aliasSuggestions)
        .values({
          personId: keep.id,
          otherPersonId: merge.id,
          reason,
          status: "pending",
          createdAt: this.now,
        })
        .onConflictDoNothing()
        .returning({ id: aliasSuggestions.id });
      this.pairs.add(pairKey(p.id, other.id));
      if (row) this.stats.suggestionsCreated.push({ id: row.id, a: keep.name, b: merge.name, reason });
    }
  }
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

function sameKey(a: KnownPerson, b: KnownPerson): boolean {
  for (const k of a.keys) if (b.keys.has(k)) return true;
  return false;
}

function bestReason(a: KnownPerson, b: KnownPerson): MatchReason | null {
  for (const ka of a.keys) {
    for (const kb of b.keys) {
      const reason = matchPeople({ key: ka, handle: a.handle }, { key: kb, handle: b.handle });
      if (reason) return reason;
    }
  }
  return null;
}
