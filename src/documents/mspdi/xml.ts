// Safe, typed access to the object tree fast-xml-parser builds from an MSPDI file.
// Every value is kept as a string (parseTagValue off) and converted here, field by field,
// so "007", "1e3" or "Infinity" never turn into surprising numbers.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Bilingual } from "../../domain/messages.js";

export type XmlNode = { readonly [key: string]: unknown };

/** Elements that MSPDI repeats; forced to arrays so a single child is not a special case. */
const REPEATED = new Set([
  "Task",
  "PredecessorLink",
  "Calendar",
  "WeekDay",
  "Exception",
  "WorkWeek",
  "WorkingTime",
  "TimePeriod",
  "Resource",
  "Assignment",
]);

export type ParsedXml = { ok: true; root: XmlNode } | { ok: false; message: Bilingual };

export function parseXml(xml: string): ParsedXml {
  // MSPDI never carries a DTD; refusing one outright rules out entity-expansion attacks
  // (billion laughs, external entities) whatever the parser's own limits are.
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    return {
      ok: false,
      message: {
        id: "berkas XML memuat DOCTYPE/ENTITY; berkas Microsoft Project tidak pernah memuatnya, jadi ditolak demi keamanan",
        en: "the XML file contains a DOCTYPE/ENTITY declaration; Microsoft Project files never do, so it is refused for safety",
      },
    };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    const unclosed = unclosedTags(msg);
    if (unclosed) {
      return {
        ok: false,
        message: {
          id: `XML tidak sah: elemen tidak ditutup (berkas mungkin terpotong): ${unclosed}`,
          en: `invalid XML: elements left open (the file may be truncated): ${unclosed}`,
        },
      };
    }
    return {
      ok: false,
      message: {
        id: `XML tidak sah pada baris ${line}, kolom ${col}: ${msg}`,
        en: `invalid XML at line ${line}, column ${col}: ${msg}`,
      },
    };
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    // Needed for numeric character references (&#13; in notes); it also admits HTML's named
    // entities, which are harmless text.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (tagName) => REPEATED.has(tagName),
  });
  try {
    const root: unknown = parser.parse(xml);
    if (!isNode(root)) return { ok: false, message: { id: "XML kosong", en: "empty XML" } };
    return { ok: true, root };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, message: { id: `XML tidak dapat dibaca: ${detail}`, en: `XML could not be read: ${detail}` } };
  }
}

/** The validator reports open elements at end of input as `Invalid '["A","B"]' found.` */
function unclosedTags(msg: string): string | undefined {
  const m = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(msg);
  if (!m?.[1]) return undefined;
  try {
    const names: unknown = JSON.parse(m[1]);
    if (!Array.isArray(names) || names.length === 0) return undefined;
    return names.map((n) => `<${String(n)}>`).join(", ");
  } catch {
    return undefined;
  }
}

export function isNode(v: unknown): v is XmlNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function own(node: XmlNode | undefined, key: string): unknown {
  if (!node || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
  return node[key];
}

/** A child element; an element that holds only text or nothing gives undefined. */
export function child(node: XmlNode | undefined, key: string): XmlNode | undefined {
  const v = own(node, key);
  if (Array.isArray(v)) return v.find(isNode);
  return isNode(v) ? v : undefined;
}

export function children(node: XmlNode | undefined, key: string): XmlNode[] {
  const v = own(node, key);
  if (Array.isArray(v)) return v.filter(isNode);
  return isNode(v) ? [v] : [];
}

/** The text of a leaf element, trimmed; undefined when absent or not a leaf. */
export function text(node: XmlNode | undefined, key: string): string | undefined {
  let v = own(node, key);
  if (Array.isArray(v)) v = v[0];
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return undefined;
}

/** A decimal integer written plainly (optional sign, digits); anything else gives undefined. */
export function int(node: XmlNode | undefined, key: string): number | undefined {
  const s = text(node, key);
  if (s === undefined || !/^[+-]?\d{1,15}$/.test(s)) return undefined;
  return Number(s);
}

/** A decimal number written plainly (MSPDI writes LinkLag and slack as such). */
export function decimal(node: XmlNode | undefined, key: string): number | undefined {
  const s = text(node, key);
  if (s === undefined || !/^[+-]?\d{1,15}(\.\d{1,10})?$/.test(s)) return undefined;
  return Number(s);
}

export function flag(node: XmlNode | undefined, key: string): boolean {
  const s = text(node, key);
  return s === "1" || s === "true";
}

export type LocalDateTime = { date: string; minutes: number };

/** `YYYY-MM-DDTHH:MM[:SS]` as MSPDI writes it (local time, no zone). */
export function dateTime(node: XmlNode | undefined, key: string): LocalDateTime | undefined {
  const s = text(node, key);
  if (s === undefined) return undefined;
  return parseLocalDateTime(s);
}

export function parseLocalDateTime(s: string): LocalDateTime | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(s);
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isRealDate(date)) return undefined;
  const h = Number(m[4] ?? 0), min = Number(m[5] ?? 0);
  if (h > 24 || min > 59) return undefined;
  return { date, minutes: h * 60 + min };
}

function isRealDate(s: string): boolean {
  const y = Number(s.slice(0, 4)), mo = Number(s.slice(5, 7)), d = Number(s.slice(8, 10));
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Minutes in an ISO 8601 duration as MSPDI writes it (`PT8H0M0S`, `P1DT2H`, `-PT4H`). */
export function isoDurationMinutes(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const m = /^(-)?P(?:(\d{1,9}(?:\.\d+)?)Y)?(?:(\d{1,9}(?:\.\d+)?)M)?(?:(\d{1,9}(?:\.\d+)?)D)?(?:T(?:(\d{1,9}(?:\.\d+)?)H)?(?:(\d{1,9}(?:\.\d+)?)M)?(?:(\d{1,9}(?:\.\d+)?)S)?)?$/.exec(s);
  if (!m || s === "P" || s.endsWith("T")) return undefined;
  // Years and months have no fixed length; MS Project never writes them, so refuse them.
  if (m[2] !== undefined || m[3] !== undefined) return undefined;
  const days = Number(m[4] ?? 0), h = Number(m[5] ?? 0), min = Number(m[6] ?? 0), sec = Number(m[7] ?? 0);
  const total = days * 24 * 60 + h * 60 + min + sec / 60;
  return m[1] ? -total : total;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd === 0 ? 7 : wd;
}
