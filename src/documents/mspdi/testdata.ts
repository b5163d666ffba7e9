// Where the MS Project golden files live: `test/fixtures/mspdi` inside the repository (with
// their provenance and licence in its README), so the tests need nothing beside the checkout.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export function mspdiTestdataDir(): string {
  return path.join(repoRoot, "test/fixtures/mspdi");
}
