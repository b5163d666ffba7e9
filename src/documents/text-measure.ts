// How wide a line of text is in the font the PDF embeds (fontkit reads the same file pdfkit
// does). The DOCX writers use it too: Word and LibreOffice substitute a metric-similar font, and
// the callers leave a margin for the difference.
import * as fontkit from "fontkit";
import { resolvePdfFontFiles } from "./pdf-fonts.js";

const opened = new Map<string, fontkit.Font>();

export function openFontFile(path: string): fontkit.Font {
  let font = opened.get(path);
  if (!font) {
    const file = fontkit.openSync(path);
    font = "fonts" in file ? file.fonts[0]! : file;
    opened.set(path, font);
  }
  return font;
}

/** Width in points of `text` set on one line in `family` at `sizePt`. */
export function textWidthPt(text: string, family: string, sizePt: number, bold = false): number {
  const files = resolvePdfFontFiles(family);
  const font = openFontFile(bold ? files.bold : files.normal);
  const run = font.layout(text);
  const units = run.positions.reduce((sum, p) => sum + p.xAdvance, 0);
  return (units / font.unitsPerEm) * sizePt;
}
