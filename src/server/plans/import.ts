// Turns an uploaded file into a valid plan: format v1 JSON, or MS Project XML through the
// MSPDI reader (src/documents/mspdi/read.ts, loaded only when an XML file arrives).
// Shared by POST /api/import and `rencana import`.
import type { Bilingual } from "../../domain/messages.js";
import type { Plan } from "../../domain/plan/schema.js";
import { validatePlan, validatePlanText } from "../../domain/plan/validate.js";
import type { ApiErrorItem } from "../errors.js";

export type ImportKind = "json" | "xml";

export type ImportResult =
  | { ok: true; plan: Plan; notes: Bilingual[] }
  | { ok: false; code: "validation.failed" | "import.failed" | "import.unsupported"; errors: ApiErrorItem[] };

/** `.xml`, or an XML content type, is MS Project XML; anything else is read as JSON. */
export function importKindOf(nameOrContentType: string): ImportKind {
  return /(\.xml$|[/+]xml\b)/i.test(nameOrContentType.trim()) ? "xml" : "json";
}

export async function planFromUpload(input: string | unknown, kind: ImportKind): Promise<ImportResult> {
  if (kind === "json") {
    const r = typeof input === "string" ? validatePlanText(input) : validatePlan(input);
    return r.ok ? { ok: true, plan: r.plan, notes: [] } : { ok: false, code: "validation.failed", errors: r.errors };
  }
  if (typeof input !== "string") {
    return { ok: false, code: "import.failed", errors: [{ path: "", code: "type.invalid", message: { id: "berkas XML harus berupa teks", en: "an XML file must be text" } }] };
  }
  let reader: typeof import("../../documents/mspdi/read.js");
  try {
    reader = await import("../../documents/mspdi/read.js");
  } catch {
    return {
      ok: false,
      code: "import.unsupported",
      errors: [{ path: "", code: "import.unsupported", message: { id: "impor MS Project XML belum tersedia", en: "MS Project XML import is not available yet" } }],
    };
  }
  const converted = reader.mspdiToPlan(input);
  if (!converted.ok) return { ok: false, code: "import.failed", errors: converted.errors };
  // The converter promises a valid plan; check anyway so nothing invalid reaches the store.
  const checked = validatePlan(converted.plan);
  return checked.ok ? { ok: true, plan: checked.plan, notes: converted.notes } : { ok: false, code: "validation.failed", errors: checked.errors };
}
