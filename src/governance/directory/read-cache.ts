/**
 * A cache of directory reads (rendered pages and API bodies) keyed on a database write version.
 * Every lookup checks the version first, so a write committed before a request arrives is always
 * seen. The version is pushed by the database when it can (embedded: a notification delivered
 * before the write returns), else asked for, with concurrent requests sharing the question.
 */

/** Where the cache gets the current write version from. */
export interface ReadCacheOptions {
  /** The version from the database (one cheap query); concurrent callers share calls. */
  version: () => Promise<string>;
  /**
   * The version known without a query (pushed by the database on every write), or undefined
   * while that is not available; when it is, `version` is not called.
   */
  pushedVersion?: () => string | undefined;
  /** Most entries kept; the oldest is dropped first. */
  maxEntries?: number;
}

/** The directory's read cache. */
export interface ReadCache {
  /** The cached value for `key` at the current version, computing (once) when missing or stale. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Number of entries held (for tests). */
  size(): number;
}

interface Entry {
  version: string;
  value: Promise<unknown>;
}

/** Creates an empty read cache. */
export function createReadCache(options: ReadCacheOptions): ReadCache {
  const maxEntries = options.maxEntries ?? 500;
  const entries = new Map<string, Entry>();
  let current: Promise<string> | null = null;
  let next: Promise<string> | null = null;

  const start = (): Promise<string> => {
    const p: Promise<string> = options.version().finally(() => {
      if (current === p) current = null;
    });
    current = p;
    return p;
  };

  // A check already running may have started before this request arrived and so miss a write
  // committed since; such requests wait for the next check, which all of them then share.
  const freshVersion = (): Promise<string> => {
    if (!current) return start();
    if (!next) {
      const running = current;
      const queued: Promise<string> = running
        .then(
          () => undefined,
          () => undefined,
        )
        .then(() => {
          if (next === queued) next = null;
          return start();
        });
      next = queued;
    }
    return next;
  };

  return {
    async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const version = options.pushedVersion?.() ?? (await freshVersion());
      const hit = entries.get(key);
      if (hit && hit.version === version) return hit.value as Promise<T>;
      const value = compute();
      const entry: Entry = { version, value };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      // Failures (an unknown slug, a lost connection) are not remembered.
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    size: () => entries.size,
  };
}
