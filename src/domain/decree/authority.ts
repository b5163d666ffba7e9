// Who may sign the team decree (indonesia.md §1.5): the official holding the issuing office,
// acting as Plt./Plh. for it, or signing a.n. on its behalf — never a member of the team it forms
// (the supervisor drafts and initials, the authority signs). Errors here refuse rendering.
import type { Finding, Severity } from "../findings.js";
import type { Bilingual } from "../messages.js";
import type { Plan } from "../plan/schema.js";
import { ROLE_LABELS } from "./model.js";
import { nipDigits, normalizePersonName, oneLine, sameOffice } from "./text.js";

export const DECREE_PROBLEM_CODES = [
  "decree.issuer.missing",
  "decree.signatory.notIssuer",
  "decree.signatory.onBehalfOfMissing",
  "decree.signatory.onBehalfOfNotIssuer",
  "decree.signatory.onBehalfOfIgnored",
  "decree.signatory.teamMember",
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
