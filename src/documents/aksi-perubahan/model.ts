// What the PKP change-action plan (Rancangan Aksi Perubahan, indonesia.md §6) says, as data:
// identity, milestones grouped by horizon, stakeholder analysis, team. Pure (no IO); the DOCX
// and PDF writers only lay it out.
import { memberRow, orderedMembers, pageSetup, ROLE_LABELS, type PageSetup } from "../../domain/decree/model.js";
import { caps, oneLine } from "../../domain/decree/text.js";
import { formatAngka, formatRentangTanggal, formatRupiah, formatTanggal } from "../../domain/format/indonesian.js";
import type { Activity, Plan } from "../../domain/plan/schema.js";
import { HORIZONS, SERVICE_PATTERNS } from "../../domain/plan/schema.js";
import { schedulePlan, type ScheduledActivity } from "../../domain/schedule/index.js";
import { lineAmount } from "../../domain/stages/budget.js";
import { STAKEHOLDER_QUADRANT_INFO, STAKEHOLDER_QUADRANTS, stakeholderQuadrant } from "../../domain/stages/stakeholders.js";

export type Horizon = (typeof HORIZONS)[number];

export const HORIZON_LABELS: Record<Horizon, string> = {
  pendek: "Jangka Pendek",
  menengah: "Jangka Menengah",
  panjang: "Jangka Panjang",
};

const PATTERN_LABELS: Record<(typeof SERVICE_PATTERNS)[number], string> = {
  fungsional: "Fungsional",
  terpusat: "Terpusat",
  "terpadu-satu-atap": "Terpadu satu atap",
  "terpadu-satu-pintu": "Terpadu satu pintu",
  "gugus-tugas": "Gugus tugas",
};

/** Printed where a value is unknown (no schedule, no owner, no resources). */
export const NONE = "—";

export const MILESTONE_COLUMNS = ["No", "Tahapan (milestone)", "Kegiatan", "Output/bukti", "Waktu", "Penanggung jawab", "Sumber daya"] as const;
export const STAKEHOLDER_COLUMNS = ["No", "Pemangku kepentingan", "Internal/Eksternal", "Pengaruh", "Kepentingan", "Kelompok", "Strategi"] as const;
export const TEAM_COLUMNS = ["No", "Jabatan dalam Tim", "Nama/NIP", "Jabatan", "Uraian tugas"] as const;

export type ActivityRow = { name: string; output: string; time: string; owner: string; resources: string };
/** One milestone (tahapan) with the activities that lead to it. */
export type MilestoneGroup = { no: string; milestone: string; evidence?: string; target?: string; activities: ActivityRow[] };
export type HorizonSection = { horizon: Horizon | "tanpa"; heading: string; groups: MilestoneGroup[] };

export type AksiPerubahanModel = {
  page: PageSetup;
  title: string;
  subtitle: string;
  identity: Array<{ label: string; value: string }>;
  goals: string[];
  indicators: string[];
  horizons: HorizonSection[];
  /** Set when the schedule could not be computed (e.g. a dependency cycle): times show "—". */
  scheduleNote?: string;
  stakeholders: Array<{ no: string; name: string; kind: string; power: string; interest: string; group: string; strategy: string }>;
  team: Array<{ no: string; role: string; name: string; nipLine?: string; position: string; duties: string[] }>;
};

function timeText(s: ScheduledActivity | undefined): string {
  if (!s) return NONE;
  if (s.milestone || s.start === s.finish) return formatTanggal(s.milestone ? s.finish : s.start);
  return formatRentangTanggal(s.start, s.finish);
}

/** Predecessors of an activity, transitively, by id. */
function ancestors(id: string, byId: Map<string, Activity>): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const current = byId.get(stack.pop() ?? "");
    for (const d of current?.dependsOn ?? []) {
      if (!seen.has(d.activityId)) {
        seen.add(d.activityId);
        stack.push(d.activityId);
      }
    }
  }
  return seen;
}

