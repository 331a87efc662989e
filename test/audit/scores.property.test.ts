// Properties of the pure score functions the custom functions wrap.
import fc from "fast-check";
import { applyBands, objectiveScore, relativeWeights, scoreTotal } from "../../src/core/scores";
import { checkWeightsText, weightSum } from "../../src/core/weights";
import { parseSettings, severityFor, checkEnabled } from "../../src/core/settings";

const points = fc.array(fc.integer({ min: 2, max: 100 }), { minLength: 1, maxLength: 12 });

describe("score properties", () => {
  it("weights read the same as points, fractions and percent text", () => {
    fc.assert(
      fc.property(points, (ps) => {
        const asPoints = weightSum(ps);
        expect(weightSum(ps.map((p) => p / 100))).toBeCloseTo(asPoints, 9);
        expect(weightSum(ps.map((p) => `${p}%`))).toBeCloseTo(asPoints, 9);
        expect(weightSum(ps.map((p) => String(p / 100).replace(".", ",")))).toBeCloseTo(
          asPoints,
          9
        );
      })
    );
  });

  it("checkWeights is OK exactly when the sum is 100% (within tolerance)", () => {
    fc.assert(
      fc.property(points, (ps) => {
        const sum = ps.reduce((s, p) => s + p, 0);
        expect(checkWeightsText(ps, 1, 0.001) === "OK").toBe(sum === 100);
      })
    );
  });

  it("an objective score lies between 0 and the weight sum", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true })),
          {
            minLength: 1,
            maxLength: 10,
          }
        ),
        (rows) => {
          const w = rows.map(([p]) => p / 100);
          const a = rows.map(([, x]) => x);
          const s = objectiveScore(w, a);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(weightSum(w) + 1e-9);
          expect(
            objectiveScore(
              w,
              a.map(() => 1)
            )
          ).toBeCloseTo(weightSum(w), 9);
        }
      )
    );
  });

  it("relative weights sum to 1 whatever the scale", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (ws) => {
          const r = relativeWeights(ws);
          expect(r.reduce<number>((s, x) => s + (x ?? 0), 0)).toBeCloseTo(1, 6);
          const scaled = relativeWeights(ws.map((w) => w * 10));
          r.forEach((x, i) => expect(scaled[i]).toBeCloseTo(x ?? 0, 6));
        }
      )
    );
  });

  it("bands never raise an achievement above 1 nor below 0", () => {
    const bands = parseSettings({
      bands: [
        { from: 0, to: 0.5, score: 0 },
        { from: 0.5, to: 1, mode: "linear" },
      ],
    }).bands;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (a) => {
        const b = applyBands(a, bands);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
        expect(b).toBe(a < 0.5 ? 0 : a);
      })
    );
  });

  it("scoreTotal adds components within their maxima and throws on any excess", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 6,
        }),
        (rows) => {
          const values = rows.map(([v]) => v);
          const maxima = rows.map(([, m]) => m);
          if (values.every((v, i) => v <= maxima[i]))
            expect(scoreTotal(values, maxima)).toBe(values.reduce((s, v) => s + v, 0));
          else expect(() => scoreTotal(values, maxima)).toThrow(/oltre il massimo/);
        }
      )
    );
  });

  it("settings lookups ignore inherited names", () => {
    const s = parseSettings(JSON.parse('{"checks": {}, "severities": {}}'));
    expect(checkEnabled(s, "constructor")).toBe(true);
    expect(severityFor(s, "toString", "info")).toBe("info");
    // A "__proto__" key read from JSON must not switch anything off nor change prototypes.
    let odd: ReturnType<typeof parseSettings> | null = null;
    try {
      odd = parseSettings(
        JSON.parse('{"checks": {"__proto__": false}, "maxima": {"__proto__": 5}}')
      );
    } catch (e) {
      expect((e as Error).message).toMatch(/^peg\.config\.json: /);
    }
    if (odd) {
      expect(checkEnabled(odd, "WEIGHTS_SUM")).toBe(true);
      expect(Object.getPrototypeOf(odd.checks)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).risultato).toBeUndefined();
    }
  });
});
