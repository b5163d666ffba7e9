// The citizens' side of a service, pure: what the public page shows of an adopted standard (the
// penyampaian components, the maklumat, the unit's address and hours — nothing else of the plan),
// the complaint and SKM vocabularies, a complaint's deadline in working days, and the findings
// that close the loop (an unsur below Baik, a complaint past its deadline) with the improvement
// activity each proposes. Shared by the server, the public page, the web app and the documents.
import type { Finding } from "../findings.js";
import type { Bilingual } from "../messages.js";
import type { Activity, Plan } from "../plan/schema.js";
import { buildWorkingCalendar } from "../schedule/calendar.js";
import { findingsFor } from "../stages/finding.js";
import { oneLine } from "../decree/text.js";
import { formatTanggal } from "../format/indonesian.js";
import { componentLines } from "./documents.js";
import { KINERJA, UNSUR, type Mutu, type UnsurCode, type UnsurStanding } from "./ikm.js";
import { COMPONENTS } from "./standard-schema.js";
import { MAKLUMAT_TEXT, maklumatSigner, prefilledStandard, serviceSlug } from "./standard.js";

/** Working days to answer a complaint when the standard names none. */
export const DEFAULT_COMPLAINT_DAYS = 14;

/** What a published page shows: the public part of the adopted standard, copied at publication. */
export type PublicService = {
  slug: string;
  service: string;
  organization: string;
  unit: string;
  address: string;
  hours: string;
  components: { no: number; label: string; lines: string[] }[];
  maklumat: { text: string; place: string; date: string; position: string; name: string };
  adoption: { date: string; number: string };
  /** Working days within which a complaint is answered. */
  complaintDays: number;
};

/** The public page's content for an adopted standard (the caller checks adoption). */
export function publicService(plan: Plan, slug = serviceSlug(plan)): PublicService {
  const s = prefilledStandard(plan);
  const signer = maklumatSigner(plan);
  const adoption = plan.serviceStandard?.process?.adoption;
  const org = plan.organization;
  return {
    slug,
    service: oneLine(plan.service.name) || oneLine(plan.title),
    organization: oneLine(org.name),
    unit: oneLine(org.unit ?? ""),
    address: oneLine(org.address ?? "") || oneLine(s.complaints?.address ?? ""),
    hours: oneLine(s.serviceHours ?? ""),
    components: COMPONENTS.filter((c) => c.group === "penyampaian").map((c) => ({ no: c.no, label: c.label.id, lines: componentLines(s, c.key) })),
    maklumat: {
      text: MAKLUMAT_TEXT,
      place: oneLine(plan.decree.place ?? ""),
      date: adoption?.date ? formatTanggal(adoption.date) : "",
      position: oneLine(signer.position),
      name: oneLine(signer.name),
    },
    adoption: { date: adoption?.date ?? "", number: oneLine(adoption?.number ?? "") },
    complaintDays: s.complaints?.responseDays ?? DEFAULT_COMPLAINT_DAYS,
  };
}

export const COMPLAINT_KINDS = ["pengaduan", "saran", "masukan"] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, Bilingual> = {
  pengaduan: { id: "Pengaduan", en: "Complaint" },
  saran: { id: "Saran", en: "Suggestion" },
  masukan: { id: "Masukan", en: "Input" },
};

