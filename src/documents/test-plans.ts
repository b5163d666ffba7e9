// Plans for document tests: the demo example, and the same plan with hostile text in every
// field a document prints. Test-only (imported by *.test.ts).
import { readFileSync } from "node:fs";
import { TEXT_LIMITS, type Plan } from "../domain/plan/schema.js";
import { validatePlan, validatePlanText } from "../domain/plan/validate.js";

export const EXAMPLE_PLAN_FILE = new URL("../../examples/adminduk-keliling-lansia.json", import.meta.url);

export function examplePlan(): Plan {
  const result = validatePlanText(readFileSync(EXAMPLE_PLAN_FILE, "utf8"));
  if (!result.ok) throw new Error(`example plan invalid: ${JSON.stringify(result.errors)}`);
  return result.plan;
}

export const MARKUP = `<w:p><w:r><w:t>]]></w:t></w:r></w:p> <script>alert("x")</script> & 'kutip' "ganda" {{x}} \${y}`;
/** Control characters that XML 1.0 forbids, and a lone surrogate. */
export const CONTROL = "a\u0000b\u0001c\u0007d\u000Be\u001Ff\u007Fg\uD800h\uFFFFi";
/** The longest name format v1 allows, without a single break opportunity (far wider than a line). */
export const LONG_WORD = "W".repeat(TEXT_LIMITS.name);
/** The longest statement format v1 allows, of ordinary words. */
export const LONG_TEXT = Array.from({ length: 1000 }, (_, i) => `kata${String(i).padStart(4, "0")}`).join(" ").slice(0, TEXT_LIMITS.text);

/** Emoji (with a skin tone), Arabic and Hebrew: scripts the document font has no glyphs for. */
export const WORLD_TEXT = "😀👍🏽 مرحبا بالعالم שלום עולם";
/** A 3,000-character word, in a long text field (team procedures). */
export const WORD_3000 = "Q".repeat(3000);

/**
 * The example with hostile text in every printed field. Markup, emoji, right-to-left text and
 * very long words pass validation; the control characters are put in after it (validation
 * refuses them now), as in plans stored before that rule: documents must still stay valid.
 */
export function hostilePlan(): Plan {
  const plan = structuredClone(examplePlan());
  plan.title = `${MARKUP} ${WORLD_TEXT}`;
  plan.organization.name = `Dinas <b>Uji</b> & "Coba"`;
  plan.organization.address = MARKUP;
  plan.organization.font = `<"Bookman" & 'x'>`;
  plan.decree.subject = `Pembentukan Tim ${MARKUP}`;
  plan.decree.number = `<nomor>&amp;`;
  plan.decree.considerations = [MARKUP, LONG_TEXT, WORLD_TEXT];
  plan.decree.legalBases = [MARKUP, LONG_WORD];
  plan.decree.dictums = [`Segala biaya ${MARKUP}`, LONG_TEXT];
  plan.decree.copiesTo = [MARKUP, WORLD_TEXT];
  plan.teamProcedures = `Rapat tim ${WORD_3000} setiap Senin.`;
  const ketua = plan.team.find((m) => m.role === "ketua");
  if (ketua) {
    ketua.name = LONG_WORD;
    ketua.position = MARKUP;
    ketua.duties = [MARKUP, WORLD_TEXT, LONG_TEXT];
  }
  for (const a of plan.activities.slice(0, 3)) a.name = `${MARKUP} ${a.name}`;
  const first = plan.activities[0];
  if (first) first.name = LONG_WORD;
  const stakeholder = plan.stakeholders[0];
  if (stakeholder) stakeholder.name = MARKUP;
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error(`hostile plan invalid: ${JSON.stringify(checked.errors)}`);
  const hostile = checked.plan;
  hostile.title = `${hostile.title} ${CONTROL}`;
  hostile.organization.name = `${hostile.organization.name} ${CONTROL}`;
  hostile.decree.number = `${hostile.decree.number}${CONTROL}`;
  hostile.decree.considerations.push(CONTROL);
  hostile.decree.copiesTo.push(CONTROL);
  const k = hostile.team.find((m) => m.role === "ketua");
  if (k) k.duties.splice(1, 0, CONTROL);
  for (const a of hostile.activities.slice(0, 3)) a.output = CONTROL;
  return hostile;
}

/** Whitespace collapsed: PDF and converted text wrap lines anywhere. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Whitespace removed entirely, for text that a layout may break without spaces. */
export function dense(s: string): string {
  return s.replace(/\s+/g, "");
}

