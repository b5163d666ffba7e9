// Keeps the error catalog, its documentation and the code that raises errors in sync.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { API_ERRORS, apiError, errorBody } from "./errors.js";

const SERVER_DIR = fileURLToPath(new URL(".", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith(".ts") && !full.endsWith(".test.ts") ? [full] : [];
  });
}

describe("error catalog", () => {
  const catalog = Object.entries(API_ERRORS);

  it("documents every code with its status in errors.md, and nothing else", () => {
    const doc = readFileSync(join(SERVER_DIR, "errors.md"), "utf8");
    const rows = [...doc.matchAll(/^\|\s*`([^`]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [m[1], Number(m[2])]);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(catalog.map(([code, e]) => [code, e.status])));
  });

  it("has a non-empty Indonesian and English message for each code, and 4xx/5xx statuses only", () => {
    for (const [code, e] of catalog) {
      expect(e.message.id.length, code).toBeGreaterThan(3);
      expect(e.message.en.length, code).toBeGreaterThan(3);
      expect(e.message.id, code).not.toBe(e.message.en);
      expect(e.status, code).toBeGreaterThanOrEqual(400);
    }
  });

  it("raises only catalogued codes, and every catalogued code is raised somewhere", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SERVER_DIR)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/apiError\(\s*"([^"]+)"/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/code: "((?:validation|import)\.[a-z_]+)"/g)) used.add(m[1] as string);
    }
    const codes = new Set(catalog.map(([c]) => c));
    for (const u of used) expect(codes.has(u), `"${u}" is raised but not in the catalog`).toBe(true);
    for (const c of codes) expect(used.has(c), `"${c}" is in the catalog but never raised`).toBe(true);
  });

  it("renders the body in the chosen language with the per-error messages", () => {
    const e = apiError("validation.failed", { errors: [{ path: "title", code: "string.empty", message: { id: "tidak boleh kosong", en: "must not be empty" } }] });
    expect(errorBody(e, "en")).toEqual({
      error: { code: "validation.failed", message: API_ERRORS["validation.failed"].message.en },
      errors: [{ path: "title", code: "string.empty", message: "must not be empty", messages: { id: "tidak boleh kosong", en: "must not be empty" } }],
    });
    expect(errorBody(apiError("not_found"), "id").error.message).toBe("tidak ditemukan");
  });
});
