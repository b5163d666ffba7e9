// The team decree (Keputusan pembentukan tim): its content as data and its authority rules.
export * from "./model.js";
export * from "./authority.js";
export { caps, normalizeOffice, sameOffice, normalizePersonName, titleCaseOffice } from "./text.js";
