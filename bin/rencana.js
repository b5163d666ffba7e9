#!/usr/bin/env node
// The `rencana` command: runs the compiled CLI (npm run build writes dist/).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  console.error("rencana: dist/ is missing — run `npm run build` first (or `npm start`).");
  process.exit(2);
}
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
