/** Database access: open (PGlite or PostgreSQL), migrate, and the one schema. */

export { anyOf } from "./any-of.ts";
export {
  type Database,
  type DatabaseTarget,
  type Db,
  migrateDatabase,
  openDatabase,
  PGLITE_OPTIONS,
  STARTUP_LOCKS,
  type Tx,
  withStartupLock,
} from "./client.ts";
export { databaseAppError, toAppError } from "./errors.ts";
export * as schema from "./schema.ts";
