/**
 * The one script of the site, and it is optional: a text field with suggestions (`data-suggest`
 * names a JSON search route) gets its `<datalist>` refreshed from that route as the person types.
 * Without it the server-filled list and the server's resolution of what was typed still work.
 */
export const SUGGEST_SCRIPT = `(() => {
  if (window.guildhallSuggest) return;
  window.guildhallSuggest = true;
  const wire = (input) => {
    const list = input.list;
    const from = input.getAttribute("data-suggest");
    if (!list || !from) return;
    let timer = 0;
    let asked = "";
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (q.length < 2 || q === asked) return;
        asked = q;
        try {
          const url = from + (from.includes("?") ? "&" : "?") + "q=" + encodeURIComponent(q);
          const res = await fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } });
          if (!res.ok || q !== input.value.trim()) return;
          const body = await res.json();
          const options = (body.suggestions || []).map((s) => {
            const o = document.createElement("option");
            o.value = s.value;
            o.textContent = s.label || "";
            return o;
          });
          list.replaceChildren(...options);
        } catch {
          // The server-filled list stays.
        }
      }, 200);
    });
  };
  const start = () => document.querySelectorAll("input[data-suggest]").forEach(wire);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
`;
