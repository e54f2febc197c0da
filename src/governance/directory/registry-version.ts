/**
 * Knows when the registry tables were last written: migration 0007's triggers notify
 * `guildhall_registry_changed` on every write. The embedded database delivers the notification
 * in-process before the write returns, so the version is known without a query; on a server the
 * notification travels on another connection, so there the version is asked for on each read.
 */
import type { Database } from "../../platform/db/index.ts";
import { selectWriteVersion } from "./directory.repo.ts";

/** The channel the registry triggers notify. */
export const REGISTRY_CHANNEL = "guildhall_registry_changed";

/** The current registry version, pushed or queried. */
export interface RegistryVersion {
  /** The version pushed by notifications, or undefined when it must be queried. */
  pushed(): string | undefined;
  /** Asks the database (any write anywhere changes the answer). */
  query(): Promise<string>;
}

/** Subscribes to registry notifications on an embedded database; queries otherwise. */
export function watchRegistryVersion(database: Database): RegistryVersion {
  let counter = 0;
  let listening = false;
  const pglite = database.pglite;
  if (database.driver === "pglite" && pglite) {
    pglite
      .listen(REGISTRY_CHANNEL, () => {
        counter++;
      })
      .then(
        () => {
          // Writes between creation and now were not seen as notifications: count one to be safe.
          counter++;
          listening = true;
        },
        () => {
          listening = false;
        },
      );
  }
  return {
    pushed: () => (listening ? `n${counter}` : undefined),
    query: () => selectWriteVersion(database.db),
  };
}
