import { parseSettings, DEFAULT_SETTINGS, checkEnabled } from "../../src/core/settings";
import { isPegInputError } from "../../src/core/errors";

function errorOf(raw: unknown, label = "peg.config.json"): Error {
  try {
    parseSettings(raw, label);
  } catch (e) {
    return e as Error;
  }
  throw new Error("parseSettings non ha segnalato errori");
}

describe("parseSettings", () => {
  it("gives the defaults for an empty or missing file", () => {
    for (const raw of [undefined, null, {}]) {
      const s = parseSettings(raw);
      expect(s.maxima).toEqual({ risultato: 80, qualitativa: 20 });
      expect(s.paymentTimesMinShare).toBe(0.3);
      expect(s.weightTolerance).toBe(0.001);
      expect(s.bands).toEqual([]);
      expect(s.actualMissing).toBe("auto");
    }
    expect(DEFAULT_SETTINGS.year).toBeUndefined();
  });

  it("keeps the given values", () => {
    const s = parseSettings({
      year: 2025,
      asOf: "2025-12-31",
      maxima: { risultato: 70, comportamenti: 30 },
      bands: [
        { from: 0, to: 0.5, score: 0 },
        { from: 0.5, to: 1, mode: "linear" },
      ],
      checks: { ACTUAL_MISSING: false },
      paymentTimesMinShare: 0.4,
      altroComando: { qualunque: true },
    });
    expect(s.year).toBe(2025);
    expect(s.asOf).toBe("2025-12-31");
    expect(s.maxima).toEqual({ risultato: 70, comportamenti: 30 });
    expect(s.bands).toHaveLength(2);
    expect(checkEnabled(s, "ACTUAL_MISSING")).toBe(false);
    expect(checkEnabled(s, "WEIGHTS_SUM")).toBe(true);
    expect(s.paymentTimesMinShare).toBe(0.4);
  });

  it("names the file and the field in Italian", () => {
    expect(errorOf({ year: 2025.5 }).message).toBe(
      "peg.config.json: 'year' deve essere un numero intero"
    );
    expect(errorOf({ year: "2025" }).message).toBe(
      "peg.config.json: 'year' deve essere un numero intero"
    );
    expect(errorOf({ asOf: "31/12/2025" }, "config/peg.json").message).toMatch(
      /^config\/peg\.json: 'asOf' deve essere una data valida nel formato AAAA-MM-GG/
    );
    expect(errorOf({ asOf: "2025-02-30" }).message).toMatch(/'asOf' deve essere una data valida/);
    expect(errorOf({ maxima: { risultato: -5 } }).message).toBe(
      "peg.config.json: 'maxima.risultato' deve essere un numero maggiore di 0"
    );
    expect(errorOf({ bands: [{ from: 0, to: 50, score: 0 }] }).message).toMatch(
      /'bands\[0\]\.to' deve essere un numero tra 0 e 1/
    );
    expect(errorOf({ bands: [{ from: 0.5, to: 0.2, score: 0 }] }).message).toMatch(
      /'bands\[0\]\.to' deve essere maggiore di 'from'/
    );
    expect(errorOf({ bands: [{ from: 0, to: 0.5 }] }).message).toMatch(/'bands\[0\]\.score' manca/);
    expect(errorOf({ checks: { PESI: false } }).message).toMatch(
      /'checks\.PESI' non è un codice di verifica conosciuto/
    );
    expect(errorOf({ checks: { WEIGHTS_SUM: "no" } }).message).toBe(
      "peg.config.json: 'checks.WEIGHTS_SUM' deve essere true o false"
    );
    expect(errorOf({ paymentTimesMinShare: 30 }).message).toMatch(
      /'paymentTimesMinShare' deve essere un numero tra 0 e 1/
    );
    expect(errorOf({ actualMissing: "sempre" }).message).toMatch(
      /'actualMissing' deve essere "auto", "always" o "never"/
    );
    expect(errorOf([1, 2]).message).toMatch(
      /^peg\.config\.json: le impostazioni devono essere un oggetto JSON/
    );
  });

  it("lists every wrong field and is a user error (exit 2), not a crash", () => {
    const e = errorOf({
      year: "x",
      bands: [
        { from: 0, to: 0.4, score: 0 },
        { from: 0.3, to: 1, mode: "linear" },
      ],
    });
    expect(e.message).toMatch(/'year'/);
    expect(e.message).toMatch(/si sovrappongono/);
    expect(isPegInputError(e)).toBe(true);
    expect(e.message).not.toMatch(/Invalid|expected/);
  });
});
