// Where the MS Project golden files live: `../shared/testdata/mspdi` beside the repository
// (CI copies `shared/` next to the clone, as on the development machine).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export function mspdiTestdataDir(): string {
  return path.resolve(repoRoot, "../shared/testdata/mspdi");
}
