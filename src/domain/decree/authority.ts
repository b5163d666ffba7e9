// Who may sign the team decree (indonesia.md §1.5): the official holding the issuing office,
// acting as Plt./Plh. for it, or signing a.n. on its behalf — never a member of the team it forms
// (the supervisor drafts and initials, the authority signs). Errors here refuse rendering.
import type { Finding, Severity } from "../findings.js";
import type { Bilingual } from "../messages.js";
import type { Plan } from "../plan/schema.js";
import { ROLE_LABELS } from "./model.js";
import { belowStructuralRank, inferLevel, isStructural, oneLevelBelow, POSITION_LEVEL_LABELS, type PositionLevel } from "./officials.js";
import { nipDigits, normalizePersonName, oneLine, sameOffice } from "./text.js";

export const DECREE_PROBLEM_CODES = [
  "decree.issuer.missing",
  "decree.signatory.notIssuer",
  "decree.signatory.onBehalfOfMissing",
  "decree.signatory.onBehalfOfNotIssuer",
  "decree.signatory.onBehalfOfIgnored",
  "decree.signatory.teamMember",
  "decree.issuer.levelMissing",
  "decree.signatory.levelMissing",
  "decree.signatory.anStaff",
  "decree.signatory.anFunctional",
  "decree.signatory.anPengawas",
  "decree.signatory.anNotOneLevelBelow",
  "decree.signatory.actingStaff",
  "decree.signatory.actingLevel",
  "decree.signatory.actingBudget",
  "decree.number.missing",
  "decree.date.missing",
  "decree.legalBases.order",
] as const;
export type DecreeProblemCode = (typeof DECREE_PROBLEM_CODES)[number];

export type DecreeProblem = { code: DecreeProblemCode; severity: Severity; path: string; message: Bilingual; ref?: string };

const q = (s: string) => `"${oneLine(s)}"`;

/** Authority problems of the decree: errors refuse rendering; warnings (missing number, date) do not. */
export function decreeAuthority(plan: Plan): DecreeProblem[] {
  const d = plan.decree;
  const s = d.signatory;
  const problems: DecreeProblem[] = [];
  const issuer = oneLine(d.issuerTitle);
  const capacity = s.capacity ?? "definitive";

  if (!issuer) {
    problems.push({
      code: "decree.issuer.missing",
      severity: "error",
      path: "decree.issuerTitle",
      message: {
        id: "jabatan yang menetapkan Keputusan (issuerTitle) wajib diisi, mis. \"KEPALA DINAS … KABUPATEN …\"",
        en: "the office issuing the decree (issuerTitle) is required, e.g. \"KEPALA DINAS … KABUPATEN …\"",
      },
    });
  } else if (capacity === "an") {
    const onBehalfOf = oneLine(s.onBehalfOf ?? "");
    if (!onBehalfOf) {
      problems.push({
        code: "decree.signatory.onBehalfOfMissing",
        severity: "error",
        path: "decree.signatory.onBehalfOf",
        message: {
          id: `penandatangan "a.n." harus menyebut jabatan yang diwakili (onBehalfOf), yaitu ${q(issuer)}`,
          en: `an "a.n." signatory must name the office signed for (onBehalfOf), namely ${q(issuer)}`,
        },
      });
    } else if (!sameOffice(onBehalfOf, issuer)) {
      problems.push({
        code: "decree.signatory.onBehalfOfNotIssuer",
        severity: "error",
        path: "decree.signatory.onBehalfOf",
        message: {
          id: `penandatangan menandatangani a.n. ${q(onBehalfOf)}, padahal Keputusan ditetapkan oleh ${q(issuer)}; "a.n." hanya sah atas nama pejabat yang menetapkan`,
          en: `the signatory signs on behalf of ${q(onBehalfOf)}, but the decree is issued by ${q(issuer)}; "a.n." is valid only on behalf of the issuing office`,
        },
      });
    }
  } else if (!sameOffice(s.position, issuer)) {
    const acting = capacity === "plt" ? "Plt. " : capacity === "plh" ? "Plh. " : "";
    problems.push({
      code: "decree.signatory.notIssuer",
      severity: "error",
      path: "decree.signatory.position",
      message: {
        id: `jabatan penandatangan ${q(s.position)} tidak memegang kewenangan menetapkan Keputusan ${q(issuer)}; yang berwenang adalah ${acting}${oneLine(issuer)} sendiri, atau pejabat lain dengan kapasitas "an" (a.n.) atas namanya`,
        en: `the signatory's position ${q(s.position)} does not hold the office issuing the decree, ${q(issuer)}; only ${acting}${oneLine(issuer)} may sign, or another official with capacity "an" (a.n.) on its behalf`,
      },
    });
  }

  if (issuer && capacity !== "definitive") problems.push(...levelProblems(plan));

  if (capacity !== "an" && oneLine(s.onBehalfOf ?? "")) {
    problems.push({
      code: "decree.signatory.onBehalfOfIgnored",
      severity: "warning",
      path: "decree.signatory.onBehalfOf",
      message: {
        id: `onBehalfOf hanya dipakai bila kapasitas penandatangan "an" (a.n.); sekarang diabaikan`,
        en: `onBehalfOf is used only when the signatory's capacity is "an" (a.n.); it is ignored now`,
      },
    });
  }

  // A member below the pengarah signing the decree that forms their own team.
  const signatoryNip = nipDigits(s.nip);
  const signatoryName = normalizePersonName(s.name);
  plan.team.forEach((m, i) => {
    if (m.role === "pengarah") return;
    const memberNip = nipDigits(m.nip);
    const same = signatoryNip && memberNip ? signatoryNip === memberNip : signatoryName !== "" && signatoryName === normalizePersonName(m.name);
    if (!same) return;
    problems.push({
      code: "decree.signatory.teamMember",
      severity: "error",
      path: "decree.signatory.name",
      ref: m.id,
      message: {
        id: `penandatangan ${q(s.name)} adalah ${ROLE_LABELS[m.role]} dalam tim (team[${i}]); anggota tim di bawah Pengarah tidak boleh menandatangani Keputusan pembentukan timnya sendiri — konsep diparaf lalu ditandatangani pejabat yang berwenang`,
        en: `the signatory ${q(s.name)} is the team's ${ROLE_LABELS[m.role]} (team[${i}]); a member below the pengarah may not sign the decree forming their own team — the draft is initialled and signed by the authorised official`,
      },
    });
  });

  if (!oneLine(d.number ?? "")) {
    problems.push({
      code: "decree.number.missing",
      severity: "warning",
      path: "decree.number",
      message: {
        id: "nomor Keputusan belum diisi; dokumen dicetak sebagai konsep dengan nomor kosong",
        en: "the decree number is not filled in yet; the document prints as a draft with a blank number",
      },
    });
  }
  if (!d.date) {
    problems.push({
      code: "decree.date.missing",
      severity: "warning",
      path: "decree.date",
      message: {
        id: "tanggal penetapan belum diisi; dicetak kosong untuk diisi saat ditandatangani",
        en: "the date of issue is not filled in yet; it prints blank, to be filled in when signed",
      },
    });
  }
  return problems;
}

