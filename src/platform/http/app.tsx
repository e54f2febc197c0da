import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { authMiddleware } from "../auth/middleware.ts";
import type { HttpAuth, Viewer } from "../auth/viewer.ts";
import { toAppError } from "../db/errors.ts";
import { AppError, type ErrorCode, isAppError } from "../errors.ts";
import type { Logger } from "../log.ts";
import { SUGGEST_SCRIPT_PATH } from "../view/form.tsx";
import { type NavLink, withPageContext } from "../view/page-context.ts";
import { SUGGEST_SCRIPT } from "../view/suggest-script.ts";
import { type EncodedBody, encodeBody, pickEncoding } from "./encoded-body.ts";
import { Layout, renderPage } from "./layout.tsx";
import { buildOpenApiDocument, type OpenApiInfo } from "./openapi.ts";
import { createDeclaredRouter } from "./route.ts";
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

/** Mounts the router each of `areas` makes from `services` at the root of `router`: a room's routes. */
export function mountAreas<S>(
  router: Router,
  services: S,
  areas: readonly ((services: S) => Router)[],
): Router {
  for (const area of areas) router.route("/", area(services));
  return router;
}

/** True when the client wants JSON (API paths or an explicit Accept). */
function wantsJson(path: string, accept: string | undefined): boolean {
  return path.startsWith("/api/") || (accept?.includes("application/json") ?? false);
}

/** The status codes an HTTPException (from Hono's own middleware) may carry, as our error codes. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "too_large",
  422: "validation",
  429: "rate_limited",
};

/** Any thrown value as an AppError (the cause is kept for the log). */
function asAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof HTTPException) {
    const code = CODE_BY_STATUS[err.status];
    if (code) return new AppError(code, { message: err.message || "The request was refused.", cause: err });
  }
  // A database failure means something to the visitor (a conflict, the database unavailable).
  return toAppError(err);
}

/** The platform's own routes: the stylesheet and the health check. */
function platformRoutes(): Router {
  const router = createDeclaredRouter();
  router.get("/static/site.css", {
    handler: (c) => {
      c.header("cache-control", "public, max-age=3600");
      return c.body(SITE_CSS, 200, { "content-type": "text/css; charset=utf-8" });
    },
  });
  router.get(SUGGEST_SCRIPT_PATH, {
    handler: (c) => {
      c.header("cache-control", "public, max-age=3600");
      return c.body(SUGGEST_SCRIPT, 200, { "content-type": "text/javascript; charset=utf-8" });
    },
  });
  router.get("/healthz", { handler: (c) => c.json({ ok: true }) });
  return router.app;
}

/** Options of the HTTP application. */
export interface HttpAppOptions {
  log: Logger;
  routers: Router[];
  auth?: HttpAuth;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Title and introduction of the OpenAPI document served at /api/openapi.json. */
  openApi?: OpenApiInfo;
  /** The header's extra navigation for a signed-in viewer (decided by the rooms' policy). */
  viewerLinks?: (c: Context<AppEnv>) => Promise<readonly NavLink[]>;
  /** The signed-in viewer's unread notifications, for the header (one cheap count per page). */
  viewerUnread?: (c: Context<AppEnv>) => Promise<number>;
}

/**
 * Builds the HTTP application: the body limit, headers, authentication, errors in one place,
 * static assets, the rooms' routers and the OpenAPI document generated from their declarations.
 */
export function createHttpApp(deps: HttpAppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let counter = 0;
  app.use("*", async (c, next) => {
    c.set("requestId", `${Date.now().toString(36)}-${(counter++).toString(36)}`);
    await next();
  });
  // Before anything reads the body (the CSRF check does): a declared length over the limit is
  // refused unread, a chunked body as soon as it passes the limit; the connection is then closed
  // so the rest is never read.
  const maxBodyBytes = deps.maxBodyBytes ?? 1_048_576;
  app.use(
    "*",
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => {
        c.header("connection", "close");
        throw new AppError("too_large", {
          message: `The request body is larger than this server accepts (${maxBodyBytes} bytes).`,
        });
      },
    }),
  );
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
  app.route("/", platformRoutes());
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
  // Pages rendered for this request show who is signed in and carry its CSRF token, whichever
  // route renders them.
  app.use("*", async (c, next) => {
    const viewer = c.var.viewer;
    // JSON answers have no header to fill.
    const page = viewer !== null && !c.req.path.startsWith("/api/");
    const [links, unread] = page
      ? await Promise.all([deps.viewerLinks?.(c), deps.viewerUnread?.(c)])
      : [undefined, undefined];
    return withPageContext(
      {
        viewer: viewer
          ? { name: viewer.name, ...(links ? { links } : {}), ...(unread !== undefined ? { unread } : {}) }
          : null,
        csrfToken: c.var.csrfToken,
        refusal: null,
      },
      next,
    );
  });
  for (const r of deps.routers) app.route("/", r);
  app.route(
    "/",
    openApiRoute(app, deps.openApi ?? { title: "Guildhall API", version: "1.0.0", description: "" }),
  );

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
    // The logger's serialiser redacts statement parameters and key values from `err` and its causes.
    const appErr = asAppError(err);
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
        <Layout title="Error" viewer={c.var.viewer ? { name: c.var.viewer.name } : null}>
          <h1>{appErr.code === "not_found" ? "Not found" : "Something is not right"}</h1>
          <div class="error-summary" role="alert">
            {/* The message already names the first problem: list the problems, or say the message, once. */}
            {appErr.issues.length > 0 ? (
              <ul>
                {appErr.issues.map((i) => (
                  <li>
                    {i.field}: {i.message}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{appErr.message}</p>
            )}
          </div>
        </Layout>,
      ),
      status,
    );
  });
  return app;
}

/** `/api/openapi.json`, generated from the application's declared routes on first request. */
function openApiRoute(app: Hono<AppEnv>, info: OpenApiInfo): Router {
  const router = createDeclaredRouter();
  let document: EncodedBody | undefined;
  router.get("/api/openapi.json", {
    summary: "This document: every API route with its parameters, request and response schemas.",
    operationId: "getOpenApiDocument",
    response: {
      description: "The OpenAPI 3.1 document.",
      schema: z.record(z.string(), z.unknown()),
      name: "OpenApiDocument",
    },
    handler: (c) => {
      document ??= encodeBody(JSON.stringify(buildOpenApiDocument(app, info)));
      const { bytes, headers } = pickEncoding(document, c.req.header("accept-encoding"));
      return c.body(bytes, 200, { ...headers, "content-type": "application/json; charset=utf-8" });
    },
  });
  return router.app;
}
