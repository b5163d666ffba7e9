// What the team decree (Keputusan pembentukan tim) says, in order, as data. The DOCX and PDF
// writers only lay this out; every drafting rule of Tata Naskah Dinas lives here so the two
// files can never disagree. See docs/reference/indonesia.md §1.
import { formatNip, formatTanggal, hurufPoin, hurufUrut, ordinalDiktum } from "../format/indonesian.js";
import type { Plan, TeamMember, TeamRole } from "../plan/schema.js";
import { printRank } from "./officials.js";
import { asConsideration, asSentence, caps, oneLine, punctuateList, stripListEnd, titleCaseOffice, sameOffice } from "./text.js";

export const DEFAULT_PAPER = "F4" as const;
export const DEFAULT_FONT = "Bookman Old Style";
export const DEFAULT_FONT_SIZE_PT = 12;
export const PAPER_SIZES_MM = { A4: { width: 210, height: 297 }, F4: { width: 215, height: 330 } } as const;
/** Minimum margins of Tata Naskah Dinas (§1.3), in millimetres. */
export const DEFAULT_MARGINS_MM = { top: 20, bottom: 25, left: 30, right: 20 } as const;

export const EFFECTIVE_DICTUM = "Keputusan ini mulai berlaku pada tanggal ditetapkan.";
export const BLESSING = "DENGAN RAHMAT TUHAN YANG MAHA ESA";
export const DECIDES = "MEMUTUSKAN:";
/** Printed where a value is still to be filled in by hand (number, date of a draft). */
export const BLANK = "....................";

export const ROLE_ORDER: readonly TeamRole[] = ["pengarah", "penanggung-jawab", "ketua", "sekretaris", "anggota"];
export const ROLE_LABELS: Record<TeamRole, string> = {
  pengarah: "Pengarah",
  "penanggung-jawab": "Penanggung Jawab",
  ketua: "Ketua",
  sekretaris: "Sekretaris",
  anggota: "Anggota",
};

export type PageSetup = {
  paper: "A4" | "F4";
  widthMm: number;
  heightMm: number;
  marginsMm: { top: number; bottom: number; left: number; right: number };
  font: string;
  fontSizePt: number;
};

export type Letterhead = {
  /**
   * "office": the perangkat daerah's kop (government line, office, address). "head": the kop of
   * a kepala daerah (BUPATI / WALI KOTA / GUBERNUR …), one centred title under the lambang,
   * for a decree the kepala daerah issues (indonesia.md §1.2).
   */
  kind: "office" | "head";
  /** "PEMERINTAH KABUPATEN CONTOH"; absent when the organisation has none. */
  government?: string;
  /** "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN CONTOH" (bold, larger). */
  office: string;
  /** Address and contact lines under the office name. */
  contactLines: string[];
};

export type Point = { label: string; text: string; subpoints?: Point[] };

export type Dictum = { ordinal: string; text: string; points?: Point[] };

export type SignatureBlock = {
  placeLine: string;
  dateLine: string;
  /** "a.n. BUPATI CONTOH" / "Plt. KEPALA DINAS …," — the last line ends with a comma. */
  officeLines: string[];
  name: string;
  rank?: string;
  nipLine?: string;
};

export type MemberRow = { no: string; role: string; name: string; nipLine?: string; position: string };

/** Lampiran columns: the team role beside the member's own office (Jabatan Dinas). */
export const MEMBER_COLUMNS = ["No", "Jabatan dalam Tim", "Nama/NIP", "Jabatan Dinas"] as const;

export type DecreeModel = {
  page: PageSetup;
  letterhead: Letterhead;
  /** Centered, capitals: KEPUTUSAN …, NOMOR …, TENTANG, subject (possibly long). */
  heading: { title: string; number: string; about: string; subject: string };
  blessing: string;
  /** "KEPALA DINAS …," (ends with a comma). */
  issuerLine: string;
  considerations: Point[];
  legalBases: Point[];
  decides: string;
  /** "KEPUTUSAN … TENTANG … ." */
  establishes: string;
  dictums: Dictum[];
  signature: SignatureBlock;
  copiesTo: { heading: string; items: Point[] };
  appendix: {
    headingLines: Array<{ label: string; text: string }>;
    title: string;
    columns: typeof MEMBER_COLUMNS;
    rows: MemberRow[];
  };
  /** The team's name as used in sentences: "Tim Pelaksana …". */
  teamName: string;
  /** The issuing office in sentence case: "Kepala Dinas … Kabupaten X". */
  issuerSentence: string;
};

