// One line per command module; each exports `register`.
import type { CommandRegistrar } from "../io.js";
import { register as validate } from "./validate.js";
import { register as serve } from "./serve.js";
import { register as migrate } from "./migrate.js";
import { register as importPlan } from "./import.js";
import { register as exportPlan } from "./export.js";
import { register as backup } from "./backup.js";
import { register as schedule } from "./schedule.js";
import { register as render } from "./render.js";

export const commands: CommandRegistrar[] = [validate, serve, migrate, importPlan, exportPlan, backup, schedule, render];
