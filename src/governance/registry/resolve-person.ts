/**
 * A person field of a form or an API body: what was typed (a name, an alias, a slug or an id),
 * and, after an ambiguous name, the id chosen among the people offered. Resolves to one person
 * or refuses with the problem beside the field: nobody by that name, or the people to choose
 * from (a form shows them as radio buttons, the API lists them in `issues[].choices`).
 */
import type { Db, Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { selectCurrentGroupsOfPeople } from "../directory/directory.repo.ts";
import { selectPersonCandidates } from "./person-lookup.repo.ts";
import { lookupPerson, matchingPeople, type PersonCandidate, suggestionValues } from "./person-lookup.ts";

/** The field names of a person field: the typed text, and the chosen id sent after a choice. */
export interface PersonField {
  /** The text field (the name typed). */
  field: string;
  /** The field carrying a chosen person's id (the radio buttons after an ambiguous name; the API's id). */
  choiceField: string;
}

/**
 * Resolves a person field to a person id, or null when nothing was given (the caller decides
 * whether the field is required). A chosen id counts when nothing was typed (the API's numeric
 * id) or when it is one of the people the typed text matches; otherwise the text decides.
 */
export async function resolvePerson(input: {
  db: Db | Tx;
  day: string;
  typed: string | null | undefined;
  chosenId: number | null | undefined;
  names: PersonField;
  /** How the field is spoken of in messages ("the person the vote is about"). */
  what?: string;
}): Promise<number | null> {
  const typed = (input.typed ?? "").trim();
  const chosen = input.chosenId ?? null;
  if (typed === "") return chosen;
  const candidates = await selectPersonCandidates(input.db);
  const found = lookupPerson(candidates, typed);
  if (found.kind === "one") {
    if (chosen === null || chosen === found.person.id) return found.person.id;
  }
  if (chosen !== null && matchingPeople(candidates, typed, 1000).some((p) => p.id === chosen)) return chosen;
  if (found.kind === "one") return found.person.id;
  const { field, choiceField } = input.names;
  if (found.kind === "none") {
    throw new AppError("validation", {
      message: `Invalid ${field}: nobody called "${typed}" is known here`,
      issues: [
        {
          field,
          message: `nobody called "${typed}" is known here: check the spelling, or find them on /people`,
        },
      ],
    });
  }
  const labels = await choiceLabels(input.db, input.day, found.people);
  const message =
    found.people.length === 1
      ? `nobody is called exactly "${typed}": did you mean ${found.people[0]?.name}? Choose below, or type the name again`
      : `${found.people.length} people match "${typed}": choose one below, or type a fuller name`;
  throw new AppError("validation", {
    message: `Invalid ${field}: ${message}`,
    issues: [
      {
        field,
        message,
        choices: {
          field: choiceField,
          options: found.people.map((p) => ({ value: String(p.id), label: labels.get(p.id) ?? p.name })),
        },
      },
    ],
  });
}

/** "Ada Lovelace (ada-lovelace; Website, Fundraising)": the name, the slug and their groups today. */
async function choiceLabels(
  db: Db | Tx,
  day: string,
  people: readonly PersonCandidate[],
): Promise<Map<number, string>> {
  const ids = new Set(people.map((p) => p.id));
  const groups = new Map<number, string[]>();
  for (const m of await selectCurrentGroupsOfPeople(db as Db, day)) {
    if (ids.has(m.personId)) groups.set(m.personId, [...(groups.get(m.personId) ?? []), m.groupName]);
  }
  return new Map(
    people.map((p) => {
      const in_ = groups.get(p.id);
      return [p.id, `${p.name} (${p.slug}${in_?.length ? `; ${in_.join(", ")}` : ""})`];
    }),
  );
}

/** A suggestion for a person field: the value that resolves to them, and words telling them apart. */
export interface PersonSuggestion {
  value: string;
  label: string;
  person: { id: number; slug: string; name: string };
}

/**
 * Suggestions for a person field: everyone (or the people `among`), matching `q` when given, by
 * name, at most `limit`. Values are names, with the slug where several people share a name.
 */
export async function suggestPeople(input: {
  db: Db | Tx;
  q?: string;
  among?: readonly number[];
  limit?: number;
}): Promise<PersonSuggestion[]> {
  const all = await selectPersonCandidates(input.db, input.among ? { ids: input.among } : {});
  const values = suggestionValues(all);
  const limit = input.limit ?? 500;
  const shown = input.q?.trim() ? matchingPeople(all, input.q, limit) : all.slice(0, limit);
  return shown.map((p) => ({
    value: values.get(p.id) ?? p.name,
    label: "",
    person: { id: p.id, slug: p.slug, name: p.name },
  }));
}