/** A level as known for the rules: recorded, or read from a title or rank (then said so). */
type KnownLevel = { level: PositionLevel; source: "recorded" | "title" | "rank" };

/** The level of the issuing office: `decree.issuerLevel`, else what its title plainly says. */
export function issuerLevel(plan: Plan): KnownLevel | undefined {
  if (plan.decree.issuerLevel) return { level: plan.decree.issuerLevel, source: "recorded" };
  const inferred = inferLevel(plan.decree.issuerTitle);
  return inferred ? { level: inferred, source: "title" } : undefined;
}

/** The team member the signatory is (same NIP, else same name), if any. */
function signatoryMember(plan: Plan): Plan["team"][number] | undefined {
  const s = plan.decree.signatory;
  const nip = nipDigits(s.nip);
  const name = normalizePersonName(s.name);
  return plan.team.find((m) => {
    const memberNip = nipDigits(m.nip);
    return nip && memberNip ? nip === memberNip : name !== "" && name === normalizePersonName(m.name);
  });
}

/**
 * The level of the signatory's own (definitive) position: recorded on the signatory or on their
 * entry in the team; else read from their own title (for a.n., `position` is it; under Plt./Plh.
 * `position` is the office acted in, so only the team entry's title tells); else a golongan I/II
 * rank, which no structural position has.
 */
export function signatoryLevel(plan: Plan): KnownLevel | undefined {
  const s = plan.decree.signatory;
  const member = signatoryMember(plan);
  if (s.level) return { level: s.level, source: "recorded" };
  if (member?.level) return { level: member.level, source: "recorded" };
  const own = (s.capacity ?? "definitive") === "an" ? s.position : member?.position;
  const inferred = own ? inferLevel(own) : undefined;
  if (inferred) return { level: inferred, source: "title" };
  if (belowStructuralRank(s.rank) || belowStructuralRank(member?.rank)) return { level: "pelaksana", source: "rank" };
  return undefined;
}

