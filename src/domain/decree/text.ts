// Small text rules of Indonesian decree drafting (Tata Naskah Dinas): capitals, list
// punctuation, comparing office titles and names. Pure.

/** Upper case as Indonesian writes it (no locale surprises such as Turkish dotless i). */
export function caps(s: string): string {
  return s.toLocaleUpperCase("id-ID");
}

/** Collapses runs of whitespace (including newlines) to one space and trims. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** Removes the punctuation a list item may already end with (";", ".", ",", "; dan", "; atau"). */
export function stripListEnd(s: string): string {
  return oneLine(s)
    .replace(/[;,]\s*(dan|atau)$/i, "")
    .replace(/[\s;.,:]+$/u, "");
}

/**
 * Punctuates the items of one enumeration in a legal sentence: every item ends with ";",
 * the one before last with "; dan" (when `conjunction`), the last with `finalMark`.
 */
export function punctuateList(items: readonly string[], finalMark: "." | ";" | "", conjunction = true): string[] {
  const cleaned = items.map(stripListEnd);
  return cleaned.map((item, i) => {
    if (i === cleaned.length - 1) return item + finalMark;
    if (conjunction && i === cleaned.length - 2) return `${item}; dan`;
    return `${item};`;
  });
}

/** A consideration starts with "bahwa" (lower case) and ends with ";". */
export function asConsideration(s: string): string {
  const body = stripListEnd(s);
  const withBahwa = /^bahwa\b/i.test(body) ? body.replace(/^bahwa/i, "bahwa") : `bahwa ${lowerFirst(body)}`;
  return `${withBahwa};`;
}

/** A sentence ends with "." (a dictum). */
export function asSentence(s: string): string {
  const body = oneLine(s).replace(/[\s;,:]+$/u, "");
  return /[.!?]$/.test(body) ? body : `${body}.`;
}

function lowerFirst(s: string): string {
  // Keep acronyms ("UPTD …") as written; lower only a capitalised ordinary word.
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase("id-ID") + s.slice(1) : s;
}

const SMALL_WORDS = new Set(["dan", "di", "ke", "dari", "yang", "untuk", "pada", "atau", "serta", "tentang", "dalam", "atas", "bagi", "dengan", "oleh"]);

/**
 * Title case for an office written in capitals ("KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL"
 * → "Kepala Dinas Kependudukan dan Pencatatan Sipil"), as it appears inside a sentence.
 * Words without a vowel or short all-capital words that look like acronyms stay capitals.
 */
export function titleCaseOffice(s: string): string {
  const words = oneLine(s).split(" ");
  return words
    .map((w, i) => {
      if (w === "") return w;
      const lower = w.toLocaleLowerCase("id-ID");
      const letters = w.replace(/[^\p{L}]/gu, "");
      const isAllCaps = letters.length > 0 && letters === letters.toLocaleUpperCase("id-ID");
      if (!isAllCaps) return w; // already mixed case: trust the writer
      if (!/[aiueo]/i.test(letters) || KNOWN_ACRONYMS.has(letters)) return w;
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.charAt(0).toLocaleUpperCase("id-ID") + lower.slice(1);
    })
    .join(" ");
}

const KNOWN_ACRONYMS = new Set([
  "UPTD",
  "UPT",
  "RSUD",
  "BLUD",
  "DPRD",
  "OPD",
  "BPKAD",
  "BKPSDM",
  "DPMPTSP",
  "PMPTSP",
  "DPA",
  "DIPA",
  "RI",
  "TNI",
  "POLRI",
  "SKPD",
  "PKK",
  "KUA",
  "SD",
  "SMP",
  "SMA",
  "SMK",
  "BUMD",
  "APBD",
  "ASN",
  "PNS",
]);

/** Comparable form of an office title: lower case, no punctuation, no acting prefix, common abbreviations spelled out. */
export function normalizeOffice(s: string): string {
  let t = ` ${s.toLocaleLowerCase("id-ID").replace(/[.,;:()/\\-]/g, " ")} `;
  t = t.replace(/\s+/g, " ");
  t = t.replace(/^ (plt|plh|pj|pjs|an|a n) /, " ");
  const abbreviations: Array<[RegExp, string]> = [
    [/ kab /g, " kabupaten "],
    [/ prov /g, " provinsi "],
    [/ kec /g, " kecamatan "],
    [/ kadis /g, " kepala dinas "],
    [/ kep /g, " kepala "],
  ];
  for (const [re, rep] of abbreviations) t = t.replace(re, rep);
  return t.replace(/\s+/g, " ").trim();
}

/** The region an office title ends with (" kabupaten tanjung harapan"), on a normalised title. */
const REGION_SUFFIX = /(?<!\bwali) (kabupaten|kota|provinsi) \S.*$/;

/** A normalised office title without the region it ends with: "kepala dinas … sipil". */
export function officeWithoutRegion(normalized: string): string {
  return normalized.replace(REGION_SUFFIX, "");
}

/**
 * True when two office titles name the same office: equal after normalising case, spacing,
 * punctuation and abbreviations; and where only one of them names its region ("Kepala Dinas
 * Kependudukan dan Pencatatan Sipil" and "… Kabupaten Tanjung Harapan"), equal without it.
 * Two titles that both name a region must name the same one.
 */
export function sameOffice(a: string, b: string): boolean {
  const na = normalizeOffice(a), nb = normalizeOffice(b);
  if (na === "" || nb === "") return false;
  if (na === nb) return true;
  const ra = officeWithoutRegion(na), rb = officeWithoutRegion(nb);
  const oneRegionOnly = (ra === na) !== (rb === nb);
  return oneRegionOnly && ra !== "" && ra === rb;
}

const NAME_PREFIX_TITLES = /^(prof|dr|drs|dra|ir|h|hj|ns|apt|drg|dr\s*h)\.?\s+/i;

/** Comparable form of a person's name: academic titles and punctuation removed, lower case. */
export function normalizePersonName(s: string): string {
  // Degrees after the name follow the first comma: "Budi Santoso, S.Sos., M.Si."
  let t = oneLine(s).split(",")[0] ?? "";
  let previous: string;
  do {
    previous = t;
    t = t.replace(NAME_PREFIX_TITLES, "");
  } while (t !== previous);
  return t
    .toLocaleLowerCase("id-ID")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Digits of a NIP, for comparison ("19700312 199503 1 002" → "197003121995031002"). */
export function nipDigits(s: string | undefined): string {
  return (s ?? "").replace(/\D/g, "");
}
