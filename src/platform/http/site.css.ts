/** The site stylesheet: readable, high-contrast, works without JavaScript. */
export const SITE_CSS = `
:root { --fg:#1a1a1a; --muted:#4a4a4a; --bg:#fff; --accent:#0c4b33; --link:#0b5394; --warn:#8a4b00; --bad:#a4161a; --ok:#1e6b3a; --line:#d0d0d0; }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
.skip { position:absolute; left:-999px; top:0; background:#fff; padding:.5rem 1rem; }
.skip:focus { left:1rem; z-index:10; }
header.site { display:flex; flex-wrap:wrap; gap:1rem 2rem; align-items:center; padding:.75rem 1.5rem; background:var(--accent); }
header.site a { color:#fff; }
header.site .brand { font-weight:700; font-size:1.25rem; text-decoration:none; }
header.site nav ul { display:flex; gap:1.25rem; list-style:none; margin:0; padding:0; }
header.site [aria-current="page"] { text-decoration-thickness:3px; }
header.site .account { margin-left:auto; color:#fff; display:flex; gap:1rem; align-items:center; }
header.site .account button { background:#fff; color:var(--accent); }
a.button { display:inline-block; background:var(--accent); color:#fff; padding:.35rem .75rem; border-radius:.25rem; text-decoration:none; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
footer.site { border-top:1px solid var(--line); color:var(--muted); padding:1rem 1.5rem; font-size:.9rem; }
table { border-collapse: collapse; width:100%; margin:1rem 0; }
caption { text-align:left; font-weight:600; padding:.25rem 0; }
th, td { text-align:left; padding:.4rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
td { overflow-wrap:anywhere; }
@media (max-width: 40rem) { main { padding: 1rem .5rem; } th, td { padding:.3rem .3rem; } }
pre, .table-scroll { overflow-x:auto; }
th { background:#f3f3f3; }
.flag { display:inline-block; padding:0 .4rem; border-radius:.25rem; font-size:.85rem; border:1px solid currentColor; margin:0 .25rem .25rem 0; }
.flag.warn { color:var(--warn); } .flag.bad { color:var(--bad); } .flag.ok { color:var(--ok); }
.muted { color: var(--muted); }
dl.facts { display:grid; grid-template-columns: max-content 1fr; gap:.25rem 1rem; }
dl.facts dt { font-weight:600; }
dl.facts dd { margin:0; }
form.inline { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:end; }
label { font-weight:600; display:block; }
input, select, textarea, button { font:inherit; padding:.35rem .5rem; }
button { background:var(--accent); color:#fff; border:0; border-radius:.25rem; cursor:pointer; }
.error-summary { border:3px solid var(--bad); padding:1rem; }
.error-summary h2 { margin-top:0; }
.notice { border:3px solid var(--warn); padding:.25rem 1rem; margin:1rem 0; } .notice.bad { border-color:var(--bad); } .notice h2 { margin-top:.5rem; }
.error-summary a { color:var(--bad); font-weight:600; }
form .field { margin:.5rem 0; }
form.inline .field { margin:0; }
.field input:not([type=checkbox]):not([type=radio]), .field select, .field textarea { display:block; max-width:100%; box-sizing:border-box; }
.field textarea { width:100%; }
.choice { display:flex; align-items:center; gap:.4rem; margin:.25rem 0; }
.choice label { display:inline; font-weight:400; }
fieldset { border:1px solid var(--line); margin:.5rem 0; }
.hint { display:block; color:var(--muted); }
.field-error { display:block; color:var(--bad); font-weight:600; }
[aria-invalid="true"] { outline:3px solid var(--bad); outline-offset:1px; }
.chart svg { max-width:100%; height:auto; }
.visually-hidden { position:absolute !important; width:1px; height:1px; padding:0; margin:-1px; overflow:hidden; clip:rect(0,0,0,0); white-space:nowrap; border:0; }
ul.flags { list-style:none; margin:0; padding:0; }
ul.health { padding-left:1.25rem; }
ul.health li { margin-bottom:.5rem; }
`;
