import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { authMiddleware } from "../auth/middleware.ts";
import type { HttpAuth, Viewer } from "../auth/viewer.ts";
import { toAppError } from "../db/errors.ts";
import type { Logger } from "../log.ts";
import { Layout, renderPage, requestViewer } from "./layout.tsx";
import { SITE_CSS } from "./site.css.ts";

/** Variables every request carries through middleware to routes. */
export interface AppVariables {
  requestId: string;
  /** Who is signed in (session cookie) or holds the bearer token; null for anonymous visitors. */
  viewer: Viewer | null;
  /** The CSRF token to put in every form (`<input type="hidden" name="_csrf">`); empty for bearer requests. */
  csrfToken: string;
}

/** The Hono environment type used by every router. */
export interface AppEnv {
  Variables: AppVariables;
}

/** A router that a room mounts on the application. */
export type Router = Hono<AppEnv>;

/** Creates an empty router for a room. */
export function createRouter(): Router {
  return new Hono<AppEnv>();
}

/** True when the client wants JSON (API paths or an explicit Accept). */
function wantsJson(path: string, accept: string | undefined): boolean {
  return path.startsWith("/api/") || (accept?.includes("application/json") ?? false);
}

/** Builds the HTTP application: headers, errors in one place, static assets, and the rooms' routers. */
export function createHttpApp(deps: { log: Logger; routers: Router[]; auth?: HttpAuth }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let counter = 0;
  app.use("*", async (c, next) => {
    c.set("requestId", `${Date.now().toString(36)}-${(counter++).toString(36)}`);
    await next();
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    }),
  );
  // The same for everyone, so served before (and without) authentication, and cached by anyone.
  app.get("/static/site.css", (c) => {
    c.header("cache-control", "public, max-age=3600");
    return c.body(SITE_CSS, 200, { "content-type": "text/css; charset=utf-8" });
  });
  app.get("/healthz", (c) => c.json({ ok: true }));
  // Whatever is rendered for a signed-in viewer (cookie or bearer) is theirs alone: a new token on
  // /account, a vote, an admin page, an export. No cache, shared or private, may keep it; error
  // pages included. Anonymous responses keep whatever caching their route chose.
  app.use("*", async (c, next) => {
    await next();
    if (c.var.viewer || c.req.header("authorization") !== undefined) {
      c.header("cache-control", "private, no-store");
    }
  });
  if (deps.auth) app.use("*", authMiddleware(deps.auth));
  else {
    app.use("*", async (c, next) => {
      c.set("viewer", null);
      c.set("csrfToken", "");
      await next();
    });
  }
  // Pages rendered for this request show who is signed in, whichever route renders them.
  app.use("*", (c, next) => {
    const viewer = c.var.viewer;
    return requestViewer.run(viewer ? { name: viewer.name, csrfToken: c.var.csrfToken } : null, next);
  });
  for (const r of deps.routers) app.route("/", r);

  app.notFound(async (c) => {
    if (wantsJson(c.req.path, c.req.header("accept"))) {
      return c.json({ error: { code: "not_found", message: `No such resource: ${c.req.path}` } }, 404);
    }
    return c.html(
      await renderPage(
        <Layout title="Not found">
          <h1>Page not found</h1>
          <p>There is nothing at {c.req.path}.</p>
        </Layout>,
      ),
      404,
    );
  });

  app.onError(async (err, c) => {
    const appErr = toAppError(err);
    // The logger's serialiser redacts statement parameters and key values from `err` and its causes.
    if (appErr.code === "internal") deps.log.error({ err, path: c.req.path }, "request failed");
    if (appErr.code === "unavailable") deps.log.warn({ err, path: c.req.path }, "database unavailable");
    const status = appErr.status as 400;
    if (appErr.retryAfterSeconds !== undefined) c.header("retry-after", String(appErr.retryAfterSeconds));
    const json = wantsJson(c.req.path, c.req.header("accept"));
    if (
      appErr.code === "unauthenticated" &&
      !json &&
      c.req.method === "GET" &&
      !c.req.header("authorization")
    ) {
      // A page that needs a signed-in visitor sends an anonymous one to sign in and back.
      return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (json) {
      return c.json(
        {
          error: {
            code: appErr.code,
            message: appErr.message,
            ...(appErr.issues.length ? { issues: appErr.issues } : {}),
          },
        },
        status,
      );
    }
    return c.html(
      await renderPage(
        <Layout
          title="Error"
          viewer={c.var.viewer ? { name: c.var.viewer.name, csrfToken: c.var.csrfToken } : null}
        >
          <h1>{appErr.code === "not_found" ? "Not found" : "Something is not right"}</h1>
          <div class="error-summary" role="alert">
            <p>{appErr.message}</p>
            {appErr.issues.length > 0 && (
              <ul>
                {appErr.issues.map((i) => (
                  <li>
                    {i.field}: {i.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Layout>,
      ),
      status,
    );
  });
  return app;
}
