#!/usr/bin/env node
// The command line, run from the compiled sources (built at install; rebuilt here if they changed).
import { runBuilt } from "../scripts/build.js";

await runBuilt("cli.js");
