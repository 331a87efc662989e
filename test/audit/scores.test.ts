import {
  applyBands,
  componentMax,
  labelMatches,
  objectiveScore,
  relativeWeights,
  scoreTotal,
} from "../../src/core/scores";
import { objectiveFigures } from "../../src/core/sheets/compute";
import { parseSettings } from "../../src/core/settings";
import { ind, model, op } from "./build";

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

  it("an objective's figures apply bands and manual verdicts (src/core/sheets/compute.ts)", () => {
    const settings = parseSettings({
      bands: [
        { from: 0, to: 0.5, score: 0 },
        { from: 0.5, to: 1, mode: "linear" },
      ],
    });
    const m = model({
      operationalObjectives: [op("A", { weight: 1.2 }), op("B", { weight: 1.0 })],
      indicators: [
        ind("A", { weight: 0.6, status: "met", achievement: 1 }),
        ind("A", { weight: 0.4, status: "missed", achievement: 0.4 }),
        ind("B", {
          weight: 1,
          status: "missed",
          achievement: 0.3,
          manual: { achievement: 0.9, note: "ok" },
        }),
      ],
    });
    const [a, b] = m.operationalObjectives.map((o) =>
      objectiveFigures(
        o,
        m.indicators.filter((i) => i.objectiveCode === o.code),
        settings.bands
      )
    );
    expect(a.achievement).toBe(0.6); // 0.4 below 50% counts 0
    expect(a.weightSum).toBe(1);
    expect(b.achievement).toBe(0.9);
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
  });
});
