// SVG → PNG for DOCX (LibreOffice shows only the PNG fallback of an SVG in a DOCX, so the PNG
// must be the real picture). resvg ships as a prebuilt binary inside its npm package. Its cost
// is dominated by turning text into glyph outlines, again for every character (≈0.1–0.3 ms
// each: a 500-activity Gantt would take seconds), so before handing the SVG over we replace
// each <text> of our own charts by one <path>, built from glyph outlines that fontkit reads
// once per glyph and we cache. resvg then only fills shapes.
import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import * as fontkit from "fontkit";
import { CHART_FONT, resolvePdfFontFiles, resolvePdfFontFilesAsync } from "../pdf-fonts.js";
import type { SvgPicture } from "./gantt-svg.js";

export interface PngPicture {
  png: Uint8Array;
  /** pixel size of the PNG */
  pixelWidth: number;
  pixelHeight: number;
}

interface OutlineFont {
  key: string;
  font: fontkit.Font;
  glyphs: Map<number, GlyphOutline>;
  byCodePoint: Map<number, { id: number; advance: number }>;
}

let fonts: { regular: OutlineFont; bold: OutlineFont; italic: OutlineFont } | undefined;

function openFont(key: string, path: string): OutlineFont {
  const opened = fontkit.openSync(path);
  const font = "fonts" in opened ? opened.fonts[0]! : opened;
  return { key, font, glyphs: new Map(), byCodePoint: new Map() };
}

/** Finds the chart fonts through fontconfig without blocking, so the caller can work meanwhile. */
export async function findChartFonts(): Promise<void> {
  await resolvePdfFontFilesAsync(CHART_FONT);
}

function chartFonts() {
  if (!fonts) {
    const files = resolvePdfFontFiles(CHART_FONT);
    fonts = { regular: openFont("r", files.normal), bold: openFont("b", files.bold), italic: openFont("i", files.italics) };
  }
  return fonts;
}

/**
 * A glyph outline as relative path data, so a label's path is the glyphs' cached strings
 * joined by one computed move each. Font units, y up, relative to the glyph origin.
 */
interface GlyphOutline {
  /** the first point (absolute), or null for a blank glyph */
  first: [number, number] | null;
  /** everything after the first moveTo, in relative commands */
  rest: string;
  /** the current point after the last command (absolute) */
  end: [number, number];
}

function outline(commands: fontkit.PathCommand[]): GlyphOutline {
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let first: [number, number] | null = null;
  const out: string[] = [];
  const rel = (args: number[]) => {
    const parts: string[] = [];
    for (let j = 0; j < args.length; j += 2) parts.push(`${Math.round(args[j]!) - cx} ${Math.round(args[j + 1]!) - cy}`);
    return parts.join(" ");
  };
  for (const c of commands) {
    const a = c.args;
    const endX = a.length >= 2 ? Math.round(a[a.length - 2]!) : cx;
    const endY = a.length >= 2 ? Math.round(a[a.length - 1]!) : cy;
    switch (c.command) {
      case "moveTo":
        if (first === null) first = [endX, endY];
        else out.push(`m${rel(a)}`);
        sx = endX;
        sy = endY;
        break;
      case "lineTo":
        out.push(`l${rel(a)}`);
        break;
      case "quadraticCurveTo":
        out.push(`q${rel(a)}`);
        break;
      case "bezierCurveTo":
        out.push(`c${rel(a)}`);
        break;
      case "closePath":
        out.push("z");
        cx = sx;
        cy = sy;
        continue;
    }
    cx = endX;
    cy = endY;
  }
  return { first, rest: out.join(""), end: [cx, cy] };
}

/**
 * Glyph ids and pen positions of `text` in font units. Plain cmap lookup and advance widths,
 * no shaping: chart labels are short Latin text, and full OpenType layout per label cost more
 * than the drawing.
 */
function layoutRun(f: OutlineFont, text: string) {
  const ids: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  let pen = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let glyph = f.byCodePoint.get(cp);
    if (!glyph) {
      const g = f.font.glyphForCodePoint(cp);
      glyph = { id: g.id, advance: g.advanceWidth };
      f.byCodePoint.set(cp, glyph);
      if (!f.glyphs.has(g.id)) f.glyphs.set(g.id, outline(g.path.commands));
    }
    ids.push(glyph.id);
    x.push(Math.round(pen));
    y.push(0);
    pen += glyph.advance;
  }
  return { ids, x, y, advance: pen };
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");
}

const r2 = (n: number) => (Math.round(n * 100) / 100).toString();

const TEXT_ELEMENT = /<text((?:\s+[\w:-]+="[^"]*")*)\s*>([^<]*)<\/text>/g;
const ATTRIBUTE = /([\w:-]+)="([^"]*)"/g;

/**
 * Replaces every <text> of one of our charts by one <path> of its glyph outlines (same place,
 * size and colour): the path is written in font units, shifted per glyph, and scaled into
 * place by a transform. One path per label keeps resvg's fill work per label, not per glyph.
 */
export function outlineTexts(svg: string): string {
  const f = chartFonts();
  const rootSize = Number(/<svg[^>]*\sfont-size="([\d.]+)"/.exec(svg)?.[1] ?? "12");
  return svg.replace(TEXT_ELEMENT, (_m, attrText: string, content: string) => {
    const attrs = new Map<string, string>();
    for (const a of attrText.matchAll(ATTRIBUTE)) attrs.set(a[1]!, a[2]!);
    const font = attrs.get("font-weight") === "bold" ? f.bold : attrs.get("font-style") === "italic" ? f.italic : f.regular;
    const size = Number(attrs.get("font-size") ?? rootSize);
    const run = layoutRun(font, unescapeXml(content));
    const anchor = attrs.get("text-anchor") ?? "start";
    const shift = Math.round(anchor === "middle" ? run.advance / 2 : anchor === "end" ? run.advance : 0);
    const d: string[] = [];
    let curX = 0;
    let curY = 0;
    run.ids.forEach((id, i) => {
      const g = font.glyphs.get(id);
      if (!g || g.first === null) return;
      const ox = run.x[i]! - shift;
      const fx = ox + g.first[0];
      const fy = g.first[1];
      d.push(d.length === 0 ? `M${fx} ${fy}` : `m${fx - curX} ${fy - curY}`, g.rest);
      curX = ox + g.end[0];
      curY = g.end[1];
    });
    const s = size / font.font.unitsPerEm;
    const x = Number(attrs.get("x") ?? 0);
    const y = Number(attrs.get("y") ?? 0);
    const place = `translate(${r2(x)} ${r2(y)}) scale(${s.toPrecision(6)} ${(-s).toPrecision(6)})`;
    const transform = attrs.get("transform");
    return `<path d="${d.join("") || "M0 0"}" fill="${attrs.get("fill") ?? "#000000"}" transform="${transform ? `${transform} ` : ""}${place}"/>`;
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
