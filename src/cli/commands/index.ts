// One line per command module; each exports `register`.
import type { CommandRegistrar } from "../io.js";
import { register as validate } from "./validate.js";
import { register as schedule } from "./schedule.js";

export const commands: CommandRegistrar[] = [validate, schedule];
