/**
 * Prototype pollution through the JSON the product reads (peg.config.json / --config, the pane's
 * stored settings): keys `__proto__`, `constructor`, `prototype` must never reach a prototype.
 */
import { parseSettings } from "../../src/core/settings";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { isPegInputError } from "../../src/core/errors";
import { protoChanges, protoSnapshot } from "../hostile/proto";

const HOSTILE_JSON = [
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"year": 2025, "checks": {"__proto__": {"polluted": true}}}',
  '{"severity": {"__proto__": "error", "constructor": "info", "WEIGHTS_SUM": "warning"}}',
  '{"bands": [{"__proto__": {"polluted": true}, "min": 0, "max": 1}]}',
  '{"manual": {"__proto__": {"status": "met"}}}',
];

test.each(HOSTILE_JSON)("settings %s: parsed or refused in Italian, prototypes intact", (text) => {
  const before = protoSnapshot();
  const raw: unknown = JSON.parse(text);
  for (const run of [
    () => parseSettings(raw, "peg.config.json"),
    () =>
      analyzeWorkbook([], { files: ["x.xlsx"], settings: raw, settingsLabel: "peg.config.json" }),
  ]) {
    try {
      run();
    } catch (e) {
      if (!isPegInputError(e)) throw e;
      expect(e.message).toContain("peg.config.json");
    }
  }
  expect(protoChanges(before)).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
