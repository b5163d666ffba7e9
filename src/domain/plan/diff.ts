// A readable difference between two versions of a plan (format v1), for the history screen and
// `GET /api/plans/:id/diff`. Pure: no IO, runs in the browser too.
//
// Decisions (the contract for callers):
// - Lists whose items carry an `id` are matched by id; a few lists without ids are matched by a
//   natural key: `activities[].dependsOn` by `activityId`, `assignments` by
//   (`activityId`, `resourceId`), `calendar.holidays` and `calendar.workingDays` by `date`.
//   An added or removed item is ONE change carrying the whole item; a kept item is compared
//   field by field. If a side has duplicate keys (an invalid plan), the list is compared as a
//   whole value instead, so nothing is ever hidden.
// - Reordering an id-matched list (the common items appear in another order) is ONE change,
//   kind "changed", at the list's path, with the id orders as before/after: the order is shown
//   to people (numbering of activities, the RAB, the decree's attachment). Order within the
//   natural-key lists carries no meaning and is not reported.
// - Every other list (strings such as `direction.missions` and `decree.considerations`, id lists
//   such as `strategyIds`, `calendar.workWeek`) is compared as a value: one change at the list's
//   path with the whole lists as before/after.
// - Paths are `formatPath` (validate.ts) paths with list positions replaced by the matching key,
//   so they stay valid across versions: `activities[id=k3].durationDays`,
//   `activities[id=k3].dependsOn[activityId=k1].lagDays`,
//   `assignments[activityId=k1,resourceId=r2].quantity`, `calendar.holidays[date=2027-03-17].name`.
//   A key value other than letters, digits and `_ . : -` is written as a JSON string
//   (`[id="a b"]`). An optional field appearing is "added", disappearing is "removed".
// - `stage` is the web UI's stage slug for the screen that edits the value (same mapping as
//   web/src/state/stages.ts `slugOfPath`): the plan's identity (title, fiscal year,
//   organisation, service) is edited on the first screen, so it is "sasaran"; `start` and
//   `calendar` are "jadwal"; an activity's duration, predecessors and earliest start are "jadwal",
//   its other fields and the activity itself "kegiatan"; `decree` is "dokumen".
// - Output is sorted by stage (DIFF_STAGES order), then by path (digit runs compared as
//   numbers, so k2 comes before k10): deterministic for the same inputs.
import type { Bilingual, Lang } from "../messages.js";
import { formatAngka, formatTanggal } from "../format/indonesian.js";
import type { Plan } from "./schema.js";

export const DIFF_STAGES = [
  "sasaran",
  "analisis",
  "kegiatan",
  "jadwal",
  "sumber-daya",
  "tim",
  "pemangku-kepentingan",
  "mobilisasi",
  "dokumen",
  "pengawasan",
] as const;
export type DiffStage = (typeof DIFF_STAGES)[number];

export type PlanChange = {
  /** Where the change is, e.g. `activities[id=k3].durationDays` (see the header comment). */
  path: string;
  kind: "added" | "removed" | "changed";
  /** e.g. "Kegiatan k3 «Sosialisasi»: durasi (hari kerja)". */
  label: Bilingual;
  /** The stage slug of the screen that edits this value, for grouping. */
  stage: DiffStage;
  /** Absent for "added". */
  before?: unknown;
  /** Absent for "removed". */
  after?: unknown;
};

/** One step of a diff path: an object key, a list position, or the key that matched a list item. */
export type DiffPathSegment = string | number | { readonly match: readonly (readonly [string, string])[] };

const BARE_KEY_VALUE = /^[A-Za-z0-9_.:-]+$/;

