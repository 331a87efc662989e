import { installFakeCustomFunctions, FakeCustomFunctionsError } from "../helpers/custom-functions";
import * as fs from "fs";
import * as path from "path";

const runtime = installFakeCustomFunctions();

const peg = require("../../src/functions/peg") as typeof import("../../src/functions/peg");

require("../../src/functions/functions");

const { WEIGHTSUM, CHECKWEIGHTS, SCORE, ACHIEVEMENT, STATUS, MET, RULE, OBJECTIVESCORE } = peg;

/** The #VALUE! error thrown by fn, with its Italian message. */
function valueError(fn: () => unknown): FakeCustomFunctionsError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeCustomFunctionsError);
    expect((e as FakeCustomFunctionsError).code).toBe("#VALUE!");
    return e as FakeCustomFunctionsError;
  }
  throw new Error("expected #VALUE!");
}

describe("registration", () => {
  it("associates every function exactly once, by its id", () => {
    const ids = runtime.associations.map(([id]) => id);
    expect(ids.sort()).toEqual(Object.keys(peg.CUSTOM_FUNCTIONS).sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const [id, fn] of runtime.associations)
      expect(fn).toBe(peg.CUSTOM_FUNCTIONS[id as keyof typeof peg.CUSTOM_FUNCTIONS]);
  });
});

describe("metadata files match the code", () => {
  type Meta = {
    functions: {
      id: string;
      name: string;
      result: { type: string };
      parameters: { name: string; optional?: boolean; dimensionality: string; type: string }[];
    }[];
  };
  const read = (f: string) =>
    JSON.parse(fs.readFileSync(path.join(__dirname, "../../src/functions", f), "utf8")) as Meta;
  const en = read("functions.json");
  const itMeta = read("functions-it.json");
  /** Parameter names of a compiled function, from its source text. */
  const paramsOf = (fn: (...a: never[]) => unknown) =>
    /\(([^)]*)\)/
      .exec(fn.toString())![1]
      .split(",")
      .map((p) => p.trim().replace(/\s*=.*$/, ""))
      .filter(Boolean);

  it("list exactly the implemented ids, in the same order", () => {
    const ids = Object.keys(peg.CUSTOM_FUNCTIONS);
    expect(en.functions.map((f) => f.id)).toEqual(ids);
    expect(itMeta.functions.map((f) => f.id)).toEqual(ids);
  });

  it("English names are the ids, Italian names are docs/functions.md's", () => {
    for (const f of en.functions) expect(f.name).toBe(f.id);
    expect(itMeta.functions.map((f) => f.name)).toEqual([
      "SOMMAPESI",
      "VERIFICAPESI",
      "PUNTEGGIO",
      "GRADO",
      "ESITO",
      "RAGGIUNTO",
      "REGOLA",
      "PUNTEGGIOOBIETTIVO",
    ]);
  });

  it("describe the parameters of each function (names, count, optional ones last)", () => {
    for (const [i, f] of en.functions.entries()) {
      const fn = peg.CUSTOM_FUNCTIONS[f.id as keyof typeof peg.CUSTOM_FUNCTIONS] as (
        ...a: never[]
      ) => unknown;
      expect(f.parameters.map((p) => p.name)).toEqual(paramsOf(fn));
      const itf = itMeta.functions[i];
      expect(itf.parameters).toHaveLength(f.parameters.length);
      expect(itf.parameters.map((p) => [!!p.optional, p.dimensionality, p.type])).toEqual(
        f.parameters.map((p) => [!!p.optional, p.dimensionality, p.type])
      );
      expect(itf.result).toEqual(f.result);
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
    expect(itMeta.functions.find((f) => f.id === "STATUS")!.parameters.map((p) => p.name)).toEqual([
      "target",
      "consuntivo",
      "base",
      "alla_data",
      "anno",
    ]);
    // anno (year) is the last, optional parameter of every function that reads a target.
    for (const id of ["ACHIEVEMENT", "STATUS", "MET", "RULE"]) {
      const last = (m: Meta) => m.functions.find((f) => f.id === id)!.parameters.at(-1)!;
      expect([last(en).name, !!last(en).optional]).toEqual(["year", true]);
      expect([last(itMeta).name, !!last(itMeta).optional]).toEqual(["anno", true]);
    }
  });
});