export function aksiPerubahanModel(plan: Plan): AksiPerubahanModel {
  const result = schedulePlan(plan);
  const scheduled = new Map<string, ScheduledActivity>(result.ok ? result.schedule.activities.map((a) => [a.id, a]) : []);
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  const planIndex = new Map(plan.activities.map((a, i) => [a.id, i]));
  const members = new Map(plan.team.map((m) => [m.id, m]));
  const resources = new Map(plan.resources.map((r) => [r.id, r]));

  const owner = (a: Activity): string => {
    const m = a.ownerId ? members.get(a.ownerId) : undefined;
    return m ? `${oneLine(m.name)} (${ROLE_LABELS[m.role]})` : NONE;
  };
  const resourceText = (a: Activity): string => {
    const parts = plan.assignments
      .filter((x) => x.activityId === a.id)
      .map((x) => {
        const r = resources.get(x.resourceId);
        return r ? `${oneLine(r.name)} (${formatAngka(x.quantity, Number.isInteger(x.quantity) ? 0 : 1)} ${oneLine(r.unit)})` : "";
      })
      .filter(Boolean);
    const money = plan.budget.filter((b) => b.activityId === a.id).reduce((sum, b) => sum + lineAmount(b), 0);
    if (money > 0) parts.push(`anggaran ${formatRupiah(money)}`);
    return parts.length > 0 ? parts.join("; ") : NONE;
  };
  const row = (a: Activity): ActivityRow => ({
    name: oneLine(a.name),
    output: oneLine(a.output ?? "") || NONE,
    time: timeText(scheduled.get(a.id)),
    owner: owner(a),
    resources: resourceText(a),
  });
  // Schedule order (start, then finish), plan order when there is no schedule.
  const sortKey = (a: Activity): string => {
    const s = scheduled.get(a.id);
    return `${s?.start ?? ""}|${s?.finish ?? ""}|${String(planIndex.get(a.id) ?? 0).padStart(8, "0")}`;
  };

  const sectionFor = (horizon: Horizon | "tanpa", list: Activity[]): HorizonSection => {
    const sorted = [...list].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    const milestones = sorted.filter((a) => a.durationDays === 0);
    const work = sorted.filter((a) => a.durationDays > 0);
    const placed = new Set<string>();
    const groups: MilestoneGroup[] = [];
    for (const m of milestones) {
      const before = ancestors(m.id, byId);
      const acts = work.filter((a) => !placed.has(a.id) && before.has(a.id));
      for (const a of acts) placed.add(a.id);
      const s = scheduled.get(m.id);
      groups.push({
        no: "",
        milestone: oneLine(m.name),
        ...(oneLine(m.output ?? "") ? { evidence: oneLine(m.output ?? "") } : {}),
        ...(s ? { target: timeText(s) } : {}),
        activities: acts.map(row),
      });
    }
    // Work that leads to no milestone of its horizon: each its own step, in order.
    const rest = work.filter((a) => !placed.has(a.id));
    if (rest.length > 0) groups.push({ no: "", milestone: NONE, activities: rest.map(row) });
    groups.forEach((g, i) => (g.no = `${i + 1}.`));
    const heading = horizon === "tanpa" ? "Belum Ditentukan Jangka Waktunya" : HORIZON_LABELS[horizon];
    return { horizon, heading, groups };
  };

  const horizons: HorizonSection[] = HORIZONS.map((h) => sectionFor(h, plan.activities.filter((a) => a.horizon === h)));
  const withoutHorizon = plan.activities.filter((a) => a.horizon === undefined);
  if (withoutHorizon.length > 0) horizons.push(sectionFor("tanpa", withoutHorizon));

  const ketua = plan.team.find((m) => m.role === "ketua");
  const identity: Array<{ label: string; value: string }> = [
    { label: "Instansi", value: oneLine(plan.organization.name) },
    { label: "Unit kerja", value: oneLine(plan.organization.unit) || NONE },
    { label: "Layanan", value: oneLine(plan.service.name) || NONE },
    { label: "Pola pelayanan", value: PATTERN_LABELS[plan.service.pattern] },
    { label: "Tahun anggaran", value: String(plan.fiscalYear) },
    { label: "Ketua tim", value: ketua ? oneLine(ketua.name) : NONE },
    {
      label: "Jangka waktu",
      value: result.ok && plan.activities.length > 0 ? formatRentangTanggal(result.schedule.start, result.schedule.finish) : NONE,
    },
  ];

  const stakeholders = STAKEHOLDER_QUADRANTS.flatMap((q) => plan.stakeholders.filter((s) => stakeholderQuadrant(s) === q)).map((s, i) => {
    const info = STAKEHOLDER_QUADRANT_INFO[stakeholderQuadrant(s)];
    return {
      no: `${i + 1}.`,
      name: oneLine(s.name),
      kind: s.kind === "internal" ? "Internal" : "Eksternal",
      power: `${s.power}/5`,
      interest: `${s.interest}/5`,
      group: info.label.id,
      strategy: info.strategy.id,
    };
  });

  const team = orderedMembers(plan.team).map((m, i) => ({ ...memberRow(m, i), duties: m.duties.map(oneLine).filter(Boolean) }));

  return {
    page: pageSetup(plan),
    title: "RANCANGAN AKSI PERUBAHAN",
    subtitle: caps(oneLine(plan.title)),
    identity,
    goals: plan.direction.goals.map((g) => oneLine(g.text)).filter(Boolean),
    indicators: plan.direction.targets.map((t) => [oneLine(t.text), oneLine(t.indicator), oneLine(t.targetValue)].filter(Boolean).join(" — ")).filter(Boolean),
    horizons,
    ...(result.ok ? {} : { scheduleNote: `Jadwal belum dapat dihitung: ${result.error.message.id}` }),
    stakeholders,
    team,
  };
}
