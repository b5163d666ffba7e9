// Fonts for pdfmake, found on this machine through fontconfig. A document names a font the way
// an office does ("Bookman Old Style", "Arial"); fontconfig maps it to what is installed
// (Debian: URW Bookman from fonts-urw-base35, Liberation Sans for Arial) and we register the
// four styles with pdfmake once per family. pdfmake is a process-wide singleton, so every
// PDF renderer (SK, plan book, …) goes through here.
import { execFile, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import pdfmake from "pdfmake";

export const DEFAULT_DOCUMENT_FONT = "Bookman Old Style";

export interface PdfFontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

const STYLES: Record<keyof PdfFontFiles, string> = {
  normal: "",
  bold: ":weight=bold",
  italics: ":slant=italic",
  bolditalics: ":weight=bold:slant=italic",
};

/** Last resort when fontconfig is missing or finds nothing pdfkit can embed. */
const FALLBACK_FILES: PdfFontFiles = {
  normal: "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
  bold: "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
  italics: "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
  bolditalics: "/usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf",
};

const resolved = new Map<string, PdfFontFiles>();
const registered = new Set<string>();

/** Font family names come from user settings: keep only what fontconfig's pattern syntax can't misread. */
function cleanFamily(family: string): string {
  const cleaned = family.replace(/[^\p{L}\p{N} ._-]/gu, "").trim().slice(0, 100);
  return cleaned === "" ? DEFAULT_DOCUMENT_FONT : cleaned;
}

function fcMatch(args: string[]): string[] {
  try {
    return execFileSync("fc-match", args, { encoding: "utf8", timeout: 10_000 }).split("\n");
  } catch {
    return [];
  }
}

// pdfkit embeds TrueType and OpenType (CFF) but not Type 1.
const embeddable = (f: string) => /\.(ttf|otf)$/i.test(f) && existsSync(f);

function matchFile(pattern: string): string | undefined {
  // The best match is usually embeddable; the sorted list (slow: it ranks every font) only when not.
  const best = fcMatch(["-f", "%{file}", pattern])[0];
  if (best !== undefined && embeddable(best)) return best;
  return fcMatch(["-s", "-f", "%{file}\n", pattern]).find(embeddable);
}

/** The four font files for a family name, resolved through fontconfig (cached). */
export function resolvePdfFontFiles(family: string): PdfFontFiles {
  const name = cleanFamily(family);
  const cached = resolved.get(name);
  if (cached) return cached;
  const files = { ...FALLBACK_FILES };
  for (const style of Object.keys(STYLES) as (keyof PdfFontFiles)[]) {
    const file = matchFile(`${name}${STYLES[style]}`);
    if (file) files[style] = file;
  }
  resolved.set(name, files);
  return files;
}

function fcMatchAsync(args: string[]): Promise<string[]> {
  return new Promise((resolve) => {
    execFile("fc-match", args, { encoding: "utf8", timeout: 10_000 }, (error, stdout) => resolve(error ? [] : stdout.split("\n")));
  });
}

async function matchFileAsync(pattern: string): Promise<string | undefined> {
  const best = (await fcMatchAsync(["-f", "%{file}", pattern]))[0];
  if (best !== undefined && embeddable(best)) return best;
  return (await fcMatchAsync(["-s", "-f", "%{file}\n", pattern])).find(embeddable);
}

/**
 * resolvePdfFontFiles without blocking the thread: the lookups run side by side in child
 * processes (≈ 25 ms each), so a renderer can start them and build its content meanwhile.
 */
export async function resolvePdfFontFilesAsync(family: string): Promise<PdfFontFiles> {
  const name = cleanFamily(family);
  const cached = resolved.get(name);
  if (cached) return cached;
  const styles = Object.keys(STYLES) as (keyof PdfFontFiles)[];
  const found = await Promise.all(styles.map((style) => matchFileAsync(`${name}${STYLES[style]}`)));
  const files = { ...FALLBACK_FILES };
  styles.forEach((style, i) => {
    const file = found[i];
    if (file) files[style] = file;
  });
  // A synchronous lookup may have finished first: keep one answer.
  const settled = resolved.get(name) ?? files;
  resolved.set(name, settled);
  return settled;
}

function fontDirectories(): string[] {
  return [...resolved.values()].flatMap((f) => Object.values(f).map((p) => p.slice(0, p.lastIndexOf("/") + 1)));
}

/**
 * Registers `family` with pdfmake (once) and returns the name to use as `font` in a document
 * definition. Also locks pdfmake down: no URL fetching and local reads only from font folders,
 * because document content is user text.
 */
export function usePdfFont(family: string | undefined): string {
  const name = cleanFamily(family ?? DEFAULT_DOCUMENT_FONT);
  if (!registered.has(name)) {
    pdfmake.addFonts({ [name]: { ...resolvePdfFontFiles(name) } });
    registered.add(name);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path: string) => fontDirectories().some((dir) => path.startsWith(dir)));
  }
  return name;
}

/** Sans font for charts and dense tables. */
export const CHART_FONT = "DejaVu Sans";