describe("weights", () => {
  it('reads 20, 0,2 and "20%" alike, in any mix', () => {
    expect(WEIGHTSUM([[20], [30], [50]])).toBeCloseTo(1, 9);
    expect(WEIGHTSUM([["20%"], ["30%"], ["50%"]])).toBeCloseTo(1, 9);
    expect(WEIGHTSUM([["0,2"], [0.3], ["50%"]])).toBeCloseTo(1, 9);
    expect(WEIGHTSUM([[20, "20%", null, "", "30"]])).toBeCloseTo(0.7, 9);
    // Typed points, a percent-formatted cell (Excel hands over 0,2) and text in one range.
    expect(WEIGHTSUM([[20], [0.2], ["20%"]])).toBeCloseTo(0.6, 9);
    expect(WEIGHTSUM([[20], ["0,5"]])).toBeCloseTo(0.7, 9);
    // A bare 1 is 100%, as the recognizer and the audit read it (src/core/weights.ts): one rule.
    expect(WEIGHTSUM([[1], [49], [50]])).toBeCloseTo(1.99, 9);
    expect(WEIGHTSUM([[1]])).toBeCloseTo(1, 9);
    expect(WEIGHTSUM([[1], [0.5]])).toBeCloseTo(1.5, 9);
    expect(WEIGHTSUM([[0.2], [0.2], [0.4]])).toBeCloseTo(0.8, 9);
  });

  it("accepts a single cell", () => {
    expect(WEIGHTSUM(0.5 as never)).toBeCloseTo(0.5, 9);
  });

  it("CHECKWEIGHTS says OK or what is missing or exceeding", () => {
    expect(CHECKWEIGHTS([[20], [30], [50]])).toBe("OK");
    expect(CHECKWEIGHTS([["20%"], ["0,3"], [0.5]])).toBe("OK");
    expect(CHECKWEIGHTS([[20], [20], [40]])).toMatch(/80%.*mancano 20/);
    expect(CHECKWEIGHTS([[60], [60]])).toMatch(/120%.*eccedono di 20/);
    expect(CHECKWEIGHTS([[30], [30]], "60%")).toBe("OK");
    expect(CHECKWEIGHTS([[30], [30]], null)).toMatch(/mancano 40/);
  });

  it("text that is not a weight is #VALUE! with an Italian message", () => {
    expect(valueError(() => WEIGHTSUM([[20], ["venti"]])).message).toContain("venti");
    expect(valueError(() => CHECKWEIGHTS([[20], ["n.d."]])).message).toMatch(/non è un numero/);
  });
});

describe("scores", () => {
  it("SCORE adds the components", () => {
    expect(SCORE([[80, 20]])).toBe(100);
    expect(SCORE([[80], [15]], [[80], [20]])).toBe(95);
    expect(SCORE([["74,5"], [null]])).toBeCloseTo(74.5, 9);
  });

  it("SCORE names the component over its maximum", () => {
    const e = valueError(() => SCORE([[85, 20]], [[80, 20]]));
    expect(e.message).toMatch(/componente n\. 1.*85.*massimo di 80/);
  });

  it("OBJECTIVESCORE is the sum of weight × achievement", () => {
    expect(OBJECTIVESCORE([[50], [50]], [[1], [0.5]])).toBeCloseTo(0.75, 9);
    expect(OBJECTIVESCORE([["20%"], ["0,8"]], [["100%"], [0.74]])).toBeCloseTo(0.2 + 0.8 * 0.74, 9);
    expect(valueError(() => OBJECTIVESCORE([[50], [50]], [[1]])).message).toMatch(/numero uguale/);
  });
});

