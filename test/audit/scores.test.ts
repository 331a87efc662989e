import {
  applyBands,
  checkWeights,
  componentMax,
  labelMatches,
  objectiveScore,
  readNumber,
  relativeWeights,
  scoreObjectives,
  scoreReports,
  scoreTotal,
  weightFractions,
  weightSum,
} from "../../src/core/scores";
import { parseSettings } from "../../src/core/settings";
import { ind, model, op, report } from "./build";

describe("readNumber", () => {
  it("reads Italian numbers", () => {
    expect(readNumber("0,2")).toEqual({ value: 0.2, percent: false });
    expect(readNumber("20%")).toEqual({ value: 20, percent: true });
    expect(readNumber("1.388.000")).toEqual({ value: 1388000, percent: false });
    expect(readNumber("€ 1.200,50")?.value).toBe(1200.5);
    expect(readNumber("1,2")?.value).toBe(1.2);
    expect(readNumber("abc")).toBeNull();
    expect(readNumber("")).toBeNull();
  });
});

describe("weights", () => {
  it("reads 20, 0.2 and 20% as the same weight, deciding the scale for the whole set", () => {
    expect(weightSum([20, 20, 20, 20])).toBe(0.8);
    expect(weightSum([0.2, 0.2, 0.3, 0.3])).toBe(1);
    expect(weightSum(["20%", "30%", "50%"])).toBe(1);
    expect(weightSum([[0.3], [null], ["0,7"]])).toBe(1);
    expect(weightSum([1])).toBe(1);
    expect(weightFractions([50, 1, null])).toEqual([0.5, 0.01, null]);
    expect(() => weightSum(["venti"])).toThrow("Il peso n. 1 ('venti') non è un numero");
  });

  it("checkWeights says OK or what is missing / exceeding", () => {
    expect(checkWeights([0.2, 0.2, 0.2, 0.4])).toBe("OK");
    expect(checkWeights([20, 20, 20, 20])).toBe(
      "I pesi sommano a 80%: mancano 20 punti percentuali"
    );
    expect(checkWeights(["60%", "60%"])).toBe(
      "I pesi sommano a 120%: eccedono di 20 punti percentuali"
    );
    expect(checkWeights([30, 30], 60)).toBe("OK");
    expect(checkWeights([0.3, 0.2], "50%")).toBe("OK");
    expect(checkWeights([0.9995])).toBe("OK");
    expect(checkWeights([null, ""])).toMatch(/^Nessun peso indicato/);
  });
});

describe("scoreTotal", () => {
  it("adds components and enforces maxima", () => {
    expect(scoreTotal([80, 20])).toBe(100);
    expect(scoreTotal([80, 15], [80, 20])).toBe(95);
    expect(() => scoreTotal([80, 25], [80, 20])).toThrow(
      "La componente n. 2 vale 25, oltre il massimo di 20"
    );
    expect(() =>
      scoreTotal([85, 20], [80, 20], ["valutazione di risultato", "qualitativa"])
    ).toThrow("La componente 'valutazione di risultato' vale 85, oltre il massimo di 80");
    expect(scoreTotal([80, 25], [80, null])).toBe(105);
  });
});

describe("objectiveScore", () => {
  it("is the plain sum of weight × achievement", () => {
    expect(objectiveScore([0.5, 0.5], [1, 0.74])).toBe(0.87);
    expect(objectiveScore([20, 20, 20, 20], [1, 1, 1, 1])).toBe(0.8); // not normalised
    expect(objectiveScore(["50%", "50%"], ["100%", null])).toBe(0.5);
    expect(() => objectiveScore([0.5, 0.5], [1])).toThrow(/in numero uguale/);
    expect(objectiveScore([0.5, 0.5], [74, 100])).toBe(0.87);
    expect(() => objectiveScore([1], [150])).toThrow(/deve essere tra 0% e 100%/);
  });
});