export function pageSetup(plan: Plan): PageSetup {
  const paper = plan.organization.paper ?? DEFAULT_PAPER;
  const size = PAPER_SIZES_MM[paper];
  const font = oneLine(plan.organization.font ?? "") || DEFAULT_FONT;
  return { paper, widthMm: size.width, heightMm: size.height, marginsMm: { ...DEFAULT_MARGINS_MM }, font, fontSizePt: DEFAULT_FONT_SIZE_PT };
}

/** A decree issued by the kepala daerah (Bupati, Wali Kota, Gubernur) or a Sekda for them. */
const REGIONAL_HEAD = /^(BUPATI|WALI ?KOTA|WALIKOTA|GUBERNUR)\b/;

export function issuedByRegionalHead(plan: Plan): boolean {
  return REGIONAL_HEAD.test(caps(oneLine(plan.decree.issuerTitle)));
}

export function letterhead(plan: Plan): Letterhead {
  const o = plan.organization;
  // The kepala daerah's own kop: the office title alone, no agency name or address.
  if (issuedByRegionalHead(plan)) return { kind: "head", office: caps(oneLine(plan.decree.issuerTitle)), contactLines: [] };
  const government = oneLine(o.government ?? "") || (oneLine(o.region ?? "") ? `PEMERINTAH ${oneLine(o.region ?? "")}` : "");
  const contact: string[] = [];
  const first = [oneLine(o.address ?? ""), oneLine(o.phone ?? "") ? `Telepon ${oneLine(o.phone ?? "")}` : ""].filter(Boolean).join(", ");
  if (first) contact.push(first);
  const second = [oneLine(o.website ?? "") ? `Laman: ${oneLine(o.website ?? "")}` : "", oneLine(o.email ?? "") ? `Pos-el: ${oneLine(o.email ?? "")}` : ""]
    .filter(Boolean)
    .join("  ");
  if (second) contact.push(second);
  return { kind: "office", ...(government ? { government: caps(government) } : {}), office: caps(oneLine(o.name)), contactLines: contact };
}

/** The team decree's own subject: the plan's, or "Pembentukan Tim Pelaksana " + title. */
export function teamDecreeSubject(plan: Plan): string {
  return oneLine(plan.decree.subject ?? "") || `Pembentukan Tim Pelaksana ${oneLine(plan.title)}`;
}

/**
 * The decree's subject (TENTANG …): the team decree's own, or, for a decree amending an approved
 * one, "Perubahan atas Keputusan … Nomor … tentang …" (indonesia.md §1.5, amending a decree).
 */
export function decreeSubject(plan: Plan): string {
  const a = plan.decree.amends;
  if (a?.kind === "perubahan") return `Perubahan ${amendmentOrdinal(a)}atas ${amendedDecreeName(plan, a)}`;
  return teamDecreeSubject(plan);
}

/** "Kedua " for a second amendment of the same decree, "Ketiga " for a third; "" for the first. */
function amendmentOrdinal(a: AmendedDecree, upper = false): string {
  if (!a.ordinal || a.ordinal < 2) return "";
  const word = ordinalDiktum(a.ordinal);
  return `${upper ? word : word.charAt(0) + word.slice(1).toLowerCase()} `;
}

/** The subject in capitals, as headings print it; the number cited keeps its own letters ("…/Kep/2027"). */
export function decreeSubjectCaps(plan: Plan): string {
  const a = plan.decree.amends;
  if (a?.kind !== "perubahan") return caps(teamDecreeSubject(plan));
  const issuer = caps(oneLine(a.issuerTitle ?? "") || oneLine(plan.decree.issuerTitle));
  return `PERUBAHAN ${amendmentOrdinal(a, true)}ATAS KEPUTUSAN ${issuer} NOMOR ${oneLine(a.number)} TENTANG ${caps(stripListEnd(a.subject))}`;
}