const RULE_AN: Bilingual = {
  id: "aturan: a.n. hanya ditandatangani pejabat struktural satu tingkat di bawah pejabat yang menetapkan (mis. Sekretaris Dinas a.n. Kepala Dinas), tidak oleh staf pelaksana, pejabat fungsional, atau pejabat pengawas penyusun konsep",
  en: "rule: a.n. is signed only by a structural official one level below the issuing official (e.g. the Sekretaris Dinas for the Kepala Dinas), never by staff (pelaksana), a functional officer or the drafting pengawas",
};
const RULE_ACTING: Bilingual = {
  id: "aturan: Plt./Plh. hanya pejabat struktural yang setingkat atau satu tingkat di bawah pejabat yang digantikan, tidak staf pelaksana atau pejabat fungsional (UU 30/2014 Pasal 14; SE Kepala BKN 1/2021)",
  en: "rule: a Plt./Plh. is a structural official of the same level as the office acted in or one level below, never staff (pelaksana) or a functional officer (UU 30/2014 art. 14; SE Kepala BKN 1/2021)",
};

function levelName(k: KnownLevel): Bilingual {
  const label = POSITION_LEVEL_LABELS[k.level];
  const how: Bilingual =
    k.source === "title" ? { id: " (menurut nama jabatannya)", en: " (by the position's title)" } : k.source === "rank" ? { id: " (menurut golongannya)", en: " (by the rank)" } : { id: "", en: "" };
  return { id: `${label.id}${how.id}`, en: `${label.en}${how.en}` };
}

/** a.n. and Plt./Plh.: who may sign, by the level of their own position (indonesia.md §1.5). */
function levelProblems(plan: Plan): DecreeProblem[] {
  const s = plan.decree.signatory;
  const capacity = s.capacity ?? "definitive";
  const acting = capacity === "plt" || capacity === "plh";
  const rule = acting ? RULE_ACTING : RULE_AN;
  const as = acting ? (capacity === "plt" ? "Plt." : "Plh.") : "a.n.";
  const problems: DecreeProblem[] = [];
  const add = (code: DecreeProblemCode, path: string, id: string, en: string, severity: Severity = "error") =>
    problems.push({ code, severity, path, message: { id: `${id}; ${rule.id}`, en: `${en}; ${rule.en}` } });

  const issuer = issuerLevel(plan);
  const signer = signatoryLevel(plan);
  if (!signer) {
    add(
      "decree.signatory.levelMissing",
      "decree.signatory.level",
      `tingkat jabatan penandatangan ${q(s.name)} (level: JPT, administrator, pengawas, fungsional, atau pelaksana) belum dicatat, sehingga kewenangan ${as} tidak dapat diperiksa`,
      `the level of the signatory ${q(s.name)}'s own position (level: JPT, administrator, pengawas, fungsional or pelaksana) is not recorded, so the ${as} authority cannot be checked`,
    );
  } else if (!isStructural(signer.level)) {
    const staff = signer.level === "pelaksana";
    const l = levelName(signer);
    add(
      acting ? "decree.signatory.actingStaff" : staff ? "decree.signatory.anStaff" : "decree.signatory.anFunctional",
      s.level ? "decree.signatory.level" : "decree.signatory.position",
      `${q(s.name)} adalah ${l.id}, bukan pejabat struktural, sehingga tidak boleh menandatangani ${as}`,
      `${q(s.name)} is ${l.en}, not a structural official, so may not sign ${as}`,
    );
  } else if (!acting && signer.level === "pengawas") {
    add(
      "decree.signatory.anPengawas",
      s.level ? "decree.signatory.level" : "decree.signatory.position",
      `${q(s.name)} adalah pejabat pengawas: pengawas menyusun konsep dan memaraf, tidak menandatangani a.n.`,
      `${q(s.name)} is a pengawas: the pengawas drafts and initials, and does not sign a.n.`,
    );
  } else if (!issuer) {
    add(
      "decree.issuer.levelMissing",
      "decree.issuerLevel",
      `tingkat jabatan yang menetapkan Keputusan ${q(plan.decree.issuerTitle)} (issuerLevel) belum dicatat, sehingga kewenangan ${as} tidak dapat diperiksa`,
      `the level of the issuing office ${q(plan.decree.issuerTitle)} (issuerLevel) is not recorded, so the ${as} authority cannot be checked`,
    );
  } else if (acting ? !(signer.level === issuer.level || oneLevelBelow(issuer.level, signer.level)) : !oneLevelBelow(issuer.level, signer.level)) {
    const sl = levelName(signer), il = levelName(issuer);
    add(
      acting ? "decree.signatory.actingLevel" : "decree.signatory.anNotOneLevelBelow",
      s.level ? "decree.signatory.level" : "decree.signatory.position",
      `${q(s.name)} (${sl.id}) tidak ${acting ? "setingkat atau satu tingkat di bawah" : "satu tingkat di bawah"} pejabat yang menetapkan (${il.id})`,
      `${q(s.name)} (${sl.en}) is not ${acting ? "of the same level as or one level below" : "one level below"} the issuing official (${il.en})`,
    );
  }
  if (acting && plan.budget.length > 0) {
    problems.push({
      code: "decree.signatory.actingBudget",
      severity: "warning",
      path: "decree.signatory.capacity",
      message: {
        id: `${as} tidak boleh mengambil keputusan strategis yang mengubah alokasi anggaran (UU 30/2014 Pasal 14 ayat (7)); membentuk tim pelaksana boleh, tetapi pastikan pembebanan biayanya sudah dianggarkan`,
        en: `a ${as} may not take strategic decisions that change budget allocation (UU 30/2014 art. 14(7)); forming an implementation team is allowed, but make sure what it charges is already budgeted`,
      },
    });
  }
  return problems;
}