/** Renders a path; plain key/index paths come out exactly as `formatPath` writes them. */
export function formatDiffPath(path: readonly DiffPathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (typeof seg === "string") out += out ? `.${seg}` : seg;
    else {
      const parts = seg.match.map(([k, v]) => `${k}=${BARE_KEY_VALUE.test(v) ? v : JSON.stringify(v)}`);
      out += `[${parts.join(",")}]`;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Labels. Wording follows web/src/i18n (id.ts, en.ts), lower-cased where it follows a colon.

type B = Bilingual;
const b = (id: string, en: string): B => ({ id, en });

/** Matched lists, by schema path (object keys only, list positions dropped). */
type ListSpec = {
  /** Fields whose values identify an item across versions. */
  key: readonly string[];
  /** What one item is called, lower case: "kegiatan" / "activity". */
  noun: B;
  /** The list as a whole, for reorders and whole-list fallbacks. */
  area: B;
  /** Whether a new order of kept items is reported. */
  reorder: boolean;
  /** The readable reference after the key: a name, or the names of what it points at. */
  describe: (item: Record<string, unknown>, names: NameIndex) => string;
};

type NameIndex = { activity: (id: string) => string | undefined; resource: (id: string) => string | undefined; stakeholder: (id: string) => string | undefined };

const NAME_MAX = 80;

function shorten(s: string, max: number): string {
  const t = s.trim().replace(/\s+/g, " ");
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  // Cut at a word when one ends in the last quarter, else mid-word.
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.75 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function quoted(name: string | undefined): string {
  return name && name.trim() ? `«${shorten(name, NAME_MAX)}»` : "";
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** `k3 «Sosialisasi»` for an item whose own field names it. */
const byField =
  (field: string) =>
  (item: Record<string, unknown>): string =>
    [str(item.id), quoted(str(item[field]))].filter(Boolean).join(" ");

const LISTS: Record<string, ListSpec> = {
  targetGroups: { key: ["id"], noun: b("kelompok sasaran", "target group"), area: b("Kelompok masyarakat sasaran", "Target community groups"), reorder: true, describe: byField("name") },
  "analysis.factors": { key: ["id"], noun: b("faktor", "factor"), area: b("Faktor SWOT", "SWOT factors"), reorder: true, describe: byField("text") },
  "analysis.assumptions": { key: ["id"], noun: b("asumsi", "assumption"), area: b("Asumsi", "Assumptions"), reorder: true, describe: byField("text") },
  "analysis.strategies": { key: ["id"], noun: b("strategi", "strategy"), area: b("Strategi TOWS", "TOWS strategies"), reorder: true, describe: byField("text") },
  "direction.goals": { key: ["id"], noun: b("tujuan", "goal"), area: b("Tujuan", "Goals"), reorder: true, describe: byField("text") },
  "direction.targets": { key: ["id"], noun: b("sasaran", "target"), area: b("Sasaran", "Targets"), reorder: true, describe: byField("text") },
  "direction.programs": { key: ["id"], noun: b("program", "program"), area: b("Program", "Programs"), reorder: true, describe: byField("name") },
  activities: { key: ["id"], noun: b("kegiatan", "activity"), area: b("Kegiatan pelayanan", "Service activities"), reorder: true, describe: byField("name") },
  "activities.dependsOn": {
    key: ["activityId"],
    noun: b("pendahulu", "predecessor"),
    area: b("Pendahulu", "Predecessors"),
    reorder: false,
    describe: (item, names) => [str(item.activityId), quoted(names.activity(str(item.activityId)))].filter(Boolean).join(" "),
  },
  resources: { key: ["id"], noun: b("sumber daya", "resource"), area: b("Sumber daya", "Resources"), reorder: true, describe: byField("name") },
  assignments: {
    key: ["activityId", "resourceId"],
    noun: b("penugasan", "assignment"),
    area: b("Penugasan", "Assignments"),
    reorder: false,
    describe: (item, names) => {
      const activity = [str(item.activityId), quoted(names.activity(str(item.activityId)))].filter(Boolean).join(" ");
      const resource = [str(item.resourceId), quoted(names.resource(str(item.resourceId)))].filter(Boolean).join(" ");
      return `${activity} × ${resource}`;
    },
  },
  budget: { key: ["id"], noun: b("baris anggaran", "budget line"), area: b("Rencana Anggaran Biaya (RAB)", "Cost plan (RAB)"), reorder: true, describe: byField("item") },
  mobilization: { key: ["id"], noun: b("mitra", "partner"), area: b("Mobilisasi sumber daya", "Resource mobilisation"), reorder: true, describe: byField("partner") },
  team: { key: ["id"], noun: b("anggota tim", "team member"), area: b("Tim pelaksana", "Implementation team"), reorder: true, describe: byField("name") },
  stakeholders: { key: ["id"], noun: b("pemangku kepentingan", "stakeholder"), area: b("Pemangku kepentingan", "Stakeholders"), reorder: true, describe: byField("name") },
  communication: {
    key: ["id"],
    noun: b("baris komunikasi", "communication row"),
    area: b("Rencana komunikasi", "Communication plan"),
    reorder: true,
    describe: (item, names) => [str(item.id), quoted(names.stakeholder(str(item.stakeholderId)))].filter(Boolean).join(" "),
  },
  "serviceStandard.procedure": { key: ["id"], noun: b("langkah prosedur", "procedure step"), area: b("Prosedur pelayanan", "Service procedure"), reorder: true, describe: byField("text") },
  "serviceStandard.process.forum.participants": { key: ["id"], noun: b("peserta forum", "forum participant"), area: b("Peserta forum konsultasi publik", "Public consultation participants"), reorder: true, describe: byField("name") },
  "serviceStandard.process.forum.inputs": { key: ["id"], noun: b("masukan forum", "forum input"), area: b("Masukan forum konsultasi publik", "Public consultation inputs"), reorder: true, describe: byField("text") },
  "calendar.holidays": { key: ["date"], noun: b("libur tambahan", "extra holiday"), area: b("Libur tambahan", "Extra holidays"), reorder: false, describe: (item) => [str(item.date), quoted(str(item.name))].filter(Boolean).join(" ") },
  "calendar.workingDays": { key: ["date"], noun: b("hari kerja tambahan", "extra working day"), area: b("Hari kerja tambahan", "Extra working days"), reorder: false, describe: (item) => [str(item.date), quoted(str(item.name))].filter(Boolean).join(" ") },
};

/** Sections for values outside any list item, by first path key. */
const SECTIONS: Record<string, B> = {
  format: b("Identitas rencana", "Plan identity"),
  title: b("Identitas rencana", "Plan identity"),
  fiscalYear: b("Identitas rencana", "Plan identity"),
  organization: b("Instansi", "Organisation"),
  service: b("Layanan", "Service"),
  analysis: b("Analisis", "Analysis"),
  direction: b("Arah kegiatan", "Direction"),
  start: b("Jadwal", "Schedule"),
  calendar: b("Kalender kerja", "Working calendar"),
  resourceStrategy: b("Strategi pengelolaan sumber daya", "Resource management strategy"),
  teamProcedures: b("Tim pelaksana", "Implementation team"),
  decree: b("Surat Keputusan Tim", "Team decree (SK)"),
  serviceStandard: b("Standar pelayanan", "Service standard"),
  realization: b("Pengawasan", "Supervision"),
};

/**
 * Field labels by schema path (object keys only). Every field of the schema is here (a test walks
 * planSchema to keep it so); whole lists are labelled for the rare whole-list change.
 */
export const DIFF_FIELD_LABELS: Readonly<Record<string, B>> = {
  targetGroups: b("kelompok sasaran (seluruh daftar)", "target groups (whole list)"),
  "analysis.factors": b("faktor SWOT (seluruh daftar)", "SWOT factors (whole list)"),
  "analysis.assumptions": b("asumsi (seluruh daftar)", "assumptions (whole list)"),
  "analysis.strategies": b("strategi TOWS (seluruh daftar)", "TOWS strategies (whole list)"),
  "direction.goals": b("tujuan (seluruh daftar)", "goals (whole list)"),
  "direction.targets": b("sasaran (seluruh daftar)", "targets (whole list)"),
  "direction.programs": b("program (seluruh daftar)", "programs (whole list)"),
  activities: b("kegiatan (seluruh daftar)", "activities (whole list)"),
  resources: b("sumber daya (seluruh daftar)", "resources (whole list)"),
  assignments: b("penugasan (seluruh daftar)", "assignments (whole list)"),
  budget: b("RAB (seluruh daftar)", "cost plan (whole list)"),
  mobilization: b("mobilisasi (seluruh daftar)", "mobilisation (whole list)"),
  team: b("tim pelaksana (seluruh daftar)", "implementation team (whole list)"),
  stakeholders: b("pemangku kepentingan (seluruh daftar)", "stakeholders (whole list)"),
  communication: b("rencana komunikasi (seluruh daftar)", "communication plan (whole list)"),
  "calendar.holidays": b("libur tambahan", "extra holidays"),
  "calendar.workingDays": b("hari kerja tambahan", "extra working days"),
  format: b("format berkas", "file format"),
  title: b("judul rencana", "plan title"),
  fiscalYear: b("tahun anggaran", "fiscal year"),
  start: b("tanggal mulai", "start date"),
  teamProcedures: b("prosedur dan mekanisme kerja tim", "team procedures and work mechanism"),

  "organization.name": b("nama instansi", "organisation name"),
  "organization.unit": b("unit kerja", "work unit"),
  "organization.government": b("pemerintah (baris kop)", "government (letterhead line)"),
  "organization.region": b("daerah", "region"),
  "organization.address": b("alamat", "address"),
  "organization.phone": b("telepon", "phone"),
  "organization.website": b("situs web", "website"),
  "organization.email": b("surel", "email"),
  "organization.paper": b("ukuran kertas", "paper size"),
  "organization.font": b("huruf dokumen", "document font"),

  "service.name": b("nama layanan", "service name"),
  "service.pattern": b("pola pelayanan", "service pattern"),
  "service.description": b("uraian layanan", "service description"),

  "targetGroups.id": b("kode", "code"),
  "targetGroups.name": b("nama kelompok", "group name"),
  "targetGroups.size": b("jumlah orang", "people"),
  "targetGroups.area": b("wilayah", "area"),
  "targetGroups.needs": b("kebutuhan", "needs"),

  "analysis.factors.id": b("kode", "code"),
  "analysis.factors.kind": b("jenis (S/W/O/T)", "kind (S/W/O/T)"),
  "analysis.factors.text": b("faktor", "factor"),
  "analysis.factors.weight": b("bobot", "weight"),
  "analysis.factors.rating": b("rating", "rating"),
  "analysis.assumptions.id": b("kode", "code"),
  "analysis.assumptions.text": b("asumsi", "assumption"),
  "analysis.strategies.id": b("kode", "code"),
  "analysis.strategies.kind": b("jenis", "kind"),
  "analysis.strategies.text": b("strategi", "strategy"),
  "analysis.strategies.factorIds": b("faktor terkait", "linked factors"),

  "direction.vision": b("visi", "vision"),
  "direction.missions": b("misi", "missions"),
  "direction.policies": b("kebijakan", "policies"),
  "direction.goals.id": b("kode", "code"),
  "direction.goals.text": b("tujuan", "goal"),
  "direction.targets.id": b("kode", "code"),
  "direction.targets.goalId": b("tujuan", "goal"),
  "direction.targets.text": b("sasaran", "target"),
  "direction.targets.indicator": b("indikator", "indicator"),
  "direction.targets.targetValue": b("target", "target value"),
  "direction.programs.id": b("kode", "code"),
  "direction.programs.name": b("nama program", "program name"),

  "calendar.workWeek": b("hari kerja", "working days"),
  "calendar.nationalHolidays": b("libur nasional & cuti bersama", "national holidays & cuti bersama"),
  "calendar.holidays.date": b("tanggal", "date"),
  "calendar.holidays.name": b("keterangan", "name"),
  "calendar.workingDays.date": b("tanggal", "date"),
  "calendar.workingDays.name": b("keterangan", "name"),

  "activities.id": b("kode", "code"),
  "activities.name": b("nama kegiatan", "activity name"),
  "activities.output": b("keluaran", "output"),
  "activities.programId": b("program", "program"),
  "activities.targetId": b("sasaran", "target"),
  "activities.strategyIds": b("strategi", "strategies"),
  "activities.durationDays": b("durasi (hari kerja)", "duration (working days)"),
  "activities.dependsOn": b("pendahulu", "predecessors"),
  "activities.dependsOn.activityId": b("kegiatan pendahulu", "predecessor activity"),
  "activities.dependsOn.type": b("jenis tautan", "link type"),
  "activities.dependsOn.lagDays": b("jeda (hari)", "lag (days)"),
  "activities.notBefore": b("mulai paling awal", "start no earlier than"),
  "activities.horizon": b("horizon", "horizon"),
  "activities.ownerId": b("penanggung jawab", "person in charge"),
  "activities.progress": b("kemajuan", "progress"),
  "activities.progress.percent": b("kemajuan (%)", "progress (%)"),
  "activities.progress.actualStart": b("mulai sebenarnya", "actual start"),
  "activities.progress.actualFinish": b("selesai sebenarnya", "actual finish"),
  "activities.progress.actualCost": b("biaya sebenarnya", "actual cost"),

  "resources.id": b("kode", "code"),
  "resources.kind": b("jenis", "kind"),
  "resources.name": b("nama", "name"),
  "resources.unit": b("satuan", "unit"),
  "resources.available": b("tersedia", "available"),
  "assignments.activityId": b("kegiatan", "activity"),
  "assignments.resourceId": b("sumber daya", "resource"),
  "assignments.quantity": b("jumlah per hari", "quantity per day"),
  "budget.id": b("kode", "code"),
  "budget.activityId": b("kegiatan", "activity"),
  "budget.item": b("uraian", "item"),
  "budget.volume": b("volume", "volume"),
  "budget.unit": b("satuan", "unit"),
  "budget.unitPrice": b("harga satuan", "unit price"),
  "budget.taxPercent": b("pajak (%)", "tax (%)"),
  "budget.account": b("kode rekening", "account code"),
  "budget.source": b("sumber dana", "funding source"),
  "resourceStrategy.organization": b("organisasi & administrasi", "organisation & administration"),
  "resourceStrategy.assets": b("aset berwujud & tak berwujud", "tangible & intangible assets"),
  "resourceStrategy.adaptiveness": b("kemampuan beradaptasi", "adaptiveness"),
  "resourceStrategy.culture": b("budaya organisasi", "organisational culture"),

  "mobilization.id": b("kode", "code"),
  "mobilization.partner": b("mitra", "partner"),
  "mobilization.mechanism": b("mekanisme", "mechanism"),
  "mobilization.stage": b("tahap", "stage"),
  "mobilization.contribution": b("kontribusi", "contribution"),
  "mobilization.value": b("nilai (Rp)", "value (Rp)"),
  "mobilization.nextStep": b("langkah berikut", "next step"),
  "mobilization.dueDate": b("tenggat", "due"),

  "team.id": b("kode", "code"),
  "team.name": b("nama", "name"),
  "team.nip": b("NIP", "NIP"),
  "team.rank": b("pangkat/golongan", "rank/grade"),
  "team.level": b("tingkat jabatan", "position level"),
  "team.position": b("jabatan", "position"),
  "team.role": b("peran dalam tim", "team role"),
  "team.duties": b("uraian tugas", "duties"),

  "stakeholders.id": b("kode", "code"),
  "stakeholders.name": b("nama", "name"),
  "stakeholders.kind": b("jenis", "kind"),
  "stakeholders.power": b("kekuasaan", "power"),
  "stakeholders.interest": b("kepentingan", "interest"),
  "stakeholders.attitude": b("sikap", "attitude"),
  "stakeholders.notes": b("catatan", "notes"),
  "communication.id": b("kode", "code"),
  "communication.stakeholderId": b("pemangku kepentingan", "stakeholder"),
  "communication.objective": b("tujuan", "objective"),
  "communication.message": b("pesan", "message"),
  "communication.channel": b("saluran", "channel"),
  "communication.frequency": b("frekuensi", "frequency"),
  "communication.ownerId": b("pelaksana", "owner"),
  "communication.principles": b("enam prinsip komunikasi", "six communication principles"),

  "decree.issuerTitle": b("jabatan penetap", "issuing office"),
  "decree.issuerLevel": b("tingkat jabatan penetap", "issuing office's level"),
  "decree.subject": b("tentang", "subject"),
  "decree.number": b("nomor", "number"),
  "decree.place": b("ditetapkan di", "set at (place)"),
  "decree.date": b("tanggal penetapan", "date set"),
  "decree.signatory": b("penanda tangan", "signatory"),
  "decree.signatory.name": b("nama penanda tangan", "signatory's name"),
  "decree.signatory.nip": b("NIP penanda tangan", "signatory's NIP"),
  "decree.signatory.rank": b("pangkat penanda tangan", "signatory's rank"),
  "decree.signatory.position": b("jabatan penanda tangan", "signatory's position"),
  "decree.signatory.level": b("tingkat jabatan penanda tangan", "signatory's position level"),
  "decree.signatory.capacity": b("kapasitas penanda tangan", "signatory's capacity"),
  "decree.signatory.onBehalfOf": b("atas nama (a.n.)", "on behalf of (a.n.)"),
  "decree.amends": b("Keputusan yang diubah", "decree amended"),
  "decree.amends.kind": b("jenis perubahan Keputusan", "kind of amendment"),
  "decree.amends.number": b("nomor Keputusan yang diubah", "number of the decree amended"),
  "decree.amends.date": b("tanggal Keputusan yang diubah", "date of the decree amended"),
  "decree.amends.subject": b("judul Keputusan yang diubah", "subject of the decree amended"),
  "decree.amends.issuerTitle": b("penetap Keputusan yang diubah", "issuer of the decree amended"),
  "decree.amends.ordinal": b("perubahan ke-", "amendment number"),
  "decree.amends.amendedBy": b("perubahan sebelumnya", "earlier amendments"),
  "decree.amends.amendedBy.number": b("nomor perubahan sebelumnya", "number of an earlier amendment"),
  "decree.amends.amendedBy.date": b("tanggal perubahan sebelumnya", "date of an earlier amendment"),
  "decree.considerations": b("menimbang", "considerations (Menimbang)"),
  "decree.legalBases": b("mengingat", "legal bases (Mengingat)"),
  "decree.dictums": b("diktum tambahan", "extra dictums"),
  "decree.copiesTo": b("tembusan", "copies to (Tembusan)"),
  "serviceStandard": b("standar pelayanan", "service standard"),
  "serviceStandard.slug": b("alamat halaman publik", "public page address"),
  "serviceStandard.requirements": b("persyaratan", "requirements"),
  "serviceStandard.procedure": b("prosedur (seluruh daftar)", "procedure (whole list)"),
  "serviceStandard.procedure.id": b("kode", "code"),
  "serviceStandard.procedure.text": b("langkah", "step"),
  "serviceStandard.procedure.actor": b("pelaksana", "actor"),
  "serviceStandard.procedure.duration": b("waktu langkah", "step time"),
  "serviceStandard.procedure.duration.value": b("waktu langkah", "step time"),
  "serviceStandard.procedure.duration.unit": b("satuan waktu langkah", "step time unit"),
  "serviceStandard.completionTime": b("jangka waktu penyelesaian", "completion time"),
  "serviceStandard.completionTime.value": b("jangka waktu penyelesaian", "completion time"),
  "serviceStandard.completionTime.unit": b("satuan jangka waktu", "completion time unit"),
  "serviceStandard.cost": b("biaya/tarif", "cost/tariff"),
  "serviceStandard.cost.amount": b("biaya/tarif (Rp)", "cost/tariff (Rp)"),
  "serviceStandard.cost.basis": b("dasar biaya/tarif", "basis of the cost"),
  "serviceStandard.products": b("produk pelayanan", "service products"),
  "serviceStandard.complaints": b("penanganan pengaduan", "complaint handling"),
  "serviceStandard.complaints.address": b("alamat pengaduan", "complaints address"),
  "serviceStandard.complaints.phone": b("telepon pengaduan", "complaints phone"),
  "serviceStandard.complaints.email": b("surel pengaduan", "complaints e-mail"),
  "serviceStandard.complaints.web": b("laman pengaduan", "complaints web page"),
  "serviceStandard.complaints.responseDays": b("batas waktu jawaban pengaduan (hari kerja)", "complaint answer deadline (working days)"),
  "serviceStandard.legalBases": b("dasar hukum", "legal basis"),
  "serviceStandard.facilities": b("sarana, prasarana, dan/atau fasilitas", "facilities"),
  "serviceStandard.competence": b("kompetensi pelaksana", "staff competence"),
  "serviceStandard.internalSupervision": b("pengawasan internal", "internal supervision"),
  "serviceStandard.staffCount": b("jumlah pelaksana", "number of staff"),
  "serviceStandard.serviceGuarantee": b("jaminan pelayanan", "service guarantee"),
  "serviceStandard.safetyGuarantee": b("jaminan keamanan dan keselamatan", "security and safety guarantee"),
  "serviceStandard.performanceEvaluation": b("evaluasi kinerja pelaksana", "staff performance evaluation"),
  "serviceStandard.serviceHours": b("jam pelayanan", "service hours"),
  "serviceStandard.unitHead": b("pimpinan unit", "head of unit"),
  "serviceStandard.unitHead.name": b("nama pimpinan unit", "head of unit's name"),
  "serviceStandard.unitHead.nip": b("NIP pimpinan unit", "head of unit's NIP"),
  "serviceStandard.unitHead.position": b("jabatan pimpinan unit", "head of unit's position"),
  "serviceStandard.process": b("proses penyusunan", "drafting process"),
  "serviceStandard.process.preparation": b("persiapan", "preparation"),
  "serviceStandard.process.preparation.date": b("tanggal persiapan", "preparation date"),
  "serviceStandard.process.preparation.notes": b("catatan persiapan", "preparation notes"),
  "serviceStandard.process.draft": b("rancangan", "draft"),
  "serviceStandard.process.draft.date": b("tanggal rancangan", "draft date"),
  "serviceStandard.process.draft.notes": b("catatan rancangan", "draft notes"),
  "serviceStandard.process.application": b("penerapan", "application"),
  "serviceStandard.process.application.date": b("tanggal penerapan", "application date"),
  "serviceStandard.process.application.notes": b("catatan penerapan", "application notes"),
  "serviceStandard.process.evaluation": b("evaluasi", "evaluation"),
  "serviceStandard.process.evaluation.date": b("tanggal evaluasi", "evaluation date"),
  "serviceStandard.process.evaluation.notes": b("catatan evaluasi", "evaluation notes"),
  "serviceStandard.process.forum": b("forum konsultasi publik", "public consultation forum"),
  "serviceStandard.process.forum.date": b("tanggal forum", "forum date"),
  "serviceStandard.process.forum.place": b("tempat forum", "forum place"),
  "serviceStandard.process.forum.participants": b("peserta forum (seluruh daftar)", "forum participants (whole list)"),
  "serviceStandard.process.forum.participants.id": b("kode", "code"),
  "serviceStandard.process.forum.participants.name": b("nama", "name"),
  "serviceStandard.process.forum.participants.group": b("unsur yang diwakili", "group represented"),
  "serviceStandard.process.forum.inputs": b("masukan forum (seluruh daftar)", "forum inputs (whole list)"),
  "serviceStandard.process.forum.inputs.id": b("kode", "code"),
  "serviceStandard.process.forum.inputs.from": b("dari", "from"),
  "serviceStandard.process.forum.inputs.text": b("masukan", "input"),
  "serviceStandard.process.forum.inputs.followUp": b("tindak lanjut", "follow-up"),
  "serviceStandard.process.adoption": b("penetapan", "adoption"),
  "serviceStandard.process.adoption.date": b("tanggal penetapan standar", "date the standard was adopted"),
  "serviceStandard.process.adoption.number": b("nomor keputusan penetapan", "adopting decree number"),

  realization: b("realisasi", "realisation"),
  "realization.reports": b("laporan kemajuan", "progress reports"),
  "realization.reports.date": b("tanggal laporan", "report date"),
  "realization.reports.activities": b("kemajuan kegiatan", "activity progress"),
  "realization.reports.activities.activityId": b("kegiatan", "activity"),
  "realization.reports.activities.percent": b("kemajuan (%)", "progress (%)"),
  "realization.reports.activities.actualStart": b("mulai sebenarnya", "actual start"),
  "realization.reports.activities.actualFinish": b("selesai sebenarnya", "actual finish"),
  "realization.reports.spending": b("belanja", "spending"),
  "realization.reports.spending.budgetId": b("baris RAB", "cost plan line"),
  "realization.reports.spending.amount": b("jumlah (Rp)", "amount (Rp)"),
  "realization.reports.spending.reference": b("nomor SP2D/kuitansi", "SP2D/receipt number"),
  "realization.reports.spending.date": b("tanggal belanja", "spending date"),
  "realization.reports.note": b("kendala", "obstacles"),
  "realization.reports.followUp": b("tindak lanjut", "follow-up"),
  "realization.reports.reportedBy": b("pelapor", "reported by"),
};

/** "actualCost" → "actual cost": unknown fields still read as words. */
function humanize(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
}

/** Label of the field at `schemaPath` relative to the innermost list item starting at `from`. */
function fieldLabel(schemaPath: readonly string[], from: number): B {
  const known = DIFF_FIELD_LABELS[schemaPath.join(".")];
  if (known) return known;
  const words = schemaPath.slice(from).map(humanize).join(", ") || humanize(schemaPath[schemaPath.length - 1] ?? "");
  return b(words, words);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Stage of a value: the screen that edits it (the web app's slugOfPath uses this too).

const SCHEDULE_FIELDS = new Set(["dependsOn", "durationDays", "notBefore"]);

/** The stage slug of a value, from its path's property names (list indices left out), e.g. ["activities", "durationDays"]. */
export function stageOfSchemaPath(schemaPath: readonly string[]): DiffStage {
  const [top = "", field] = schemaPath;
  switch (top) {
    case "analysis":
      return "analisis";
    case "direction":
      return "kegiatan";
    case "activities":
      return field !== undefined && SCHEDULE_FIELDS.has(field) ? "jadwal" : "kegiatan";
    case "start":
    case "calendar":
      return "jadwal";
    case "realization":
      return "pengawasan";
    case "resources":
    case "assignments":
    case "budget":
    case "resourceStrategy":
      return "sumber-daya";
    case "team":
    case "teamProcedures":
      return "tim";
    case "stakeholders":
    case "communication":
      return "pemangku-kepentingan";
    case "mobilization":
      return "mobilisasi";
    case "decree":
      return "dokumen";
    default:
      // title, fiscalYear, format, organization, service, targetGroups: the first screen.
      return "sasaran";
  }
}

// ---------------------------------------------------------------------------------------------
// The walk.

type Json = unknown;
type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep equality of JSON-like values; a key holding `undefined` counts as absent. */
function same(a: Json, c: Json): boolean {
  if (a === c) return true;
  if (typeof a === "number" && typeof c === "number") return Number.isNaN(a) && Number.isNaN(c);
  if (Array.isArray(a) && Array.isArray(c)) return a.length === c.length && a.every((x, i) => same(x, c[i]));
  if (isObject(a) && isObject(c)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(c)])) if (!same(a[k], c[k])) return false;
    return true;
  }
  return false;
}

/** An enclosing list item, for labels: "Kegiatan k3 «Sosialisasi»". */
type ItemContext = { noun: B; ref: string; depth: number };

type Walk = { out: PlanChange[]; names: NameIndex };

function itemPrefix(items: readonly ItemContext[], lang: Lang): string {
  return items.map((it, i) => `${i === 0 ? capitalize(it.noun[lang]) : it.noun[lang]} ${it.ref}`.trimEnd()).join(", ");
}

/** "Kegiatan k3 «Sosialisasi», pendahulu k1: " or "Kalender kerja: " or "" */
function contextPrefix(items: readonly ItemContext[], schemaPath: readonly string[], lang: Lang): string {
  if (items.length > 0) return `${itemPrefix(items, lang)}: `;
  const section = SECTIONS[schemaPath[0] ?? ""];
  return section ? `${section[lang]}: ` : "";
}

function fieldChangeLabel(items: readonly ItemContext[], schemaPath: readonly string[]): B {
  const from = items.length > 0 ? items[items.length - 1]!.depth : 0;
  const field = fieldLabel(schemaPath, from);
  const pick = (lang: Lang) => capitalize(`${contextPrefix(items, schemaPath, lang)}${field[lang]}`);
  return { id: pick("id"), en: pick("en") };
}

function push(w: Walk, change: PlanChange): void {
  w.out.push(change);
}

function diffValue(w: Walk, before: Json, after: Json, path: DiffPathSegment[], schemaPath: string[], items: ItemContext[]): void {
  if (same(before, after)) return;
  const stage = stageOfSchemaPath(schemaPath);
  if (before === undefined) {
    push(w, { path: formatDiffPath(path), kind: "added", label: fieldChangeLabel(items, schemaPath), stage, after });
    return;
  }
  if (after === undefined) {
    push(w, { path: formatDiffPath(path), kind: "removed", label: fieldChangeLabel(items, schemaPath), stage, before });
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
    for (const k of keys) diffValue(w, before[k], after[k], [...path, k], [...schemaPath, k], items);
    return;
  }
  const list = LISTS[schemaPath.join(".")];
  if (list && Array.isArray(before) && Array.isArray(after) && diffKeyedList(w, list, before, after, path, schemaPath, items)) return;
  push(w, { path: formatDiffPath(path), kind: "changed", label: fieldChangeLabel(items, schemaPath), stage, before, after });
}

type Keyed = { key: string; match: [string, string][]; item: Obj };

/** Items by key, or undefined when an item is not an object or a key repeats (then: whole-value). */
function keyItems(list: ListSpec, items: readonly unknown[]): Keyed[] | undefined {
  const seen = new Set<string>();
  const out: Keyed[] = [];
  for (const item of items) {
    if (!isObject(item)) return undefined;
    const match = list.key.map((k): [string, string] => [k, String(item[k] ?? "")]);
    const key = JSON.stringify(match.map(([, v]) => v));
    if (seen.has(key)) return undefined;
    seen.add(key);
    out.push({ key, match, item });
  }
  return out;
}

function diffKeyedList(
  w: Walk,
  list: ListSpec,
  beforeItems: readonly unknown[],
  afterItems: readonly unknown[],
  path: DiffPathSegment[],
  schemaPath: string[],
  items: ItemContext[],
): boolean {
  const before = keyItems(list, beforeItems);
  const after = keyItems(list, afterItems);
  if (!before || !after) return false;
  const beforeByKey = new Map(before.map((k) => [k.key, k]));
  const afterByKey = new Map(after.map((k) => [k.key, k]));
  const stage = stageOfSchemaPath(schemaPath);
  const prefix = (lang: Lang) => (items.length > 0 ? `${itemPrefix(items, lang)}: ` : "");

  const whole = (k: Keyed, kind: "added" | "removed") => {
    const ref = list.describe(k.item, w.names);
    const verb = kind === "added" ? b("ditambahkan", "added") : b("dihapus", "removed");
    const text = (lang: Lang) => {
      const p = prefix(lang);
      const noun = p ? list.noun[lang] : capitalize(list.noun[lang]);
      return `${p}${noun} ${ref} ${verb[lang]}`.replace(/\s+/g, " ");
    };
    push(w, {
      path: formatDiffPath([...path, { match: k.match }]),
      kind,
      label: { id: text("id"), en: text("en") },
      stage,
      ...(kind === "added" ? { after: k.item } : { before: k.item }),
    });
  };

  for (const k of before) if (!afterByKey.has(k.key)) whole(k, "removed");
  for (const k of after) {
    const old = beforeByKey.get(k.key);
    if (!old) {
      whole(k, "added");
      continue;
    }
    const ctx: ItemContext = { noun: list.noun, ref: list.describe(k.item, w.names), depth: schemaPath.length };
    diffValue(w, old.item, k.item, [...path, { match: k.match }], schemaPath, [...items, ctx]);
  }

  if (list.reorder) {
    const keptBefore = before.filter((k) => afterByKey.has(k.key)).map((k) => k.key);
    const keptAfter = after.filter((k) => beforeByKey.has(k.key)).map((k) => k.key);
    if (keptBefore.some((key, i) => key !== keptAfter[i])) {
      const order = (ks: readonly Keyed[]) => ks.map((k) => (k.match.length === 1 ? k.match[0]![1] : k.match.map(([, v]) => v).join(",")));
      const text = (lang: Lang) => `${prefix(lang)}${list.area[lang]}: ${lang === "id" ? "urutan diubah" : "order changed"}`;
      push(w, { path: formatDiffPath(path), kind: "changed", label: { id: text("id"), en: text("en") }, stage, before: order(before), after: order(after) });
    }
  }
  return true;
}

function nameIndex(before: Plan, after: Plan): NameIndex {
  const index = (pick: (p: Plan) => readonly unknown[] | undefined, field: string) => {
    // Built on first use: a summary of an edit that names no activity never reads the list.
    let m: Map<string, string> | undefined;
    return (id: string) => {
      if (!m) {
        m = new Map();
        // After wins: a renamed item reads with its current name.
        for (const p of [before, after]) {
          for (const item of pick(p) ?? []) if (isObject(item) && typeof item.id === "string" && typeof item[field] === "string") m.set(item.id, item[field]);
        }
      }
      return m.get(id);
    };
  };
  return {
    activity: index((p) => p.activities, "name"),
    resource: index((p) => p.resources, "name"),
    stakeholder: index((p) => p.stakeholders, "name"),
  };
}

/**
 * The parts of two versions worth walking. A part that is the same object in both is left out
 * (an edit made by applyJsonPatch shares everything it did not touch), and an id-matched list
 * keeps only its items that are not shared — unless the kept ids changed order, which is
 * reported over the whole list. So the diff of a one-field edit of a large plan compares one
 * item, and the result is the same as walking everything (property-tested).
 */
function narrowToEdit(before: Json, after: Json, schemaPath: string[]): [Json, Json] {
  if (before === after) return [before, after];
  if (isObject(before) && isObject(after)) {
    // No prototype: a key such as "__proto__" stays a plain key.
    const b: Obj = Object.create(null) as Obj;
    const a: Obj = Object.create(null) as Obj;
    for (const k of new Set([...Object.keys(after), ...Object.keys(before)])) {
      if (before[k] === after[k]) continue;
      const [x, y] = narrowToEdit(before[k], after[k], [...schemaPath, k]);
      if (k in before) b[k] = x;
      if (k in after) a[k] = y;
    }
    return [b, a];
  }
  const list = Object.hasOwn(LISTS, schemaPath.join(".")) ? LISTS[schemaPath.join(".")] : undefined;
  if (!list || list.key.length !== 1 || list.key[0] !== "id" || !Array.isArray(before) || !Array.isArray(after)) return [before, after];
  const idOf = (x: unknown) => (isObject(x) && typeof x.id === "string" ? x.id : undefined);
  const beforeIds = before.map(idOf);
  const afterIds = after.map(idOf);
  // Ids repeat or are missing (not a valid plan): planDiff compares such a list as a whole.
  if (beforeIds.includes(undefined) || afterIds.includes(undefined) || new Set(beforeIds).size !== before.length || new Set(afterIds).size !== after.length) return [before, after];
  const inBefore = new Set(beforeIds);
  const inAfter = new Set(afterIds);
  const keptBefore = beforeIds.filter((id) => inAfter.has(id));
  const keptAfter = afterIds.filter((id) => inBefore.has(id));
  if (keptBefore.some((id, i) => id !== keptAfter[i])) return [before, after];
  const sharedItems = new Set<unknown>(before);
  const afterItems = new Set<unknown>(after);
  return [before.filter((x) => !afterItems.has(x)), after.filter((x) => !sharedItems.has(x))];
}

/** Compares strings with digit runs as numbers ("k2" < "k10"); no locale, so the same everywhere. */
function naturalCompare(a: string, c: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pc = c.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pc.length); i++) {
    const x = pa[i]!, y = pc[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x), ny = /^\d/.test(y);
    if (nx && ny) {
      const sx = x.replace(/^0+/, ""), sy = y.replace(/^0+/, "");
      if (sx.length !== sy.length) return sx.length - sy.length;
      if (sx !== sy) return sx < sy ? -1 : 1;
      return x.length - y.length; // same number: fewer leading zeros first
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pc.length || (a < c ? -1 : a > c ? 1 : 0);
}

/** What changed from `before` to `after`; [] when they are the same plan. */
export function planDiff(before: Plan, after: Plan): PlanChange[] {
  const w: Walk = { out: [], names: nameIndex(before, after) };
  const [b, a] = narrowToEdit(before, after, []);
  diffValue(w, b, a, [], [], []);
  const rank = (s: DiffStage) => DIFF_STAGES.indexOf(s);
  return w.out.sort((x, y) => rank(x.stage) - rank(y.stage) || naturalCompare(x.path, y.path));
}

// ---------------------------------------------------------------------------------------------
// Display of before/after values.

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TEXT_MAX = 120;
const LIST_MAX = 7; // a whole work week fits

function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  const fraction = Number.isInteger(n) ? 0 : Math.min(6, (String(n).split(".")[1] ?? "").length || 6);
  const id = formatAngka(n, fraction).replace(/(,\d*?)0+$/, "$1").replace(/,$/, "");
  // Same grouping, English separators.
  return lang === "id" ? id : id.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
}

function formatDate(iso: string, lang: Lang): string | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const id = formatTanggal(iso);
  if (id === iso.trim()) return undefined; // not a real calendar day
  return lang === "id" ? id : `${Number(m[3])} ${EN_MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

function formatScalar(value: unknown, lang: Lang): string | undefined {
  if (value === undefined || value === null) return lang === "id" ? "(kosong)" : "(empty)";
  if (typeof value === "boolean") return value ? (lang === "id" ? "ya" : "yes") : lang === "id" ? "tidak" : "no";
  if (typeof value === "number") return formatNumber(value, lang);
  if (typeof value === "string") return formatDate(value, lang) ?? `"${shorten(value, TEXT_MAX)}"`;
  return undefined;
}

function summariseObject(o: Obj, lang: Lang): string {
  const id = typeof o.id === "string" ? o.id : undefined;
  const nameField = ["name", "text", "item", "partner"].find((f) => typeof o[f] === "string");
  if (id !== undefined) return [id, quoted(nameField ? str(o[nameField]) : "")].filter(Boolean).join(" ");
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  const shown = entries
    .filter(([, v]) => formatScalar(v, lang) !== undefined)
    .slice(0, 3)
    .map(([k, v]) => `${humanize(k)}: ${formatScalar(v, lang)}`);
  const more = entries.length - shown.length;
  if (shown.length === 0) return lang === "id" ? `(${entries.length} isian)` : `(${entries.length} field${entries.length === 1 ? "" : "s"})`;
  return more > 0 ? `${shown.join(", ")}, …` : shown.join(", ");
}

/** A before/after value as a short line for people: numbers and dates written the Indonesian way in "id". */
export function formatChangeValue(value: unknown, lang: Lang): string {
  const scalar = formatScalar(value, lang);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(value)) {
    if (value.length === 0) return lang === "id" ? "(daftar kosong)" : "(empty list)";
    const shown = value.slice(0, LIST_MAX).map((v) => formatScalar(v, lang) ?? (isObject(v) ? summariseObject(v, lang) : lang === "id" ? "(daftar)" : "(list)"));
    const rest = value.length - shown.length;
    const tail = rest > 0 ? (lang === "id" ? ` (+${rest} lagi)` : ` (+${rest} more)`) : "";
    return `${shown.join("; ")}${tail}`;
  }
  if (isObject(value)) return summariseObject(value, lang);
  return String(value);
}
