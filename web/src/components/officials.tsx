// Fields for civil servants, from the domain's rules (src/domain/decree/officials.ts): the NIP
// checked as typed and kept grouped, the pangkat chosen from the official list, the position level.
import { checkNip, PANGKAT_LABELS, POSITION_LEVEL_LABELS, POSITION_LEVELS, printRank, type PositionLevel } from "../../../src/domain/decree/officials.js";
import { formatNip } from "../../../src/domain/format/indonesian.js";
import { pick } from "../../../src/domain/messages.js";
import { currentLang } from "../i18n/index.js";
import type { Path } from "../state/edits.js";
import { SelectField, TextField } from "./fields.js";

type Props = { label: string; path: Path; dataPath: string };

const nipProblem = (v: string) => {
  const c = checkNip(v);
  return c.ok ? undefined : c.message;
};

/** A NIP: refused beside the field with the rule broken; stored and shown grouped, "19700312 199503 1 002". */
export function NipField(props: Props & { value: string | undefined }) {
  return <TextField {...props} value={props.value === undefined ? undefined : formatNip(props.value)} optional check={nipProblem} normalize={formatNip} />;
}

/** The pangkat/golongan from the official list (a value written otherwise shows as its official label). */
export function RankField(props: Props & { value: string | undefined }) {
  const shown = props.value === undefined || props.value.trim() === "" ? undefined : printRank(props.value);
  const options = PANGKAT_LABELS.map((l) => [l, l] as const);
  const extra = shown !== undefined && !PANGKAT_LABELS.includes(shown) ? [[shown, shown] as const] : [];
  return <SelectField {...props} value={shown} optional options={[...extra, ...options]} />;
}

/** The level of a position: JPT … pelaksana (eselon in brackets). */
export function LevelField(props: Props & { value: PositionLevel | undefined }) {
  const lang = currentLang();
  return <SelectField {...props} optional options={POSITION_LEVELS.map((l) => [l, pick(POSITION_LEVEL_LABELS[l], lang)] as const)} />;
}