type AmendedDecree = NonNullable<Plan["decree"]["amends"]>;

/** "Keputusan Kepala Dinas … Nomor 800/001/2027 tentang Pembentukan …" — the decree amended, as cited. */
export function amendedDecreeName(plan: Plan, a: AmendedDecree, withDate = false): string {
  const issuer = a.issuerTitle && !sameOffice(a.issuerTitle, plan.decree.issuerTitle) ? titleCaseOffice(a.issuerTitle) : issuerSentence(plan);
  const date = withDate && a.date ? ` tanggal ${formatTanggal(a.date)}` : "";
  // A decree already amended is cited with its amendments (TND): "sebagaimana telah diubah dengan
  // Keputusan … Nomor …", or after several "sebagaimana telah beberapa kali diubah, terakhir dengan …".
  const changes = a.amendedBy ?? [];
  const last = changes[changes.length - 1];
  const lastCited = last ? `Keputusan ${issuer} Nomor ${oneLine(last.number)}${withDate && last.date ? ` tanggal ${formatTanggal(last.date)}` : ""}` : "";
  const amended = !last ? "" : changes.length === 1 ? ` sebagaimana telah diubah dengan ${lastCited}` : ` sebagaimana telah beberapa kali diubah, terakhir dengan ${lastCited}`;
  return `Keputusan ${issuer} Nomor ${oneLine(a.number)}${date} tentang ${stripListEnd(a.subject)}${amended}`;
}

/** "Tim Pelaksana …" as named in the dictums and the appendix title. */
export function teamName(plan: Plan): string {
  const subject = teamDecreeSubject(plan);
  const withoutVerb = subject.replace(/^pembentukan\s+/i, "");
  if (/^tim\b/i.test(withoutVerb)) return withoutVerb.replace(/^tim\b/i, "Tim");
  return `Tim Pelaksana ${oneLine(plan.title)}`;
}

/** The issuing office as written inside a sentence ("Keputusan Kepala Dinas … tentang …"). */
export function issuerSentence(plan: Plan): string {
  const issuer = oneLine(plan.decree.issuerTitle);
  const s = plan.decree.signatory;
  // Prefer the writer's own mixed-case spelling of the same office over our title-casing of capitals.
  for (const candidate of [s.position, s.onBehalfOf ?? ""]) {
    const c = oneLine(candidate).replace(/^(plt|plh|a\.?\s?n)\.?\s+/i, "");
    if (c && c !== caps(c) && sameOffice(c, issuer)) return c;
  }
  return titleCaseOffice(issuer);
}

/** Members in decree order: pengarah, penanggung jawab, ketua, sekretaris, anggota (stable within a role). */
/** One row of the members table (No · Jabatan dalam Tim · Nama/NIP · Jabatan), as every document prints it. */
export function memberRow(m: TeamMember, index: number): MemberRow {
  const nip = oneLine(m.nip ?? "");
  return {
    no: `${index + 1}.`,
    role: ROLE_LABELS[m.role],
    name: oneLine(m.name),
    ...(nip ? { nipLine: `NIP. ${formatNip(nip)}` } : {}),
    position: oneLine(m.position),
  };
}

export function orderedMembers(team: readonly TeamMember[]): TeamMember[] {
  return ROLE_ORDER.flatMap((role) => team.filter((m) => m.role === role));
}

function conclusionConsideration(count: number, issuer: string, subject: string): string {
  const refs = Array.from({ length: count }, (_, i) => `huruf ${hurufUrut(i)}`);
  let joined: string;
  if (refs.length <= 1) joined = refs[0] ?? "";
  else if (refs.length === 2) joined = `${refs[0]} dan ${refs[1]}`;
  else joined = `${refs.slice(0, -1).join(", ")}, dan ${refs[refs.length - 1]}`;
  return `bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam ${joined}, perlu menetapkan Keputusan ${issuer} tentang ${subject};`;
}

const CONCLUSION_MARK = /berdasarkan\s+pertimbangan\s+sebagaimana\s+dimaksud/i;