describe("targets", () => {
  it("STATUS, ACHIEVEMENT and MET for comparisons", () => {
    expect(STATUS("=>15", 20)).toBe("RAGGIUNTO");
    expect(MET("=>15", 20)).toBe(true);
    expect(ACHIEVEMENT("=>15", 20)).toBe(1);
    expect(STATUS("almeno 100 pasti", "74 pasti erogati")).toBe("NON RAGGIUNTO");
    expect(ACHIEVEMENT("almeno 100 pasti", 74)).toBeCloseTo(0.74, 9);
    expect(MET("almeno 100 pasti", 74)).toBe(false);
    expect(STATUS("<= 30", "")).toBe("IN CORSO");
    expect(ACHIEVEMENT("<= 30", null)).toBe("");
  });

  it("deadlines: Excel dates as actuals, the check date as alla_data", () => {
    // 15/09/2025 is Excel serial 45915.
    expect(STATUS("Entro il 30/09/2025", 45915)).toBe("RAGGIUNTO");
    expect(STATUS("Entro il 30/09/2025", "", null, "2025-12-31")).toBe("SCADUTO");
    expect(STATUS("Entro il 30/09/2025", "", null, "31/12/2025")).toBe("SCADUTO");
    expect(STATUS("Entro il 30/09/2025", "", null, 46022)).toBe("SCADUTO");
    expect(STATUS("Entro il 30/09/2025", "", null, "2025-06-30")).toBe("IN CORSO");
  });

  it("anno completes dates written without a year, whatever today is", () => {
    // 10/10/2022 is Excel serial 44844; 20/09/2022 is 44824.
    expect(STATUS("Entro il 30/9", 44844, null, null, 2022)).toBe("NON RAGGIUNTO");
    expect(STATUS("Entro il 30/9", 44824, null, null, 2022)).toBe("RAGGIUNTO");
    expect(MET("Entro il 30/9", 44844, null, 2022)).toBe(false);
    expect(ACHIEVEMENT("Entro il 30/9", 44844, null, 2022)).toBe(0);
    expect(ACHIEVEMENT("Entro il 30/9", 44824, undefined, "2022")).toBe(1);
    expect(RULE("Entro il 30/9", 2022)).toMatch(/30\/09\/2022/);
    expect(RULE("Entro il 30/9", " 2030 ")).toMatch(/30\/09\/2030/);
    // anno wins over the check date's year; the check date still decides SCADUTO.
    expect(STATUS("Entro il 30/9", "", null, "2023-01-15", 2022)).toBe("SCADUTO");
    expect(STATUS("Entro il 30/9", "", null, "2023-01-15")).toBe("IN CORSO");
    expect(STATUS("Entro il 30/9", "", null, 46022, 2025)).toBe("SCADUTO");
  });

  it("anno omitted or blank: the check date's year, else the current year", () => {
    const now = new Date().getFullYear();
    expect(RULE("Entro il 30/9")).toContain(`30/09/${now}`);
    expect(RULE("Entro il 30/9", null)).toContain(`30/09/${now}`);
    expect(RULE("Entro il 30/9", "")).toContain(`30/09/${now}`);
    expect(STATUS("Entro il 30/9", "", null, "2025-12-31")).toBe("SCADUTO");
    expect(STATUS("Entro il 30/9", "", null, "2025-12-31", "")).toBe("SCADUTO");
    // A year written in the target is never overridden.
    expect(RULE("Entro il 30/09/2025", 2022)).toMatch(/30\/09\/2025/);
  });

  it("an anno that is not a year is #VALUE! with an Italian message", () => {
    for (const bad of [2025.5, 1989, 2101, "duemila", true]) {
      expect(valueError(() => STATUS("=>15", 20, null, null, bad)).message).toMatch(
        /anno non valido.*tra 1990 e 2100/
      );
    }
    expect(valueError(() => ACHIEVEMENT("=>15", 20, null, "20/25")).message).toMatch(/anno/);
    expect(valueError(() => MET("=>15", 20, null, 0)).message).toMatch(/anno/);
    expect(valueError(() => RULE("=>15", "2O25")).message).toMatch(/"2O25"/);
  });

  it("qualitative and unreadable targets", () => {
    expect(STATUS("Report trimestrale", "")).toBe("DA VALUTARE");
    expect(STATUS(">>", 3)).toBe("NON LEGGIBILE");
  });

  it("RULE shows how the target was read", () => {
    expect(RULE("=>15")).toBe("≥ 15");
    expect(RULE("Entro il 30/09/2025")).toMatch(/30\/09\/2025/);
  });

  it("a missing target or a bad date is #VALUE!, never a wrong answer", () => {
    expect(valueError(() => STATUS("", 5)).message).toMatch(/Target mancante/);
    expect(valueError(() => RULE(null)).message).toMatch(/Target mancante/);
    expect(valueError(() => STATUS("=>15", 5, null, "domani")).message).toMatch(
      /alla_data non è una data/
    );
  });
});
