// The repository stands alone: a clone is all the test suite needs. These checks fail when a
// tracked file points outside the checkout (as the MS Project tests once read ../shared) or
// when a copied golden file no longer matches the blob its provenance table names.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mspdiTestdataDir, repoRoot } from "./documents/mspdi/testdata.js";

const SKIPPED_DIRS = new Set([".git", "node_modules", "dist", "data", "coverage"]);
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|json|sh|md|html|css|yml|yaml)$|^run$/;

function trackedTextFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...trackedTextFiles(path.join(dir, entry.name)));
    } else if (TEXT_FILE.test(entry.name) && entry.name !== "package-lock.json") {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

/** git's blob id: SHA-1 of "blob <size>\0" + the bytes. */
function gitBlobId(file: string): string {
  const bytes = readFileSync(file);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

describe("the repository stands alone", () => {
  it("no source, test, script or doc points at the sibling shared/ folder or an absolute work path", () => {
    const self = path.join(repoRoot, "src/repository.test.ts");
    const outside = /\.\.\/shared\/|\/work\/(shared|main|wt)\b/;
    const offenders = trackedTextFiles(repoRoot)
      .filter((file) => file !== self && statSync(file).size < 2_000_000)
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => ({ line, where: `${path.relative(repoRoot, file)}:${i + 1}` }))
          .filter(({ line }) => outside.test(line))
          .map(({ where, line }) => `${where}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it("every MS Project golden file is the byte-for-byte blob its README names", () => {
    const dir = mspdiTestdataDir();
    const readme = readFileSync(path.join(dir, "README.md"), "utf8");
    const files = readdirSync(dir).filter((f) => f.endsWith(".xml"));
    expect(files.length).toBe(6);
    for (const file of files) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${file}\``));
      expect(row, `${file} has a provenance row`).toBeDefined();
      expect(row).toContain(`\`${gitBlobId(path.join(dir, file))}\``);
    }
  });
});
