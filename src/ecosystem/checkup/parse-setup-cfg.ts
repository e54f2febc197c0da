/** Reads setup.cfg (setuptools' declarative config) into checkup facts. Pure. */
import { iniList, parseIni } from "./ini-file.ts";
import { djangoSpecifierOf, UnreadableFile } from "./parse-pyproject.ts";
import type { CheckupFacts } from "./types.ts";

/** Reads a setup.cfg text into the facts it carries. */
export function parseSetupCfg(text: string, file = "setup.cfg"): Partial<CheckupFacts> {
  let ini: ReturnType<typeof parseIni>;
  try {
    ini = parseIni(text);
  } catch (e) {
    throw new UnreadableFile(file, e instanceof Error ? e.message : String(e));
  }
  const out: Partial<CheckupFacts> = {};
  const meta = ini.get("metadata")?.options;
  const options = ini.get("options")?.options;
  const name = meta?.get("name");
  if (name?.value) out.name = { value: name.value, at: { file, line: name.line } };
  const py = options?.get("python_requires");
  if (py?.value) out.requiresPython = { value: py.value, at: { file, line: py.line } };
  out.classifiers = iniList(ini, "metadata", "classifiers").map((l) => ({
    value: l.text,
    at: { file, line: l.line },
  }));
  for (const l of iniList(ini, "options", "install_requires")) {
    const spec = djangoSpecifierOf(l.text);
    if (spec !== null) {
      out.djangoRequirement = { value: spec, at: { file, line: l.line } };
      break;
    }
  }
  const lic = meta?.get("license") ?? meta?.get("license_expression");
  if (lic?.value) out.license = { value: lic.value, at: { file, line: lic.line } };
  out.projectUrls = iniList(ini, "metadata", "project_urls").flatMap((l) => {
    const m = /^([^=]+?)\s*=\s*(\S+)$/.exec(l.text);
    return m ? [{ value: { label: m[1] as string, url: m[2] as string }, at: { file, line: l.line } }] : [];
  });
  const home = meta?.get("url");
  if (home?.value)
    out.projectUrls.push({ value: { label: "Homepage", url: home.value }, at: { file, line: home.line } });
  return out;
}