/** Whether a consideration is the concluding one ("bahwa berdasarkan pertimbangan sebagaimana dimaksud …"). */
export function isConclusion(consideration: string): boolean {
  return CONCLUSION_MARK.test(consideration);
}

function considerations(plan: Plan, issuer: string, subject: string): Point[] {
  const given = plan.decree.considerations.map(oneLine).filter(Boolean);
  const amends = plan.decree.amends;
  // The plan's own conclusion names the decree it first set; an amendment concludes anew.
  const hasConclusion = !amends && given.length > 0 && isConclusion(given[given.length - 1] ?? "");
  const body = given.length > 0 && isConclusion(given[given.length - 1] ?? "") ? given.slice(0, -1) : given;
  if (amends) {
    // Menimbang of an amendment cites the decree it amends first, and says why it changes last.
    const cited = amendedDecreeName(plan, amends, true);
    body.unshift(`bahwa telah ditetapkan ${cited}`);
    body.push(
      amends.kind === "perubahan"
        ? `bahwa dengan adanya perubahan rencana ${oneLine(plan.title)}, Keputusan sebagaimana dimaksud dalam huruf a perlu diubah`
        : `bahwa dengan adanya perubahan rencana ${oneLine(plan.title)}, Keputusan sebagaimana dimaksud dalam huruf a perlu diganti dengan Keputusan yang baru`,
    );
  }
  if (body.length === 0) {
    // A draft without considerations still reads as a decree; validate warns that they are missing.
    body.push(
      `bahwa dalam rangka pelaksanaan ${oneLine(plan.title)} pada ${oneLine(plan.organization.name)} Tahun Anggaran ${plan.fiscalYear}, perlu dibentuk tim pelaksana`,
    );
  }
  const texts = body.map(asConsideration);
  texts.push(hasConclusion ? asConsideration(given[given.length - 1] ?? "") : conclusionConsideration(body.length, issuer, subject));
  return texts.map((text, i) => ({ label: hurufPoin(i), text }));
}

function legalBases(plan: Plan): Point[] {
  const given = plan.decree.legalBases.map(oneLine).filter(Boolean);
  if (given.length === 0) return [{ label: "1.", text: `${BLANK};` }];
  return given.map((t, i) => ({ label: `${i + 1}.`, text: `${stripListEnd(t)};` }));
}

/**
 * The team's duties for the second dictum, naming who does what: one lettered point per member
 * in decree order ("Ketua (Agus Priyanto, S.STP.):"), their duties numbered 1), 2), …; members of
 * one role with the same duties share a point. Members without duties are left out.
 */
function dutyPoints(plan: Plan): Point[] {
  const groups: Array<{ role: TeamRole; names: string[]; duties: string[]; key: string }> = [];
  for (const m of orderedMembers(plan.team)) {
    const seen = new Set<string>();
    const duties: string[] = [];
    for (const d of m.duties) {
      const clean = lowerFirstWord(stripListEnd(d));
      const k = clean.toLocaleLowerCase("id-ID");
      if (clean && !seen.has(k)) {
        seen.add(k);
        duties.push(clean);
      }
    }
    if (duties.length === 0) continue;
    const key = [...seen].join("\n");
    const same = groups.find((g) => g.role === m.role && g.key === key);
    if (same) same.names.push(oneLine(m.name));
    else groups.push({ role: m.role, names: [oneLine(m.name)], duties, key });
  }
  return groups.map((g, gi) => {
    const last = gi === groups.length - 1;
    const label = hurufPoin(gi);
    // Names may hold commas ("Drs. X, M.Si."): several are separated by semicolons.
    const who = `${ROLE_LABELS[g.role]} (${g.names.join("; ")})`;
    if (g.duties.length === 1) {
      return { label, text: `${who}: ${g.duties[0]}${last ? "." : ";"}` };
    }
    const items = punctuateList(g.duties, last ? "." : ";");
    return { label, text: `${who}:`, subpoints: items.map((text, i) => ({ label: `${i + 1})`, text })) };
  });
}

