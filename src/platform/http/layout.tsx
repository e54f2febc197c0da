import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import { ButtonForm, ErrorSummary } from "../view/form.tsx";
import { type LayoutViewer, pageContext } from "../view/page-context.ts";

export type { LayoutViewer } from "../view/page-context.ts";

/** Where the summary of a refused form goes; renderPage fills it once the form has rendered. */
const SUMMARY_SLOT = "<!--guildhall:error-summary-->";

/** Props of the page layout shared by every server-rendered page. */
export interface LayoutProps {
  title: string;
  children?: Child;
  /**
   * Who the header shows as signed in; by default the request's viewer. A page cached for every
   * visitor passes `null`.
   */
  viewer?: LayoutViewer | null;
  /** Extra `<link>`s such as feeds, rendered in `<head>`. */
  head?: Child;
  /** Path of the current page, to mark the current navigation entry. */
  path?: string;
}

const NAV: ReadonlyArray<{ href: string; label: string }> = [
  { href: "/groups", label: "Groups" },
  { href: "/people", label: "People" },
  { href: "/releases", label: "Django releases" },
  { href: "/packages", label: "Packages" },
];

/** The page frame: skip link, header with navigation, main landmark, footer. */
export function Layout(props: LayoutProps) {
  const context = pageContext();
  const viewer = props.viewer !== undefined ? props.viewer : context.viewer;
  // A page that names its viewer itself still gets the links the request's viewer may follow.
  const links = viewer ? (viewer.links ?? context.viewer?.links ?? []) : [];
  const unread = viewer ? (viewer.unread ?? context.viewer?.unread) : undefined;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${context.refusal ? "Error: " : ""}${props.title} · Guildhall`}</title>
        <link rel="stylesheet" href="/static/site.css" />
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            Guildhall
          </a>
          {/*
            One disclosure holds the navigation and the account: on a phone it is a "Menu" button
            that opens without JavaScript; on a wider screen the stylesheet shows its content as a row.
          */}
          <details class="menu">
            <summary>Menu</summary>
            <div class="menu-body">
              <nav aria-label="Main">
                <ul>
                  {[...NAV, ...links].map((n) => (
                    <li>
                      <a href={n.href} aria-current={props.path?.startsWith(n.href) ? "page" : undefined}>
                        {n.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              <div class="account">
                {viewer ? (
                  <>
                    <a href="/inbox" aria-current={props.path === "/inbox" ? "page" : undefined}>
                      {unread ? `Inbox (${unread} unread)` : "Inbox"}
                    </a>
                    <span>
                      Signed in as <a href="/account">{viewer.name}</a>
                    </span>
                    <ButtonForm action="/sign-out" submit="Sign out" />
                  </>
                ) : (
                  <a href="/sign-in">Sign in</a>
                )}
              </div>
            </div>
          </details>
        </header>
        <main id="main" tabindex={-1}>
          {context.refusal && raw(SUMMARY_SLOT)}
          {props.children}
        </main>
        <footer class="site">
          <p>Guildhall: working groups, teams and the package ecosystem of the Django community.</p>
        </footer>
      </body>
    </html>
  );
}

/**
 * Renders a JSX page to a full HTML document string with its doctype. When the request re-shows a
 * refused form, the error summary goes at the top of the page, naming the fields by the labels the
 * form rendered with.
 */
export async function renderPage(node: Child): Promise<string> {
  const html = String(await node);
  const refusal = pageContext().refusal;
  if (!refusal || !html.includes(SUMMARY_SLOT)) return `<!DOCTYPE html>${html}`;
  const summary = String(await (<ErrorSummary refusal={refusal} />));
  return `<!DOCTYPE html>${html.replace(SUMMARY_SLOT, () => summary)}`;
}

/** Inline SVG (from a chart renderer) inserted without escaping; only pass trusted server output. */
export function trustedSvg(svg: string) {
  return raw(svg);
}
