#!/usr/bin/env node
// The web server (`npm start`), run from the compiled sources like the command line.
import { runBuilt } from "../scripts/build.js";

// Stack traces in the server's log point at the TypeScript sources.
process.setSourceMapsEnabled(true);
await runBuilt("main.js");
