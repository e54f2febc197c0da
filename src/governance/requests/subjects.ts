/**
 * What a request may be about besides text and a link: a Guildhall object owned by some room (a
 * content item, a charter change, a funding request). The owning room registers the type once with
 * `defineRequestSubject`: how to load the object (its title, and that it exists), the page that
 * shows it, and what to do when the request is answered, which runs inside the answer's
 * transaction (if it throws, the answer is not recorded).
 */
import type { Db, Tx } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";

/** A database or a transaction. */
type DbOrTx = Db | Tx;

/** What a subject's owner gets when the request about it is answered. */
export interface RequestAnsweredContext {
  tx: Tx;
  requestId: number;
  subjectId: string;
  outcome: RequestOutcome;
  /** True when the answer is lazy consensus (nobody objected by the deadline). */
  byLazyConsensus: boolean;
  /** Who answered (null for lazy consensus, the system). */
  answeredByPersonId: number | null;
  note: string | null;
  now: Date;
}

/** How a request was answered. */
export type RequestOutcome = "approved" | "rejected" | "changes-requested" | "commented";

/** A type of Guildhall object requests can be about, as its owning room defines it. */
export interface RequestSubject {
  /** `room.kind` ("marketing.content-item"). */
  type: string;
  /** The object's title, or null when there is no such object. */
  load: (db: DbOrTx, id: string) => Promise<{ title: string } | null>;
  /** The site-relative path of the object's page ("/content/12"). */
  link: (id: string) => string;
  /** Applies the answer to the object, inside the answer's transaction. */
  onAnswered?: (context: RequestAnsweredContext) => Promise<void>;
}

const TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;
const registry = new Map<string, RequestSubject>();

/** Registers a type of request subject; a type is registered once. Returns the definition. */
export function defineRequestSubject(definition: RequestSubject): RequestSubject {
  if (!TYPE.test(definition.type)) {
    throw new Error(`A request subject type looks like room.kind, not "${definition.type}".`);
  }
  if (registry.has(definition.type)) {
    throw new Error(`The request subject type "${definition.type}" is already registered.`);
  }
  registry.set(definition.type, definition);
  return definition;
}

/** The registered subject type, or a validation error naming the field. */
export function requestSubjectOf(type: string): RequestSubject {
  const found = registry.get(type);
  if (!found) {
    throw new AppError("validation", {
      message: `Invalid subject: nothing here knows objects of type "${type}"`,
      issues: [{ field: "subjectType", message: `no request subject type "${type}" is registered` }],
    });
  }
  return found;
}

/** The registered definition for a stored request's subject type, if any. */
export function findRequestSubject(type: string): RequestSubject | undefined {
  return registry.get(type);
}
