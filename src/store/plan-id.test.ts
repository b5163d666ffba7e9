import { describe, expect, it } from "vitest";
import { newPlanId } from "./plans-repo.js";

describe("newPlanId", () => {
  it("gives 16 letters and digits, never an id the command line would read as an option", () => {
    const ids = Array.from({ length: 5000 }, newPlanId);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Every character of the alphabet turns up in first position: the ids are not skewed.
    expect(new Set(ids.map((id) => id[0])).size).toBe(62);
  });
});
