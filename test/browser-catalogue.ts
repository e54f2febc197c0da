/** A catalogue for browser tests: the application served over a database of its own, with projects synced from the local index. */
import { type BrowserAppWithDatabase, startBrowserAppWithDatabase } from "./browser-app.ts";
import type { PypiServer } from "./pypi-server/server.ts";
import { syncedCatalogue } from "./synced-catalogue.ts";

/** A served application whose catalogue is synced from `pypi`; `close()` stops the index too. */
export interface BrowserCatalogue extends BrowserAppWithDatabase {
  pypi: PypiServer;
}

/** Serves the application over a fresh database holding the shared snapshot and the index's first `limit` projects synced. */
export async function startBrowserCatalogue(index: { limit: number }): Promise<BrowserCatalogue> {
  const served = await startBrowserAppWithDatabase();
  try {
    const { pypi } = await syncedCatalogue({ ...served, index });
    return {
      ...served,
      pypi,
      close: async () => {
        await served.close();
        await pypi.close();
      },
    };
  } catch (error) {
    await served.close();
    throw error;
  }
}