/** Removes page numbers ("n/m" footers, "- n -" headers), which pdftotext puts wherever a page ends. */
export function withoutPageFooters(s: string): string {
  return s.replace(/^\s*(\d+\/\d+|-\s*\d+\s*-)\s*$/gm, "");
}

/**
 * Checks that every part appears in `text`, each after the previous one; returns a message
 * naming the first part missing (or out of order), or undefined when all are in order.
 */
export function findOutOfOrder(text: string, parts: readonly string[], spacing: "squash" | "dense" = "squash"): string | undefined {
  // "dense" ignores spacing altogether, for narrow table columns that break "Internal/Eksternal" anywhere.
  const normalize = spacing === "dense" ? dense : squash;
  const hay = normalize(text);
  let from = 0;
  for (const [i, part] of parts.entries()) {
    const needle = normalize(part);
    const at = hay.indexOf(needle, from);
    if (at < 0) {
      const anywhere = hay.indexOf(needle);
      return anywhere < 0
        ? `part ${i} ${JSON.stringify(needle)} is missing`
        : `part ${i} ${JSON.stringify(needle)} is out of order (found at ${anywhere}, expected after ${from}: …${hay.slice(Math.max(0, from - 80), from)}…)`;
    }
    from = at + needle.length;
  }
  return undefined;
}

/** A decree number of the length offices use, with slashes a line breaker would break at. */
export const LONG_DECREE_NUMBER = "400.12.2/017/Disdukcapil/2027";

const LONG_CONSIDERATION =
  "bahwa dalam rangka meningkatkan cakupan kepemilikan dokumen kependudukan bagi penduduk lanjut usia, penyandang disabilitas, dan penduduk rentan lainnya yang tidak dapat datang ke kantor pelayanan, perlu diselenggarakan pelayanan administrasi kependudukan secara keliling dan dari rumah ke rumah yang terencana, terukur, dan terkoordinasi";
const LEGAL_BASE = (i: number) =>
  `Peraturan Menteri Dalam Negeri Nomor ${100 + i} Tahun 2019 tentang Pedoman Penyelenggaraan Pelayanan Administrasi Kependudukan Nomor ${i} (Berita Negara Republik Indonesia Tahun 2019 Nomor ${1000 + i})`;
const LONG_NAME = (i: number) => `Prof. Dr. Ir. Raden Mas Muhammad Abdurrahman Wahyudi Kusumanegara ${i}, S.H., M.Si., M.Kes.`;

/**
 * Plans that push the decree's layout: long Menimbang, 10+ Mengingat, a 20-member team, long
 * names, a long number, a Keputusan Bupati. Each also shifts where the last page breaks, so
 * together they land the signature block at different heights of a page.
 */
export function documentVariants(): Record<string, Plan> {
  const base = examplePlan();
  base.decree.number = LONG_DECREE_NUMBER;
  const variant = (change: (p: Plan) => void): Plan => {
    const p = structuredClone(base);
    change(p);
    const checked = validatePlan(p);
    if (!checked.ok) throw new Error(`variant invalid: ${JSON.stringify(checked.errors)}`);
    return checked.plan;
  };
  const bigTeam = (p: Plan, count: number) => {
    const template = p.team.find((m) => m.role === "anggota")!;
    for (let i = p.team.length; i < count; i++) {
      p.team.push({ ...template, id: `tm-x${i}`, name: LONG_NAME(i), nip: `19800101200501100${i % 10}`, duties: [`Melaksanakan tugas lapangan regu ${i}`, "Menyusun laporan harian regu"] });
    }
  };
  return {
    longConsiderations: variant((p) => (p.decree.considerations = Array.from({ length: 6 }, () => LONG_CONSIDERATION))),
    manyLegalBases: variant((p) => p.decree.legalBases.push(...Array.from({ length: 4 }, (_, i) => LEGAL_BASE(i)))),
    team20: variant((p) => bigTeam(p, 20)),
    longNames: variant((p) => {
      p.decree.signatory.name = LONG_NAME(0);
      p.decree.legalBases.push(LEGAL_BASE(1));
      bigTeam(p, 12);
    }),
    shiftOne: variant((p) => p.decree.considerations.unshift(LONG_CONSIDERATION)),
    shiftTwo: variant((p) => p.decree.considerations.unshift(LONG_CONSIDERATION, LONG_CONSIDERATION)),
    bupati: variant((p) => {
      p.decree.issuerTitle = "BUPATI KARANGSARI";
      p.decree.signatory = { name: "H. Ahmad Fauzi, S.E., M.M.", position: "Bupati Karangsari" };
      p.decree.legalBases.push(LEGAL_BASE(2), LEGAL_BASE(3));
    }),
  };
}
