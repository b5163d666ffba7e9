import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo } from "../../test-support/cli-io.js";
import { run } from "../main.js";

const dir = mkdtempSync(join(tmpdir(), "rencana-ikm-"));
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

async function ikm(...args: string[]) {
  const c = captureIo();
  const code = await run(["ikm", ...args], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe("rencana ikm", () => {
  it("--json prints exactly the documented shape", async () => {
    // U1 answered 4 and 3 (NRR 3.5), the rest 3: IKM = 27.5/9 × 25 = 76.39, C.
    const p = file("two.json", { responses: [{ answers: [4, 3, 3, 3, 3, 3, 3, 3, 3] }, { answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] }] });
    const r = await ikm(p, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(["respondents", "unsur", "ikm", "mutu", "kinerja"]);
    expect(doc.respondents).toBe(2);
    expect(doc.unsur).toHaveLength(9);
    expect(doc.unsur[0]).toEqual({ code: "U1", name: "Persyaratan", nrr: 3.5 });
    expect(doc.unsur[8]).toEqual({ code: "U9", name: "Sarana dan prasarana", nrr: 3 });
    for (const u of doc.unsur) expect(Object.keys(u)).toEqual(["code", "name", "nrr"]);
    expect(doc).toMatchObject({ ikm: 76.39, mutu: "C", kinerja: "Kurang Baik" });
  });

  it("prints a readable summary without --json", async () => {
    const r = await ikm(file("all4.json", { responses: [{ answers: Array(9).fill(4) }] }));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Responden: 1");
    expect(r.out).toMatch(/U7\s+Perilaku pelaksana\s+4,00/);
    expect(r.out).toContain("IKM 100,00 — mutu A (Sangat Baik)");
  });

  it("names the bad answer and exits 1", async () => {
    const r = await ikm(file("bad.json", { responses: [{ answers: Array(9).fill(4) }, { answers: [1, 2, 3, 4, 5, 1, 1, 1, 1] }] }));
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("responses[1].answers[4]: setiap jawaban harus bilangan bulat 1–4");
    const short = await ikm(file("short.json", { responses: [{ answers: [1, 2] }] }), "--lang", "en");
    expect(short.err).toContain("responses[0].answers: must be a list of 9 answers");
  });

  it("refuses no respondents, broken JSON and a missing file", async () => {
    expect((await ikm(file("none.json", { responses: [] }))).err).toContain("belum ada jawaban");
    const broken = await ikm(file("broken.json", "{"));
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("bukan JSON yang sah");
    expect((await ikm(join(dir, "nope.json"))).err).toContain("berkas tidak ditemukan");
  });
});
