// One measurement in a fresh process (as the CLI and a server worker start cold): renders the
// plan book or the RAB once and prints JSON with the render time and the process's peak RSS.
// Usage: node --import tsx bench/documents/render-once.ts docx|pdf|xlsx demo|ACTIVITIES OUT
import { writeFileSync } from "node:fs";
import { renderBudgetXlsx } from "../../src/documents/budget/rab-xlsx.js";
import { renderPlanBookDocx } from "../../src/documents/plan-book/docx.js";
import { renderPlanBookPdf } from "../../src/documents/plan-book/pdf.js";
import { benchPlan, demoPlan } from "./generate.js";

const [format = "docx", size = "500", out] = process.argv.slice(2);
const plan = size === "demo" ? demoPlan() : benchPlan(Number(size));
const render = format === "pdf" ? renderPlanBookPdf : format === "xlsx" ? renderBudgetXlsx : renderPlanBookDocx;
const start = performance.now();
const cpuBefore = process.cpuUsage();
const bytes = await render(plan);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuBefore);
if (out) writeFileSync(out, bytes);
console.log(JSON.stringify({ format, size, activities: plan.activities.length, ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), bytes: bytes.length, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