/** The sentences of a free-text paragraph (a sentence ends after a word of three or more letters). */
function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=(?:\p{L}{3}|\))[.!?])\s+(?=[\p{Lu}\d])/u).map(oneLine).filter(Boolean);
}

/** The team's working procedure as a normative dictum, whatever form the plan writes it in. */
export function procedureDictum(procedures: string | undefined): Omit<Dictum, "ordinal"> | undefined {
  const lines = (procedures ?? "")
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)]|[a-z][.)])\s*/i, ""))
    .map(oneLine)
    .filter(Boolean);
  // One paragraph is split into its sentences: each becomes a point.
  const items = (lines.length === 1 ? sentences(lines[0] ?? "") : lines).map((l) => lowerFirstWord(stripListEnd(l))).filter(Boolean);
  if (items.length === 0) return undefined;
  if (items.length === 1) return { text: `Tim melaksanakan tugas dengan mekanisme kerja sebagai berikut: ${items[0]}.` };
  return {
    text: "Tim melaksanakan tugas dengan mekanisme kerja sebagai berikut:",
    points: punctuateList(items, ".").map((t, i) => ({ label: hurufPoin(i), text: t })),
  };
}

function dictums(plan: Plan, team: string, issuer: string): Dictum[] {
  const texts: Array<Omit<Dictum, "ordinal">> = [];
  const amends = plan.decree.amends;
  const amended = amends ? amendedDecreeName(plan, amends) : "";
  texts.push({
    text:
      amends?.kind === "perubahan"
        ? `Mengubah susunan keanggotaan dan tugas ${team} sebagaimana ditetapkan dalam ${amended}, yang selanjutnya disebut Tim, sehingga susunan keanggotaan Tim menjadi sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`
        : `Membentuk ${team}, yang selanjutnya disebut Tim, dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`,
  });
  const duties = dutyPoints(plan);
  if (duties.length > 0) texts.push({ text: "Tim sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:", points: duties });
  else texts.push({ text: `Tim sebagaimana dimaksud dalam Diktum KESATU bertugas melaksanakan ${oneLine(plan.title)} sesuai dengan rencana kegiatan yang telah disusun.` });
  const extras = plan.decree.dictums.map(oneLine).filter(Boolean);
  // When the plan words the reporting dictum itself, that wording takes the reporting place.
  const ownReporting = extras.findIndex((d) => REPORTING_DICTUM.test(d));
  const hasPengarah = plan.team.some((m) => m.role === "pengarah");
  texts.push({
    text: ownReporting >= 0 ? asSentence(extras[ownReporting] ?? "") : hasPengarah
      ? `Dalam melaksanakan tugasnya, Tim berada di bawah arahan Pengarah dan bertanggung jawab serta menyampaikan laporan kepada ${issuer}.`
      : `Dalam melaksanakan tugasnya, Tim bertanggung jawab dan menyampaikan laporan kepada ${issuer}.`,
  });
  const procedure = procedureDictum(plan.teamProcedures);
  if (procedure) texts.push(procedure);
  // Extra dictums (e.g. funding); the effective-date dictum always comes last, once.
  let effective = EFFECTIVE_DICTUM;
  const funded = extras.some(chargesCosts);
  for (const [i, d] of extras.entries()) {
    if (i === ownReporting) continue;
    if (/^keputusan ini mulai berlaku\b/i.test(d)) effective = asSentence(d);
    else texts.push({ text: asSentence(d) });
  }
  // A team with a budget charges it somewhere: when the plan does not say where, the unit's DPA.
  if (!funded && plan.budget.length > 0) texts.push({ text: fundingDictum(plan) });
  // The decree amended stays in force where not changed; the one replaced is revoked (§1.5).
  if (amends?.kind === "perubahan") texts.push({ text: `Ketentuan lain dalam ${amended} yang tidak diubah dengan Keputusan ini dinyatakan tetap berlaku.` });
  if (amends?.kind === "pencabutan") texts.push({ text: `Dengan berlakunya Keputusan ini, ${amended} dicabut dan dinyatakan tidak berlaku.` });
  texts.push({ text: effective });
  return texts.map((d, i) => ({ ordinal: ordinalDiktum(i + 1), ...d }));
}

