#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so the installed `guildhall` needs no build step.
import { register } from "tsx/esm/api";

register();
await import(new URL("../src/cli.ts", import.meta.url).href);
