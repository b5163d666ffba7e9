// Nesting depth of JSON text, measured before parsing: an 8 MB body of "[[[[…" costs seconds
// of JSON.parse and a deep value later overflows recursive code. One linear scan, no allocation.
import { apiError } from "../errors.js";

/** Deepest nesting any request body may have; a plan is 5 deep, a JSON Patch of a plan 7. */
export const MAX_JSON_DEPTH = 32;

/** Whether the JSON text nests objects/arrays deeper than `max` (brackets inside strings ignored). */
export function jsonDepthExceeds(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** The 400 for a body nested deeper than any request needs, raised before it is parsed. */
export function jsonTooDeep() {
  const message = { id: `JSON bersarang lebih dalam dari ${MAX_JSON_DEPTH} tingkat`, en: `the JSON nests deeper than ${MAX_JSON_DEPTH} levels` };
  return apiError("json.too_deep", { errors: [{ path: "", code: "json.too_deep", message }] });
}
