// What a person calls a place in the plan: "Kelompok sasaran «Lansia» — Jumlah (orang)"
// instead of "targetGroups[2].size", and item names instead of ids ("k-81lis") in messages.
// Used for local validation errors, the server's field errors and findings alike.
import type { Lang } from "../../../src/domain/messages.js";
import type { Plan } from "../../../src/domain/plan/schema.js";

type Words = { id: string; en: string };

/** The lists of the plan: what one item is called, and which of its fields names it. */
const LISTS: Record<string, Words> = {
  targetGroups: { id: "Kelompok sasaran", en: "Target group" },
  factors: { id: "Faktor SWOT", en: "SWOT factor" },
  strategies: { id: "Strategi TOWS", en: "TOWS strategy" },
  assumptions: { id: "Asumsi", en: "Assumption" },
  goals: { id: "Tujuan", en: "Goal" },
  targets: { id: "Sasaran", en: "Target" },
  programs: { id: "Program", en: "Program" },
  missions: { id: "Misi", en: "Mission" },
  policies: { id: "Kebijakan", en: "Policy" },
  activities: { id: "Kegiatan", en: "Activity" },
  dependsOn: { id: "Pendahulu", en: "Predecessor" },
  resources: { id: "Sumber daya", en: "Resource" },
  assignments: { id: "Penugasan", en: "Assignment" },
  budget: { id: "Baris RAB", en: "Budget line" },
  mobilization: { id: "Mobilisasi", en: "Mobilisation" },
  team: { id: "Anggota tim", en: "Team member" },
  stakeholders: { id: "Pemangku kepentingan", en: "Stakeholder" },
  communication: { id: "Rencana komunikasi", en: "Communication plan" },
  holidays: { id: "Hari libur", en: "Holiday" },
  nationalHolidays: { id: "Libur nasional", en: "National holiday" },
  workingDays: { id: "Hari kerja tambahan", en: "Extra working day" },
  considerations: { id: "Menimbang", en: "Considerations" },
  legalBases: { id: "Mengingat", en: "Legal bases" },
  dictums: { id: "Diktum", en: "Dictum" },
  copiesTo: { id: "Tembusan", en: "Copies to" },
};

const FIELDS: Record<string, Words> = {
  title: { id: "Judul rencana", en: "Plan title" },
  fiscalYear: { id: "Tahun anggaran", en: "Fiscal year" },
  organization: { id: "Instansi", en: "Organisation" },
  service: { id: "Layanan", en: "Service" },
  analysis: { id: "Analisis", en: "Analysis" },
  direction: { id: "Arah kegiatan", en: "Direction" },
  calendar: { id: "Kalender kerja", en: "Working calendar" },
  decree: { id: "Surat Keputusan", en: "Decree" },
  signatory: { id: "Penandatangan", en: "Signatory" },
  name: { id: "Nama", en: "Name" },
  unit: { id: "Satuan", en: "Unit" },
  size: { id: "Jumlah (orang)", en: "Size (people)" },
  area: { id: "Wilayah", en: "Area" },
  needs: { id: "Kebutuhan", en: "Needs" },
  text: { id: "Uraian", en: "Text" },
  weight: { id: "Bobot", en: "Weight" },
  rating: { id: "Rating", en: "Rating" },
  vision: { id: "Visi", en: "Vision" },
  indicator: { id: "Indikator", en: "Indicator" },
  targetValue: { id: "Target", en: "Target value" },
  output: { id: "Keluaran", en: "Output" },
  durationDays: { id: "Durasi (hari kerja)", en: "Duration (working days)" },
  lagDays: { id: "Jeda (hari)", en: "Lag (days)" },
  type: { id: "Jenis hubungan", en: "Link type" },
  activityId: { id: "Kegiatan", en: "Activity" },
  resourceId: { id: "Sumber daya", en: "Resource" },
  stakeholderId: { id: "Pemangku kepentingan", en: "Stakeholder" },
  ownerId: { id: "Penanggung jawab", en: "Person in charge" },
  targetId: { id: "Sasaran", en: "Target" },
  goalId: { id: "Tujuan", en: "Goal" },
  programId: { id: "Program", en: "Program" },
  notBefore: { id: "Mulai paling cepat", en: "Start no earlier than" },
  start: { id: "Tanggal mulai", en: "Start date" },
  available: { id: "Tersedia", en: "Available" },
  quantity: { id: "Jumlah per hari", en: "Quantity per day" },
  item: { id: "Uraian", en: "Item" },
  volume: { id: "Volume", en: "Volume" },
  unitPrice: { id: "Harga satuan", en: "Unit price" },
  taxPercent: { id: "Pajak (%)", en: "Tax (%)" },
  account: { id: "Kode rekening", en: "Account" },
  source: { id: "Sumber dana", en: "Funding source" },
  partner: { id: "Mitra", en: "Partner" },
  value: { id: "Nilai", en: "Value" },
  dueDate: { id: "Tenggat", en: "Due date" },
  nip: { id: "NIP", en: "NIP" },
  rank: { id: "Pangkat/golongan", en: "Rank" },
  position: { id: "Jabatan", en: "Position" },
  role: { id: "Peran dalam tim", en: "Team role" },
  duties: { id: "Uraian tugas", en: "Duties" },
  power: { id: "Kekuasaan", en: "Power" },
  interest: { id: "Kepentingan", en: "Interest" },
  notes: { id: "Catatan", en: "Notes" },
  objective: { id: "Tujuan komunikasi", en: "Objective" },
  message: { id: "Pesan", en: "Message" },
  channel: { id: "Saluran", en: "Channel" },
  frequency: { id: "Frekuensi", en: "Frequency" },
  issuerTitle: { id: "Jabatan yang menetapkan", en: "Issuing office" },
  subject: { id: "Tentang", en: "Subject" },
  number: { id: "Nomor", en: "Number" },
  place: { id: "Tempat penetapan", en: "Place" },
  date: { id: "Tanggal", en: "Date" },
  pattern: { id: "Pola pelayanan", en: "Service pattern" },
  description: { id: "Uraian", en: "Description" },
};

