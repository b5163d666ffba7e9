// Tests that need an outside program (LibreOffice, Chromium, pdftotext, tj3) ask here.
// Missing on a developer's fresh machine: the test is skipped with the reason. In CI
// (REQUIRE_ALL_BACKENDS=1) a missing program is a failure, so green CI means it really ran.
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

export function findProgram(name: string): string | undefined {
  if (name.startsWith("/")) return existsSync(name) ? name : undefined;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** Returns a reason to skip, or undefined when every program is there. Throws in CI. */
export function missingPrograms(...names: string[]): string | undefined {
  const missing = names.filter((n) => !findProgram(n));
  if (missing.length === 0) return undefined;
  const reason = `not installed: ${missing.join(", ")}`;
  if (process.env.REQUIRE_ALL_BACKENDS === "1") throw new Error(`REQUIRE_ALL_BACKENDS=1 but ${reason}`);
  return reason;
}