describe("bands", () => {
  const bands = parseSettings({
    bands: [
      { from: 0, to: 0.5, score: 0 },
      { from: 0.5, to: 1, mode: "linear" },
    ],
  }).bands;
  it("counts below 50% as 0 and 50–100% linearly", () => {
    expect(applyBands(0.49, bands)).toBe(0);
    expect(applyBands(0.5, bands)).toBe(0.5);
    expect(applyBands(0.74, bands)).toBe(0.74);
    expect(applyBands(1, bands)).toBe(1);
  });
  it("maps a linear band onto scoreFrom..scoreTo", () => {
    const b = parseSettings({
      bands: [{ from: 0.6, to: 1, mode: "linear", scoreFrom: 0, scoreTo: 1 }],
    }).bands;
    expect(applyBands(0.8, b)).toBe(0.5);
    expect(applyBands(0.3, b)).toBe(0.3); // outside every band: as it is
  });
});

describe("relative objective weights", () => {
  it("accepts points, percentages and coefficients", () => {
    expect(relativeWeights([27, 27, 46])).toEqual([0.27, 0.27, 0.46]);
    expect(relativeWeights(["30%", "70%"])).toEqual([0.3, 0.7]);
    const coeff = relativeWeights(["1,0", "1,2", "1,4"]);
    expect(coeff[0]).toBeCloseTo(1 / 3.6, 6);
    expect(coeff[2]).toBeCloseTo(1.4 / 3.6, 6);
    expect(relativeWeights([27, null])).toEqual([1, null]);
    expect(relativeWeights([null, null])).toEqual([null, null]);
  });

  it("scoreObjectives groups by dirigente and applies bands and manual verdicts", () => {
    const settings = parseSettings({
      bands: [
        { from: 0, to: 0.5, score: 0 },
        { from: 0.5, to: 1, mode: "linear" },
      ],
    });
    const m = model({
      operationalObjectives: [
        op("A", { dirigente: "Conti", weight: 1.2 }),
        op("B", { dirigente: "Conti", weight: 1.0 }),
        op("C", { dirigente: "Rossi", weight: 27 }),
      ],
      indicators: [
        ind("A", { weight: 0.6, status: "met", achievement: 1 }),
        ind("A", { weight: 0.4, status: "missed", achievement: 0.4 }),
        ind("B", {
          weight: 1,
          status: "missed",
          achievement: 0.3,
          manual: { achievement: 0.9, note: "ok" },
        }),
        ind("C", { weight: 1, status: "pending", achievement: null }),
      ],
    });
    const [a, b, c] = scoreObjectives(m, settings);
    expect(a.score).toBe(0.6); // 0.4 below 50% counts 0
    expect(a.weightSum).toBe(1);
    expect(a.complete).toBe(true);
    expect(a.relativeWeight).toBeCloseTo(1.2 / 2.2, 9);
    expect(b.score).toBe(0.9);
    expect(b.relativeWeight).toBeCloseTo(1 / 2.2, 9);
    expect(c.relativeWeight).toBe(1);
    expect(c.complete).toBe(false);
    expect(c.score).toBe(0);
  });
});

describe("report components", () => {
  it("matches maxima by label words and compares declared vs computed totals", () => {
    expect(labelMatches("Valutazione di RISULTATO", "risultato")).toBe(true);
    expect(labelMatches("valutazione qualitativa", "qualitativa")).toBe(true);
    expect(labelMatches("valutazione dei comportamenti", "qualitativa")).toBe(false);
    const maxima = parseSettings({}).maxima;
    expect(componentMax("risultati raggiunti", null, maxima)).toBe(80);
    expect(componentMax("valutazione qualitativa (max 30)", null, maxima)).toBe(30);
    expect(componentMax("valutazione qualitative", 25, maxima)).toBe(20); // settings before a read max
    expect(componentMax("comportamenti", 30, maxima)).toBe(30);
    expect(componentMax("altro", null, maxima)).toBeNull();
    const [ok, wrong, over] = scoreReports(
      [report("1", [80, 20], 100), report("2", [80, 15], 100), report("3", [80, 25], 105)],
      {
        maxima,
      }
    );
    expect(ok.mismatch).toBe(false);
    expect(ok.components.map((c) => c.max)).toEqual([80, 20]);
    expect(wrong.mismatch).toBe(true);
    expect(wrong.computedTotal).toBe(95);
    expect(over.components[1].overMax).toBe(true);
  });
});
