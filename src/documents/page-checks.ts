// Page-level checks of a rendered document, as a reviewer reads it: the PDF (native, or a DOCX
// converted by LibreOffice) is split into pages by pdftotext. Test-only (imported by *.test.ts).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { squash } from "./test-plans.js";

const run = promisify(execFile);

/** The pages of a PDF as text, in layout mode (lines as printed). */
export async function pdfPages(file: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** Index of the first page (from `from`) whose text contains `needle` (spacing ignored), or -1. */
export function pageWith(pages: readonly string[], needle: string, from = 0): number {
  const n = squash(needle);
  for (let i = from; i < pages.length; i++) if (squash(pages[i] ?? "").includes(n)) return i;
  return -1;
}

/** Index of the last page whose text contains `needle`, or -1. */
export function lastPageWith(pages: readonly string[], needle: string): number {
  const n = squash(needle);
  for (let i = pages.length - 1; i >= 0; i--) if (squash(pages[i] ?? "").includes(n)) return i;
  return -1;
}

/** Whether some single printed line holds `token` whole (spacing inside it ignored). */
export function onOneLine(text: string, token: string): boolean {
  const t = squash(token);
  return text.split("\n").some((line) => squash(line).includes(t));
}

/** The parts of `parts` that are not on page `page` (spacing ignored). */
export function missingOnPage(pages: readonly string[], page: number, parts: readonly string[]): string[] {
  const hay = squash(pages[page] ?? "");
  return parts.filter((p) => !hay.includes(squash(p)));
}
