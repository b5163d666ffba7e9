// The service procedure (standar pelayanan, component 3) as a flowchart: start, one box per step
// in order (its actor and time beside it), finish, joined by arrows. A pure SVG function, so the
// Keputusan's lampiran and a screen can draw the same picture.
import { formatDuration } from "../../domain/service/standard.js";
import type { ServiceStandard } from "../../domain/service/standard-schema.js";
import { xmlEscape } from "../literal-text.js";
import type { SvgPicture } from "./gantt-svg.js";

const WIDTH = 420;
const BOX_X = 20;
const BOX_WIDTH = 250;
const NOTE_X = BOX_X + BOX_WIDTH + 12;
const NOTE_WIDTH = WIDTH - NOTE_X;
const FONT = 8;
const LINE = 10;
const GAP = 18;
const TERMINAL_HEIGHT = 20;

/** Greedy word wrap at about 0.55 em per character. */
export function wrapWords(text: string, width: number, fontSize = FONT): string[] {
  const max = Math.max(8, Math.floor(width / (fontSize * 0.55)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    if (!word) continue;
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > max ? `${word.slice(0, max - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

function textLines(lines: string[], x: number, y: number, anchor: "middle" | "start"): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + i * LINE}" font-size="${FONT}" text-anchor="${anchor}">${xmlEscape(l)}</text>`).join("");
}

function arrow(cx: number, y1: number, y2: number): string {
  return `<line x1="${cx}" y1="${y1}" x2="${cx}" y2="${y2 - 4}" stroke="#000" stroke-width="0.8"/><path d="M${cx - 3},${y2 - 5} L${cx + 3},${y2 - 5} L${cx},${y2} Z" fill="#000"/>`;
}

export function procedureFlowchartSvg(procedure: ServiceStandard["procedure"]): SvgPicture {
  const cx = BOX_X + BOX_WIDTH / 2;
  const parts: string[] = [];
  let y = 4;
  const terminal = (label: string) => {
    parts.push(`<rect x="${cx - 45}" y="${y}" width="90" height="${TERMINAL_HEIGHT}" rx="10" fill="#fff" stroke="#000" stroke-width="0.8"/>`);
    parts.push(textLines([label], cx, y + 13, "middle"));
    y += TERMINAL_HEIGHT;
  };
  terminal("Mulai");
  procedure.forEach((step, i) => {
    parts.push(arrow(cx, y, y + GAP));
    y += GAP;
    const lines = wrapWords(`${i + 1}. ${step.text}`, BOX_WIDTH - 12);
    const notes = [step.actor ?? "", formatDuration(step.duration)].filter((s) => s.trim() !== "").flatMap((s) => wrapWords(s, NOTE_WIDTH));
    const height = Math.max(lines.length, notes.length) * LINE + 10;
    parts.push(`<rect x="${BOX_X}" y="${y}" width="${BOX_WIDTH}" height="${height}" fill="#fff" stroke="#000" stroke-width="0.8"/>`);
    parts.push(textLines(lines, BOX_X + 6, y + 13, "start"));
    if (notes.length > 0) parts.push(`<g fill="#444">${textLines(notes, NOTE_X, y + 13, "start")}</g>`);
    y += height;
  });
  parts.push(arrow(cx, y, y + GAP));
  y += GAP;
  terminal("Selesai");
  const height = y + 4;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">${parts.join("")}</svg>`;
  return { svg, width: WIDTH, height };
}
