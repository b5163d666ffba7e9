// Reads the QR code printed on a PDF page as a phone would: poppler's pdftoppm draws the page
// (PPM, 200 dpi) and jsQR finds and decodes the code in the pixels.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import jsQRModule from "jsqr";

const run = promisify(execFile);
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsQR is CommonJS: its function is the default export or that export's own default, by loader. */
const jsQR: Decode = ((m: unknown) => (typeof m === "function" ? m : (m as { default: unknown }).default))(jsQRModule) as Decode;

/** The text of the QR code on `page` (1-based) of the PDF, or null when none is found. */
export async function readPdfQr(pdf: Uint8Array, page = 1): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), "rl-qr-"));
  try {
    await writeFile(join(dir, "in.pdf"), pdf);
    await run("pdftoppm", ["-r", "200", "-f", String(page), "-l", String(page), join(dir, "in.pdf"), join(dir, "page")]);
    const file = (await readdir(dir)).find((f) => f.endsWith(".ppm"));
    if (!file) return null;
    const { width, height, rgba } = parsePpm(await readFile(join(dir, file)));
    return jsQR(rgba, width, height)?.data ?? null;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A binary PPM (P6, maxval 255) as RGBA pixels. */
function parsePpm(bytes: Buffer): { width: number; height: number; rgba: Uint8ClampedArray } {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]!))) i++;
    if (bytes[i] === 0x23) {
      while (bytes[i] !== 0x0a) i++;
      continue;
    }
    let s = "";
    while (!/\s/.test(String.fromCharCode(bytes[i]!))) s += String.fromCharCode(bytes[i++]!);
    fields.push(s);
  }
  i++; // the single whitespace after maxval
  const [magic, w, h] = fields;
  if (magic !== "P6") throw new Error(`not a binary PPM: ${magic}`);
  const width = Number(w);
  const height = Number(h);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    rgba[p * 4] = bytes[i + p * 3]!;
    rgba[p * 4 + 1] = bytes[i + p * 3 + 1]!;
    rgba[p * 4 + 2] = bytes[i + p * 3 + 2]!;
    rgba[p * 4 + 3] = 255;
  }
  return { width, height, rgba };
}
