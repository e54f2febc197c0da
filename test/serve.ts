/** Serves an app on a free local port for browser tests; `close()` stops it. */
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";

/** A running local server: its base URL and how to stop it. */
export interface LocalServer {
  base: string;
  close(): Promise<void>;
}

/** Starts `app` on 127.0.0.1 with a port the system picks. */
export async function serveLocally(app: {
  fetch: (req: Request) => Response | Promise<Response>;
}): Promise<LocalServer> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
