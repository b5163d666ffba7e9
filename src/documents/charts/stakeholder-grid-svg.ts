// The stakeholder map (power × interest grid, as taught in PKP) as SVG: a pure function of the
// stakeholders' scores, shared by the plan book and the web app. Points are numbered; the
// numbers are explained in a legend beside the grid so long names never overlap.
import { HIGH_SCORE } from "../../domain/stages/stakeholders.js";
import { xmlEscape } from "../literal-text.js";
import { fitLabel, type SvgPicture } from "./gantt-svg.js";

export interface StakeholderPoint {
  id: string;
  name: string;
  /** 1..5 */
  power: number;
  /** 1..5 */
  interest: number;
  attitude?: "supportive" | "neutral" | "opposed";
}

export const ATTITUDE_COLORS = { supportive: "#2e7d32", neutral: "#616161", opposed: "#c62828" } as const;

/** The four quadrants, top-left first, with the training's names and actions. */
export const QUADRANTS = [
  { key: "latents", title: "Latents", action: "Buat tetap puas", highPower: true, highInterest: false },
  { key: "promoters", title: "Promoters", action: "Kelola dengan cermat", highPower: true, highInterest: true },
  { key: "apathetics", title: "Apathetics", action: "Pantau", highPower: false, highInterest: false },
  { key: "defenders", title: "Defenders", action: "Buat tetap terinformasi", highPower: false, highInterest: true },
] as const;

const GRID = 300;
const LEFT = 40;
const TOP = 16;
const LEGEND_X = LEFT + GRID + 20;
const LEGEND_WIDTH = 270;
const FONT_SIZE = 8;

/** Scores from this value up count as "high": the domain's rule, so points sit in their quadrant. */
export const HIGH_FROM = HIGH_SCORE;

/** Position of a score 1..5 along an axis of length GRID: low scores fill the first half, high ones the second. */
function along(score: number): number {
  const s = Math.min(5, Math.max(1, score));
  const half = GRID / 2;
  // The high half keeps 30 units free at its far end for the quadrant's title and action.
  return s < HIGH_FROM ? ((s - 0.5) / (HIGH_FROM - 1)) * half : half + 5 + ((s - HIGH_FROM + 0.5) / (6 - HIGH_FROM)) * (half - 35);
}

export function stakeholderGridSvg(points: StakeholderPoint[], fontFamily = "DejaVu Sans"): SvgPicture {
  const legendRows = points.length;
  const height = Math.max(TOP + GRID + 40, TOP + 33 + legendRows * 12 + 10);
  const width = LEGEND_X + LEGEND_WIDTH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(fontFamily)}" font-size="${FONT_SIZE}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  const half = GRID / 2;
  const fills = ["#fff4e5", "#fde7e7", "#f1f1f1", "#e8f1fb"];
  QUADRANTS.forEach((q, i) => {
    const qx = LEFT + (i % 2) * half;
    const qy = TOP + Math.floor(i / 2) * half;
    out.push(`<rect x="${qx}" y="${qy}" width="${half}" height="${half}" fill="${fills[i]}" stroke="#9e9e9e" stroke-width="0.8"/>`);
    out.push(`<text x="${qx + 6}" y="${qy + 13}" font-weight="bold" fill="#333333">${q.title}</text>`);
    out.push(`<text x="${qx + 6}" y="${qy + 24}" font-style="italic" fill="#555555">${q.action}</text>`);
  });
  // Axes.
  out.push(`<text x="${LEFT + half}" y="${TOP + GRID + 16}" text-anchor="middle" fill="#333333">Kepentingan (interest) →</text>`);
  out.push(`<text x="12" y="${TOP + half}" text-anchor="middle" fill="#333333" transform="rotate(-90 12 ${TOP + half})">Kekuasaan (power) →</text>`);
  for (let s = 1; s <= 5; s++) {
    out.push(`<text x="${LEFT + along(s)}" y="${TOP + GRID + 27}" text-anchor="middle" font-size="6.5" fill="#666666">${s}</text>`);
    out.push(`<text x="${LEFT - 6}" y="${TOP + GRID - along(s) + 2}" text-anchor="end" font-size="6.5" fill="#666666">${s}</text>`);
  }

  // Points sharing a cell are spread on a small circle so each number stays readable.
  const byCell = new Map<string, number[]>();
  points.forEach((p, i) => {
    const key = `${Math.round(p.power)}:${Math.round(p.interest)}`;
    const list = byCell.get(key);
    if (list) list.push(i);
    else byCell.set(key, [i]);
  });
  for (const indices of byCell.values()) {
    const n = indices.length;
    const radius = n === 1 ? 0 : Math.min(24, 7 + n * 1.5);
    indices.forEach((pointIndex, k) => {
      const p = points[pointIndex]!;
      const angle = (2 * Math.PI * k) / n - Math.PI / 2;
      const cx = LEFT + along(p.interest) + radius * Math.cos(angle);
      const cy = TOP + GRID - along(p.power) + radius * Math.sin(angle);
      const color = ATTITUDE_COLORS[p.attitude ?? "neutral"];
      out.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="6.5" fill="${color}"/>`);
      out.push(`<text x="${cx.toFixed(1)}" y="${(cy + 2.8).toFixed(1)}" text-anchor="middle" font-size="7" font-weight="bold" fill="#ffffff">${pointIndex + 1}</text>`);
    });
  }

  // Legend: number, name, scores.
  out.push(`<text x="${LEGEND_X}" y="${TOP + 8}" font-weight="bold" fill="#333333">Pemangku kepentingan</text>`);
  out.push(`<text x="${LEGEND_X}" y="${TOP + 19}" font-size="7" fill="#555555">K = kekuasaan (power), P = kepentingan (interest)</text>`);
  points.forEach((p, i) => {
    const y = TOP + 33 + i * 12;
    const color = ATTITUDE_COLORS[p.attitude ?? "neutral"];
    out.push(`<circle cx="${LEGEND_X + 5}" cy="${y - 3}" r="4.5" fill="${color}"/>`);
    out.push(`<text x="${LEGEND_X + 5}" y="${y - 0.8}" text-anchor="middle" font-size="6" fill="#ffffff">${i + 1}</text>`);
    const label = fitLabel(`${p.name} (K${p.power}, P${p.interest})`, LEGEND_WIDTH - 16, FONT_SIZE);
    out.push(`<text x="${LEGEND_X + 14}" y="${y}" fill="#1a1a1a">${xmlEscape(label)}</text>`);
  });
  out.push("</svg>");
  return { svg: out.join(""), width, height };
}