function parse(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function itemName(item: unknown): string | undefined {
  if (typeof item === "string") return item;
  if (!item || typeof item !== "object") return undefined;
  const o = item as Record<string, unknown>;
  for (const k of ["name", "item", "partner", "text", "title", "objective"]) if (typeof o[k] === "string" && o[k]) return o[k] as string;
  return undefined;
}

function short(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

function humanize(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "targetGroups[2].size" → "Kelompok sasaran «Lansia» — Jumlah (orang)". Never the raw path. */
export function describePath(plan: Plan, path: string, lang: Lang): string {
  const segs = parse(path);
  const parts: string[] = [];
  let cur: unknown = plan;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const next = segs[i + 1];
    const node = cur && typeof cur === "object" ? (cur as Record<string | number, unknown>)[seg] : undefined;
    if (typeof seg === "string" && typeof next === "number") {
      // A list item: its kind and its name (or its number when it has none).
      const list = LISTS[seg] ?? FIELDS[seg];
      const item = Array.isArray(node) ? node[next] : undefined;
      const name = itemName(item);
      parts.push(`${list ? list[lang] : humanize(seg)} ${name ? `«${short(name)}»` : next + 1}`);
      cur = item;
      i++;
      continue;
    }
    if (typeof seg === "string" && i === segs.length - 1) parts.push(FIELDS[seg]?.[lang] ?? LISTS[seg]?.[lang] ?? humanize(seg));
    else if (typeof seg === "string" && (FIELDS[seg] || LISTS[seg]) && !["analysis", "direction", "calendar", "organization", "service"].includes(seg)) parts.push((FIELDS[seg] ?? LISTS[seg])![lang]);
    cur = node;
  }
  return parts.join(" — ") || (lang === "en" ? "The plan" : "Rencana");
}

/** Every id in the plan that names an item, so a message can say «Rapat persiapan» instead of "k-81lis". */
function namesById(plan: Plan): Map<string, string> {
  const m = new Map<string, string>();
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const name = itemName(o);
    if (typeof o.id === "string" && name) m.set(o.id, short(name));
    for (const x of Object.values(o)) if (x && typeof x === "object") visit(x, depth + 1);
  };
  visit(plan, 0);
  return m;
}

const cache = new WeakMap<Plan, Map<string, string>>();

/** Replaces item ids and dotted paths inside a message with the items' names. */
export function humanizeMessage(plan: Plan, message: string, lang: Lang): string {
  let names = cache.get(plan);
  if (!names) cache.set(plan, (names = namesById(plan)));
  let out = message.replace(/\b[a-zA-Z]+(?:\[\d+\])(?:\.[a-zA-Z]+(?:\[\d+\])?)*\b/g, (p) => describePath(plan, p, lang));
  out = out.replace(/("?)([A-Za-z][\w-]{1,40})\1/g, (whole, _q: string, word: string) => {
    const name = names!.get(word);
    return name ? `«${name}»` : whole;
  });
  return out;
}
