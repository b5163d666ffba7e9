import fc from "fast-check";
import { expect, it } from "vitest";
import { IdIndex } from "./ids.js";

it("finds every id, the first of duplicates, and nothing else", () => {
  fc.assert(
    fc.property(fc.array(fc.string(), { maxLength: 200 }), fc.string(), (ids, probe) => {
      const list = ids.map((id) => ({ id }));
      const index = new IdIndex(list);
      for (const id of ids) expect(index.get(id)).toBe(ids.indexOf(id));
      expect(index.get(probe)).toBe(ids.indexOf(probe));
    }),
  );
});
