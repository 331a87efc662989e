import {
  WEIGHT_VERDICT_TEXT,
  checkWeightSum,
  checkWeightsText,
  readWeight,
  weightFractions,
  weightSum,
  weightVerdictFormula,
} from "../../src/core/weights";

describe("weights", () => {
  it("reads 20, 0.2, 20% and 20 per cento as the same weight, cell by cell", () => {
    expect(weightSum([20, 20, 20, 20])).toBe(0.8);
    expect(weightSum([0.2, 0.2, 0.3, 0.3])).toBe(1);
    expect(weightSum(["20%", "30%", "50%"])).toBe(1);
    expect(weightSum(["20 per cento", "80 per cento"])).toBe(1);
    expect(weightSum([[0.3], [null], ["0,7"]])).toBe(1);
    expect(weightSum([1])).toBe(1);
    // A bare 1 is 100%, as the recognizer reads it: the same rule everywhere.
    expect(weightFractions([50, 1, null])).toEqual([0.5, 1, null]);
    expect(readWeight(1)).toBe(1);
    expect(readWeight(0.2, "20%")).toBe(0.2);
    expect(() => weightSum(["venti"])).toThrow("Il peso n. 1 ('venti') non è un numero");
    expect(() => weightSum([-5])).toThrow("Il peso n. 1 (-5) è negativo");
    expect(() => weightSum(["-5%"])).toThrow("Il peso n. 1 (-5%) è negativo");
  });

  it("checkWeightsText says OK or what is missing / exceeding", () => {
    const tol = 0.001;
    expect(checkWeightsText([0.2, 0.2, 0.2, 0.4], 1, tol)).toBe("OK");
    expect(checkWeightsText([20, 20, 20, 20], 1, tol)).toBe(
      "I pesi sommano a 80%: mancano 20 punti percentuali"
    );
    expect(checkWeightsText(["60%", "60%"], 1, tol)).toBe(
      "I pesi sommano a 120%: eccedono di 20 punti percentuali"
    );
    expect(checkWeightsText([30, 30], 60, tol)).toBe("OK");
    expect(checkWeightsText([0.3, 0.2], "50%", tol)).toBe("OK");
    expect(checkWeightsText([0.9995], 1, tol)).toBe("OK");
    expect(checkWeightsText(["33,31%", "33,31%", "33,31%"], 1, tol)).toBe("OK");
    expect(checkWeightsText([33, 33, 33], 1, tol)).toBe(
      "I pesi sommano a 99%: mancano 1 punti percentuali"
    );
    expect(checkWeightsText([null, ""], 1, tol)).toMatch(/^Nessun peso indicato/);
  });

  it("checkWeightSum: none, over, missing, under, ok", () => {
    expect(checkWeightSum([], 0.001).verdict).toBe("none");
    expect(checkWeightSum([null, null], 0.001).verdict).toBe("none");
    expect(checkWeightSum([0.7, 0.4, null], 0.001).verdict).toBe("over");
    expect(checkWeightSum([0.5, null], 0.001).verdict).toBe("missing");
    expect(checkWeightSum([0.5, 0.49], 0.001)).toEqual({
      sum: 0.99,
      diff: -0.01,
      verdict: "under",
    });
    expect(checkWeightSum([0.5, 0.4993], 0.001).verdict).toBe("ok");
    expect(checkWeightSum([0.5, 0.499], 0.001).verdict).toBe("ok"); // exactly the tolerance
    expect(checkWeightSum([0.5, 0.499], 0).verdict).toBe("under");
  });

  it("the formula names the same words and the tolerance", () => {
    const f = weightVerdictFormula({ count: "[@N]", given: "[@G]", diff: "[@D]" }, 0.002);
    for (const t of Object.values(WEIGHT_VERDICT_TEXT)) expect(f).toContain(`"${t}"`);
    expect(f).toContain(">0.002");
  });
});