export const COMPLAINT_STATUSES = ["diterima", "diproses", "dijawab"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, Bilingual> = {
  diterima: { id: "Diterima", en: "Received" },
  diproses: { id: "Sedang diproses", en: "In process" },
  dijawab: { id: "Dijawab", en: "Answered" },
};

/** The respondent's profile as Permenpan RB 14/2017 lists it; every item optional. */
export const GENDERS = ["L", "P"] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { L: "Laki-laki", P: "Perempuan" };
export const EDUCATIONS = ["SD", "SMP", "SMA", "D1-D3", "D4", "S1", "S2", "S3"] as const;
export const OCCUPATIONS = ["PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"] as const;
export const AGE_RANGE = { min: 10, max: 120 } as const;

/** Text limits of the public forms (characters). */
export const PUBLIC_LIMITS = { body: 2_000, name: 100, contact: 200, suggestion: 1_000 } as const;

/** The working calendar of the public side: Monday–Friday with the national holidays. */
const OFFICE_CALENDAR = { workWeek: [1, 2, 3, 4, 5], nationalHolidays: true, holidays: [], workingDays: [] } satisfies Plan["calendar"];

/** The last day to answer a complaint received on `receivedOn`: that many working days later. */
export function complaintDueOn(receivedOn: string, days: number): string {
  const year = Number(receivedOn.slice(0, 4));
  const calendar = buildWorkingCalendar({ calendar: OFFICE_CALENDAR, start: receivedOn }, year, year + 1);
  return calendar.addWorkingDays(receivedOn, days);
}

/** A complaint as the unit sees it, for the loop's findings. */
export type ComplaintDue = { code: string; kind: ComplaintKind; status: ComplaintStatus; dueOn: string };

export function isOverdue(c: Pick<ComplaintDue, "status" | "dueOn">, today: string): boolean {
  return c.status !== "dijawab" && c.dueOn < today;
}

/** Below Baik: mutu C or D. */
export function belowBaik(mutu: Mutu): boolean {
  return mutu === "C" || mutu === "D";
}

const nrrText = (n: number) => n.toFixed(2).replace(".", ",");

/**
 * Closing the loop: each unsur below Baik in the period and each complaint past its deadline
 * becomes a finding on the plan (stage standar-pelayanan, ref = the unsur code or the tracking code).
 */
export function citizenFindings(standings: readonly UnsurStanding[], complaints: readonly ComplaintDue[], today: string, period: string): Finding[] {
  const { out, add } = findingsFor("standar-pelayanan");
  for (const u of standings) {
    if (!belowBaik(u.mutu)) continue;
    add("warning", "skm.unsur.below_baik", "serviceStandard", {
      id: `SKM ${period}: unsur ${u.code} "${u.name}" bernilai ${nrrText(u.value)} (mutu ${u.mutu}, ${KINERJA[u.mutu]}); perlu kegiatan perbaikan`,
      en: `SKM ${period}: element ${u.code} "${u.name}" scores ${u.value.toFixed(2)} (grade ${u.mutu}, ${KINERJA[u.mutu]}); needs an improvement activity`,
    }, u.code);
  }
  for (const c of complaints) {
    if (!isOverdue(c, today)) continue;
    add("warning", "complaint.overdue", "serviceStandard.complaints", {
      id: `${COMPLAINT_KIND_LABELS[c.kind].id} ${c.code} belum dijawab melewati batas ${formatTanggal(c.dueOn)}`,
      en: `${COMPLAINT_KIND_LABELS[c.kind].en} ${c.code} is unanswered past its deadline ${c.dueOn}`,
    }, c.code);
  }
  return out;
}

/** A free activity id of the form `perbaikan-N`. */
function freeId(plan: Plan, stem: string): string {
  const taken = new Set(plan.activities.map((a) => a.id));
  for (let n = 1; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** The improvement activity a citizen finding proposes (added to the plan through the normal edit path). */
export function improvementActivity(plan: Plan, finding: Pick<Finding, "code" | "ref">): Activity {
  const unsur = UNSUR.find((u) => u.code === (finding.ref as UnsurCode));
  if (finding.code === "skm.unsur.below_baik" && unsur) {
    return {
      id: freeId(plan, "perbaikan-skm"),
      name: `Perbaikan unsur ${unsur.name.toLowerCase()} (SKM)`,
      output: `Nilai unsur ${unsur.name.toLowerCase()} pada SKM berikutnya sekurang-kurangnya Baik`,
      durationDays: 10,
      dependsOn: [],
    };
  }
  return {
    id: freeId(plan, "perbaikan-pengaduan"),
    name: `Penyelesaian pengaduan ${finding.ref ?? ""} dan perbaikan penanganan pengaduan`.replace(/\s+/g, " "),
    output: "Pengaduan terjawab dan penanganan pengaduan dijawab tepat waktu",
    durationDays: 5,
    dependsOn: [],
  };
}
