// Converts documents with a real LibreOffice (headless), as a reader's office suite would open
// them. Each call gets its own throw-away user profile so parallel calls never share (and lock)
// one, and takes several files at once because starting soffice costs seconds.
import { execFile } from "node:child_process";
import { mkdtemp, rm, access } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** CSV with raw (not "as shown") cell values, UTF-8, comma-separated: for reading totals back. */
export const CSV_RAW_VALUES = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false';

/**
 * Converts `files` to `toFormat` (e.g. "pdf", "txt:Text", CSV_RAW_VALUES) into `outDir`
 * (default: a new temporary folder) and returns the output paths in the order of `files`.
 * Throws with soffice's output when a file produced nothing.
 */
export async function convertWithLibreOffice(files: string[], toFormat: string, outDir?: string): Promise<string[]> {
  const profile = await mkdtemp(join(tmpdir(), "lo-profile-"));
  const target = outDir ?? (await mkdtemp(join(tmpdir(), "lo-out-")));
  const ext = (toFormat.split(":")[0] ?? toFormat).trim();
  try {
    const { stdout, stderr } = await run(
      "soffice",
      ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=file://${profile}`, "--convert-to", toFormat, "--outdir", target, ...files],
      { timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const outputs = files.map((f) => join(target, `${basename(f, extname(f))}.${ext}`));
    for (const out of outputs) {
      try {
        await access(out);
      } catch {
        throw new Error(`LibreOffice did not produce ${out}\nstdout: ${stdout}\nstderr: ${stderr}`);
      }
    }
    return outputs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** Text of a PDF via poppler's pdftotext (layout order, UTF-8). */
export async function pdfToText(file: string): Promise<string> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