const FUNDING_DICTUM = /\b(dibebankan|DPA|DIPA|APBD|APBDes|APBN)\b/i;

/** Whether a dictum charges the costs to a budget (DPA, DIPA, APBD, … or "dibebankan"). */
export function chargesCosts(dictum: string): boolean {
  return FUNDING_DICTUM.test(dictum);
}

/** The funding dictum of a regional unit (indonesia.md §1.2, dictum 4). */
export function fundingDictum(plan: Plan): string {
  return `Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Dokumen Pelaksanaan Anggaran ${oneLine(plan.organization.name)} Tahun Anggaran ${plan.fiscalYear}.`;
}

const REPORTING_DICTUM = /\b(bertanggung jawab|menyampaikan laporan|melaporkan)\b[^.]*\bkepada\b/i;

function lowerFirstWord(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase("id-ID") + s.slice(1) : s;
}

function withComma(s: string): string {
  return `${s.replace(/[\s,]+$/u, "")},`;
}

export function signatureBlock(plan: Plan): SignatureBlock {
  const d = plan.decree;
  const s = d.signatory;
  const issuer = caps(oneLine(d.issuerTitle));
  const position = caps(oneLine(s.position).replace(/^(plt|plh)\.?\s+/i, ""));
  let officeLines: string[];
  switch (s.capacity) {
    case "an":
      officeLines = [`a.n. ${caps(oneLine(s.onBehalfOf ?? "")) || issuer}`, withComma(position)];
      break;
    case "plt":
      officeLines = [withComma(`Plt. ${issuer}`)];
      break;
    case "plh":
      officeLines = [withComma(`Plh. ${issuer}`)];
      break;
    default:
      officeLines = [withComma(issuer)];
  }
  const nip = oneLine(s.nip ?? "");
  const rank = printRank(s.rank);
  return {
    placeLine: `Ditetapkan di ${oneLine(d.place) || BLANK}`,
    dateLine: `pada tanggal ${d.date ? formatTanggal(d.date) : BLANK}`,
    officeLines,
    name: oneLine(s.name) || BLANK,
    ...(rank ? { rank } : {}),
    ...(nip ? { nipLine: `NIP. ${formatNip(nip)}` } : {}),
  };
}

export function decreeModel(plan: Plan): DecreeModel {
  const d = plan.decree;
  const subject = decreeSubject(plan);
  const subjectCaps = decreeSubjectCaps(plan);
  const team = teamName(plan);
  const issuer = issuerSentence(plan);
  const issuerCaps = caps(oneLine(d.issuerTitle));
  const number = oneLine(d.number ?? "");
  const title = `KEPUTUSAN ${issuerCaps}`;
  const copies = d.copiesTo.map(oneLine).filter(Boolean);
  return {
    page: pageSetup(plan),
    letterhead: letterhead(plan),
    heading: { title, number: `NOMOR ${number || BLANK}`, about: "TENTANG", subject: subjectCaps },
    blessing: BLESSING,
    issuerLine: withComma(issuerCaps),
    considerations: considerations(plan, issuer, subject),
    legalBases: legalBases(plan),
    decides: DECIDES,
    establishes: `KEPUTUSAN ${issuerCaps} TENTANG ${subjectCaps}.`,
    dictums: dictums(plan, team, issuer),
    signature: signatureBlock(plan),
    copiesTo: {
      heading: "Tembusan:",
      items: punctuateList(copies, ".", false).map((text, i) => ({ label: `${i + 1}.`, text })),
    },
    appendix: {
      headingLines: [
        { label: "LAMPIRAN", text: "" },
        { label: "", text: title },
        { label: "NOMOR", text: number || BLANK },
        { label: "TANGGAL", text: d.date ? formatTanggal(d.date) : BLANK },
        { label: "TENTANG", text: subjectCaps },
      ],
      title: `SUSUNAN KEANGGOTAAN ${caps(team)}`,
      columns: MEMBER_COLUMNS,
      rows: orderedMembers(plan.team).map(memberRow),
    },
    teamName: team,
    issuerSentence: issuer,
  };
}
