import { describe, expect, it } from "vitest";
import { MAX_TEXT } from "../../../src/domain/plan/schema.js";
import { textLimits } from "./limits.js";

describe("text limits from the plan schema", () => {
  it("finds a required name and an optional text inside id'd lists", () => {
    expect(textLimits(["targetGroups", { id: "g-1" }, "name"]).min).toBe(1);
    expect(textLimits(["targetGroups", { id: "g-1" }, "name"]).max).toBeLessThanOrEqual(MAX_TEXT);
    expect(textLimits(["targetGroups", { id: "g-1" }, "area"]).min).toBeUndefined();
    expect(textLimits(["title"]).max).toBeGreaterThan(0);
  });
  it("gives nothing for a number or an unknown path", () => {
    expect(textLimits(["targetGroups", { id: "g-1" }, "size"])).toEqual({});
    expect(textLimits(["nope", "deeper"])).toEqual({});
  });
});