/** The authority errors, if any: rendering the decree is refused while this is non-empty. */
export function decreeAuthorityErrors(plan: Plan): DecreeProblem[] {
  return decreeAuthority(plan).filter((p) => p.severity === "error");
}

export class DecreeAuthorityError extends Error {
  constructor(readonly problems: DecreeProblem[]) {
    super(
      `Keputusan tidak dapat dibuat / the decree cannot be rendered:\n` +
        problems.map((p) => `  ${p.path}: ${p.message.id}\n    (${p.message.en})`).join("\n"),
    );
    this.name = "DecreeAuthorityError";
  }
}

/** Throws DecreeAuthorityError when the plan's signatory may not sign its decree. */
export function assertDecreeAuthority(plan: Plan): void {
  const errors = decreeAuthorityErrors(plan);
  if (errors.length > 0) throw new DecreeAuthorityError(errors);
}

// Hierarchy of Indonesian legislation (UU 12/2011 art. 7, plus ministerial and regional-head
// regulations): Mengingat lists bases from the highest rank down, then by date.
const LEGAL_RANKS: Array<[RegExp, number]> = [
  [/^undang-undang dasar\b/i, 1],
  [/^ketetapan majelis\b|^tap mpr\b/i, 2],
  [/^undang-undang\b|^peraturan pemerintah pengganti undang-undang\b/i, 3],
  [/^peraturan pemerintah\b/i, 4],
  [/^peraturan presiden\b|^keputusan presiden\b|^instruksi presiden\b/i, 5],
  [/^peraturan menteri\b|^peraturan lembaga\b|^peraturan (badan|kepala badan|lembaga administrasi|arsip)\b|^keputusan menteri\b/i, 6],
  [/^peraturan daerah provinsi\b/i, 7],
  [/^peraturan daerah (kabupaten|kota)\b/i, 8],
  [/^peraturan gubernur\b/i, 9],
  [/^peraturan (bupati|wali ?kota)\b/i, 10],
];

function legalRank(text: string): number | undefined {
  const t = oneLine(text).replace(/^\d+[.)]\s*/, "");
  for (const [re, rank] of LEGAL_RANKS) if (re.test(t)) return rank;
  return undefined;
}

function legalYear(text: string): number | undefined {
  const m = /\bTahun\s+(\d{4})\b/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

/**
 * What `validate` reports from the decree's authority rules (stage "keputusan"): the same
 * problems that refuse rendering, plus the order of Mengingat. What the decree's content still
 * lacks is reported by stages/decree-findings.ts; computeFindings merges shared codes.
 */
export function decreeFindings(plan: Plan): Finding[] {
  const d = plan.decree;
  const out: Finding[] = decreeAuthority(plan).map((p) => ({
    stage: "keputusan",
    code: p.code,
    severity: p.severity,
    message: p.message,
    path: p.path,
    ...(p.ref ? { ref: p.ref } : {}),
  }));
  const add = (code: DecreeProblemCode, path: string, message: Bilingual, severity: Severity = "warning") =>
    out.push({ stage: "keputusan", code, severity, message, path });

  // Order: rank first (higher first), then year (older first) within a rank.
  let previous: { rank: number; year: number | undefined; index: number } | undefined;
  d.legalBases.forEach((text, index) => {
    const rank = legalRank(text);
    if (rank === undefined) return;
    const year = legalYear(text);
    if (previous) {
      const outOfOrder = rank < previous.rank || (rank === previous.rank && year !== undefined && previous.year !== undefined && year < previous.year);
      if (outOfOrder) {
        add("decree.legalBases.order", `decree.legalBases[${index}]`, {
          id: `dasar hukum ini seharusnya disebut sebelum butir ${previous.index + 1}: Mengingat diurutkan menurut hierarki peraturan, lalu tahun`,
          en: `this legal basis should come before item ${previous.index + 1}: Mengingat is ordered by rank of legislation, then by year`,
        });
      }
    }
    if (!previous || rank > previous.rank || (rank === previous.rank && (year ?? 0) >= (previous.year ?? 0))) previous = { rank, year, index };
  });
  return out;
}
