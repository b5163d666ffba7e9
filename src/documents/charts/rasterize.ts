// SVG → PNG for DOCX (LibreOffice shows only the PNG fallback of an SVG in a DOCX, so the PNG
// must be the real picture). resvg ships as a prebuilt binary inside its npm package. Its cost
// is dominated by turning text into glyph outlines, again for every character (≈0.1–0.3 ms
// each: a 500-activity Gantt would take seconds), so before handing the SVG over we replace
// each <text> of our own charts by one <path>, built from glyph outlines that fontkit reads
// once per glyph and we cache. resvg then only fills shapes.
import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import * as fontkit from "fontkit";
import { CHART_FONT, resolvePdfFontFiles } from "../pdf-fonts.js";
import type { SvgPicture } from "./gantt-svg.js";

export interface PngPicture {
  png: Uint8Array;
  /** pixel size of the PNG */
  pixelWidth: number;
  pixelHeight: number;
}

interface OutlineFont {
  font: fontkit.Font;
  glyphs: Map<number, fontkit.PathCommand[]>;
  runs: Map<string, { ids: number[]; x: number[]; y: number[]; advance: number }>;
}

let fonts: { regular: OutlineFont; bold: OutlineFont; italic: OutlineFont } | undefined;

function openFont(path: string): OutlineFont {
  const opened = fontkit.openSync(path);
  const font = "fonts" in opened ? opened.fonts[0]! : opened;
  return { font, glyphs: new Map(), runs: new Map() };
}

function chartFonts() {
  if (!fonts) {
    const files = resolvePdfFontFiles(CHART_FONT);
    fonts = { regular: openFont(files.normal), bold: openFont(files.bold), italic: openFont(files.italics) };
  }
  return fonts;
}

/** Glyph ids and positions of `text` in font units (cached: axis labels repeat a lot). */
function layoutRun(f: OutlineFont, text: string) {
  const cached = f.runs.get(text);
  if (cached) return cached;
  const run = f.font.layout(text);
  const ids: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  let penX = 0;
  let penY = 0;
  run.glyphs.forEach((g, i) => {
    const pos = run.positions[i]!;
    if (!f.glyphs.has(g.id)) f.glyphs.set(g.id, g.path.commands);
    ids.push(g.id);
    x.push(penX + pos.xOffset);
    y.push(penY + pos.yOffset);
    penX += pos.xAdvance;
    penY += pos.yAdvance;
  });
  const result = { ids, x, y, advance: penX };
  if (f.runs.size < 5000) f.runs.set(text, result);
  return result;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");
}

const r2 = (n: number) => (Math.round(n * 100) / 100).toString();

/** Path data for `text` with its baseline origin at (x, y). */
function textPath(f: OutlineFont, text: string, x: number, y: number, size: number, anchor: string): string {
  const run = layoutRun(f, text);
  const s = size / f.font.unitsPerEm;
  const shift = anchor === "middle" ? run.advance / 2 : anchor === "end" ? run.advance : 0;
  const out: string[] = [];
  run.ids.forEach((id, i) => {
    const gx = run.x[i]! - shift;
    const gy = run.y[i]!;
    for (const c of f.glyphs.get(id) ?? []) {
      const a = c.args;
      const pt = (k: number) => `${r2(x + (gx + a[k]!) * s)} ${r2(y - (gy + a[k + 1]!) * s)}`;
      switch (c.command) {
        case "moveTo":
          out.push(`M${pt(0)}`);
          break;
        case "lineTo":
          out.push(`L${pt(0)}`);
          break;
        case "quadraticCurveTo":
          out.push(`Q${pt(0)} ${pt(2)}`);
          break;
        case "bezierCurveTo":
          out.push(`C${pt(0)} ${pt(2)} ${pt(4)}`);
          break;
        case "closePath":
          out.push("Z");
          break;
      }
    }
  });
  return out.join("");
}

const TEXT_ELEMENT = /<text((?:\s+[\w:-]+="[^"]*")*)\s*>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

/** Replaces every <text> of one of our charts by an outlined <path> (same place, size, colour). */
export function outlineTexts(svg: string): string {
  const f = chartFonts();
  const rootSize = Number(/<svg[^>]*\sfont-size="([\d.]+)"/.exec(svg)?.[1] ?? "12");
  return svg.replace(TEXT_ELEMENT, (_m, attrText: string, content: string) => {
    const attrs = new Map<string, string>();
    for (const a of attrText.matchAll(ATTRIBUTE)) attrs.set(a[1]!, a[2]!);
    const font = attrs.get("font-weight") === "bold" ? f.bold : attrs.get("font-style") === "italic" ? f.italic : f.regular;
    const size = Number(attrs.get("font-size") ?? rootSize);
    const d = textPath(font, unescapeXml(content), Number(attrs.get("x") ?? 0), Number(attrs.get("y") ?? 0), size, attrs.get("text-anchor") ?? "start");
    const transform = attrs.get("transform");
    return `<path d="${d || "M0 0"}" fill="${attrs.get("fill") ?? "#000000"}"${transform ? ` transform="${transform}"` : ""}/>`;
  });
}

function renderOptions(scale: number): ResvgRenderOptions {
  return { fitTo: { mode: "zoom", value: scale }, background: "#ffffff", font: { loadSystemFonts: false }, logLevel: "off" };
}

/** Renders `picture` at `scale` pixels per SVG unit (2 ≈ 144 dpi when 1 unit = 1 pt). */
export function svgToPng(picture: SvgPicture, scale = 2): PngPicture {
  const image = new Resvg(outlineTexts(picture.svg), renderOptions(scale)).render();
  return { png: new Uint8Array(image.asPng()), pixelWidth: image.width, pixelHeight: image.height };
}

/** The same, drawn on libuv's thread pool so several pictures render on several cores. */
export async function svgToPngAsync(picture: SvgPicture, scale = 2): Promise<PngPicture> {
  const image = await renderAsync(outlineTexts(picture.svg), renderOptions(scale));
  return { png: new Uint8Array(image.asPng()), pixelWidth: image.width, pixelHeight: image.height };
}
