/**
 * The corpus's flat tables read with a mapping written by hand (what a person sets in the Colonne
 * step, or in `layouts`): indicator F1 against the gold at least 0.95, through the same pipeline.
 */
import * as path from "path";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { readSource } from "../../src/cli/sources";
import { listCases, scoreCase } from "../helpers/corpus";

/** Column roles read off each table's header row, as the officer would give them. */
const MAPPINGS: Record<string, { headerRow: number; columns: Record<string, string> }> = {
  // Anno, Periodo, MacroArea, ObiettivoStrategico, Azione, Indicatore, StrutturaAssegnataria, Valore, Avanzamento
  "ent-izsler-cruscotto-ente-2020": {
    // MacroArea holds the strategic objective with its code (ObiettivoStrategico repeats its title);
    // Valore is the target (1 = 100%), Avanzamento the achievement declared for the period.
    headerRow: 1,
    columns: {
      C: "strategicTitle",
      D: "ignore",
      F: "indicator",
      G: "orgUnit",
      H: "target",
      I: "declaredAchievement",
    },
  },
  // Anno, Periodo, Dipartimento, Reparto, Struttura, AreaStrategica, ObiettivoGenerale, ObiettivoOperativo,
  // Indicatore, TipologiaIndicatore, Tipo_Risposta, Operatore, Target, ValoreInRendiconto, Avanzamento, Pesatura, …
  "ent-izsler-schede-budget-2022": {
    headerRow: 1,
    columns: {
      C: "orgUnit",
      D: "orgUnit",
      E: "orgUnit",
      G: "strategicTitle",
      H: "operationalTitle",
      I: "indicator",
      J: "dimension",
      M: "target",
      N: "actual",
      O: "declaredAchievement",
      P: "weight",
    },
  },
};

const cases = listCases().filter((c) => Object.hasOwn(MAPPINGS, c.name));

it("has the corpus's flat tables", () => {
  expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(MAPPINGS).sort());
});

it.each(cases.map((c) => [c.name, c] as const))(
  "%s: indicator F1 >= 0.95 with the mapping",
  async (name, c) => {
    const src = await readSource(c.input, c.dir);
    const settings = { layouts: src.grids.map((g) => ({ sheet: g.sheet, ...MAPPINGS[name] })) };
    const model = analyzeWorkbook(src.grids, {
      files: [path.basename(c.input)],
      year: c.gold.year ?? undefined,
      settings,
    });
    const score = scoreCase(c, model, 0);
    expect(score.indF1).toBeGreaterThanOrEqual(0.95);
  }
);
