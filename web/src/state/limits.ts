// A text field's limits read from the plan schema (format v1), so the counter on the screen
// and the schema never disagree: the maximum from the schema's own table (textLimitAt), whether
// it may be empty by walking the zod schema along the field's path.
import { planSchema, textLimitAt } from "../../../src/domain/plan/schema.js";
import type { Path } from "./edits.js";

export type TextLimits = { min?: number; max?: number };

type Node = { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown }; minLength?: number | null; maxLength?: number | null };

const cache = new Map<string, TextLimits>();

export function textLimits(path: Path): TextLimits {
  const key = path.map((s) => (typeof s === "string" ? s : "[]")).join(".");
  const hit = cache.get(key);
  if (hit) return hit;
  let node = planSchema as unknown as Node | undefined;
  for (const seg of path) {
    node = unwrap(node);
    if (!node?.def) break;
    if (typeof seg === "string") node = node.def.type === "object" ? (node.def.shape?.[seg] as Node | undefined) : undefined;
    else node = node.def.type === "array" ? (node.def.element as Node | undefined) : undefined;
  }
  node = unwrap(node);
  const max = textLimitAt(path.filter((s): s is string => typeof s === "string"));
  const limits: TextLimits = node?.def?.type === "string" ? { ...(node.minLength ? { min: node.minLength } : {}), ...(max ? { max } : {}) } : {};
  cache.set(key, limits);
  return limits;
}

function unwrap(node: Node | undefined): Node | undefined {
  let n = node;
  for (let i = 0; i < 5 && n?.def && (n.def.type === "optional" || n.def.type === "nullable" || n.def.type === "default"); i++) n = n.def.innerType as Node;
  return n;
}
