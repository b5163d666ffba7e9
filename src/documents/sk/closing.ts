// What the decree's last page can hold: the last dictum, the signature block and the Tembusan
// are kept on one page when together they fit (both writers ask the same question).
import type { DecreeModel, Point } from "../../domain/decree/model.js";
import { COPY_LABEL_MM, estimatedLines, linesPerPage, SK_COLUMNS_MM, textWidthMm } from "./layout.js";

function pointLines(points: readonly Point[], widthMm: number, size: number): number {
  return points.reduce((n, p) => n + estimatedLines(p.text, widthMm, size) + pointLines(p.subpoints ?? [], widthMm - 8, size), 0);
}

export function closingFits(m: DecreeModel): { dictum: boolean; copies: boolean } {
  const width = textWidthMm(m.page);
  const size = m.page.fontSizePt;
  const page = linesPerPage(m.page);
  const last = m.dictums[m.dictums.length - 1];
  const dictum = last ? estimatedLines(last.text, width - SK_COLUMNS_MM.content, size) + pointLines(last.points ?? [], width - SK_COLUMNS_MM.pointText, size) : 0;
  const s = m.signature;
  const half = width / 2;
  const signature =
    3 + [s.placeLine, s.dateLine, ...s.officeLines, s.name, s.rank ?? "", s.nipLine ?? ""].reduce((n, l) => n + (l ? estimatedLines(l, half, size) : 0), 0) + 4;
  const copies = m.copiesTo.items.length === 0 ? 0 : 2 + m.copiesTo.items.reduce((n, i) => n + estimatedLines(i.text, width - COPY_LABEL_MM, size), 0);
  // Leave room for the lines above that share the page and for our estimate's error.
  const room = Math.floor(page * 0.85);
  return { dictum: dictum + signature <= room, copies: dictum + signature + copies <= room };
}
