// No character is dropped from a PDF. pdfkit sets each piece of text in exactly one font, and a
// book face has no Arabic, Hebrew or emoji glyphs, so before rendering we walk the document
// definition and cut every text into runs: what the document font can draw stays in it, the
// rest goes to the first font of FALLBACK_FAMILIES that has the glyph (Debian packages
// fonts-noto-core, fonts-symbola, fonts-dejavu-core; installed by .ci/run, named in README).
// The text itself is never changed; a character no font has is still written (as .notdef), so
// copying text out of the PDF gives it back.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { resolvePdfFontFiles, usePdfFont } from "./pdf-fonts.js";
import { openFontFile } from "./text-measure.js";

/** The fallback chain, in order. */
export const FALLBACK_FAMILIES = ["Noto Sans", "Noto Naskh Arabic", "Noto Sans Hebrew", "Noto Sans Symbols", "Symbola", "DejaVu Sans"] as const;

type Font = ReturnType<typeof openFontFile>;

const fontsOf = new Map<string, Font | null>();
function fontOf(family: string): Font | null {
  if (!fontsOf.has(family)) {
    let font: Font | null = null;
    try {
      font = openFontFile(resolvePdfFontFiles(family).normal);
    } catch {
      font = null;
    }
    fontsOf.set(family, font);
  }
  return fontsOf.get(family) ?? null;
}

/** Characters that belong to the run before them (joiners, variation selectors, combining marks, skin tones). */
const ATTACHED = /^[\u200C\u200D\uFE00-\uFE0F\u{E0020}-\u{E007F}\u{1F3FB}-\u{1F3FF}\p{M}]$/u;

const chosen = new Map<string, string>();

/** The family to set `ch` in: the document's font when it has the glyph, else the first fallback that does. */
function familyFor(ch: string, base: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x250 || /\s/.test(ch)) return base; // Latin (URW Bookman, Liberation and DejaVu all cover it)
  const key = `${base}\u0000${ch}`;
  const known = chosen.get(key);
  if (known) return known;
  let family = base;
  if (!fontOf(base)?.hasGlyphForCodePoint(cp)) {
    family = FALLBACK_FAMILIES.find((f) => fontOf(f)?.hasGlyphForCodePoint(cp)) ?? base;
  }
  chosen.set(key, family);
  return family;
}

type Piece = { text: string; font?: string } & Record<string, unknown>;

/** Right-to-left scripts: fontkit orders a run's glyphs right to left only when it gets the run whole. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
/** A longer right-to-left run is left to wrap (its words then read left to right). */
const RTL_WHOLE_MAX = 200;

type Run = { text: string; family: string; whole?: boolean };

/** `text` cut into runs of one font each; undefined when the document font draws all of it. */
function runs(text: string, base: string): Run[] | undefined {
  // Fast path: Latin text.
  if (!/[^\u0000-\u024F]/u.test(text)) return undefined;
  const out: Run[] = [];
  for (const ch of text) {
    const last = out[out.length - 1];
    const family = last && (ATTACHED.test(ch) || /\s/.test(ch)) ? last.family : familyFor(ch, base);
    if (last && last.family === family) last.text += ch;
    else out.push({ text: ch, family });
  }
  if (out.length === 1 && out[0]?.family === base) return undefined;
  // A right-to-left run (words and the spaces between them) is handed over whole, without the
  // spaces after it, so it is laid out right to left as one piece and never spaced apart.
  return out.flatMap((r): Run[] => {
    if (!RTL.test(r.text)) return [r];
    const body = r.text.trimEnd();
    const tail = r.text.slice(body.length);
    const head: Run = { text: body, family: r.family, ...(body.length <= RTL_WHOLE_MAX ? { whole: true } : {}) };
    return tail ? [head, { text: tail, family: base }] : [head];
  });
}

function splitPiece(piece: Piece, base: string): Piece[] {
  const font = typeof piece.font === "string" ? piece.font : base;
  const r = runs(piece.text, font);
  if (!r) return [piece];
  return r.map((x) => ({ ...piece, ...asPiece(x, font) }));
}

function asPiece(x: Run, base: string): Piece {
  return { text: x.text, ...(x.family === base ? {} : { font: usePdfFont(x.family) }), ...(x.whole ? { noWrap: true } : {}) };
}

function splitText(text: unknown, base: string): unknown {
  if (typeof text === "string") {
    const r = runs(text, base);
    return r ? r.map((x) => asPiece(x, base)) : text;
  }
  if (Array.isArray(text)) {
    return text.flatMap((t: unknown) => {
      if (typeof t === "string") {
        const s = splitText(t, base);
        return Array.isArray(s) ? s : [s];
      }
      if (t && typeof t === "object" && typeof (t as Piece).text === "string") return splitPiece(t as Piece, base);
      if (t && typeof t === "object" && "text" in t) return [{ ...(t as object), text: splitText((t as { text: unknown }).text, (t as Piece).font ?? base) }];
      return [t];
    });
  }
  return text;
}

const CHILD_KEYS = ["stack", "columns", "ul", "ol"] as const;

function walk(node: unknown, base: string): unknown {
  if (typeof node === "string") {
    const s = splitText(node, base);
    return s === node ? node : { text: s };
  }
  if (Array.isArray(node)) return node.map((n) => walk(n, base));
  if (!node || typeof node !== "object") return node;
  const n = { ...(node as Record<string, unknown>) };
  const font = typeof n.font === "string" ? n.font : base;
  if ("text" in n) n.text = splitText(n.text, font);
  for (const key of CHILD_KEYS) if (key in n) n[key] = walk(n[key], font);
  if (n.table && typeof n.table === "object") {
    const table = { ...(n.table as Record<string, unknown>) };
    if (Array.isArray(table.body)) table.body = table.body.map((row: unknown) => (Array.isArray(row) ? row.map((c) => walk(c, font)) : row));
    n.table = table;
  }
  return n;
}

type Dynamic = (...args: never[]) => unknown;

/** The definition with every text split into runs its fonts can draw (see the file comment). */
export function withFallbackFonts(definition: TDocumentDefinitions): TDocumentDefinitions {
  const base = (definition.defaultStyle as { font?: string } | undefined)?.font ?? "Roboto";
  const dynamic = (f: unknown) =>
    typeof f === "function" ? (...args: unknown[]) => walk((f as (...a: unknown[]) => unknown)(...args), base) : walk(f, base);
  return {
    ...definition,
    content: walk(definition.content, base) as Content,
    ...(definition.header ? { header: dynamic(definition.header) as Dynamic as TDocumentDefinitions["header"] } : {}),
    ...(definition.footer ? { footer: dynamic(definition.footer) as Dynamic as TDocumentDefinitions["footer"] } : {}),
  };
}
