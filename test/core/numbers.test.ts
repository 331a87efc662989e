import {
  findNumbers,
  formatItalianNumber,
  formatPercent,
  interpretNumeral,
  parseItalianNumber,
  parseItalianQuantity,
  wordNumber,
} from "../../src/core/numbers";
import { readWeight } from "../../src/core/weights";

describe("parseItalianNumber", () => {
  it.each([
    ["3,5", 3.5],
    ["8,00", 8],
    ["1.200.000", 1200000],
    ["€ 1.200.000", 1200000],
    ["€1.200.000,50", 1200000.5],
    ["1.200.000 €", 1200000],
    ["euro 50.000", 50000],
    ["- 4,71", -4.71],
    ["-4,71", -4.71],
    ["−4,71", -4.71],
    ["+5", 5],
    ["75%", 75],
    ["75 %", 75],
    ["75 per cento", 75],
    ["1,200.50", 1200.5],
    ["1.200,50", 1200.5],
    ["1,200,000", 1200000],
    ["1.200", 1200],
    ["12.500", 12500],
    ["0.2", 0.2],
    ["0.200", 0.2],
    ["3.5", 3.5],
    [",5", 0.5],
    ["1 200 000", 1200000],
    ["1\u00a0200", 1200],
    ["  42  ", 42],
    ["0", 0],
  ])("%j -> %p", (t, v) => expect(parseItalianNumber(t)).toBe(v));

  it.each(["", "abc", "3,5/4", "1.20.3", "10 pasti", "±10%", "--5", "1,2,3", "12/05/2025", "N.D."])(
    "%j is not a number",
    (t) => expect(parseItalianNumber(t)).toBeNull()
  );

  it("says percent and euro", () => {
    expect(parseItalianQuantity("75 %")).toEqual({ value: 75, unit: "percent" });
    expect(parseItalianQuantity("€ 1.200")).toEqual({ value: 1200, unit: "euro" });
    expect(parseItalianQuantity("12")).toEqual({ value: 12 });
  });

  it("reads numerals", () => {
    expect(interpretNumeral("1.234.567,89")).toBe(1234567.89);
    expect(interpretNumeral("1,234,567.89")).toBe(1234567.89);
    expect(interpretNumeral("12,34,5")).toBeNull();
  });
});

describe("words as numbers", () => {
  it("reads Italian number words", () => {
    expect(wordNumber("due")).toBe(2);
    expect(wordNumber("Tre")).toBe(3);
    expect(wordNumber("dieci")).toBe(10);
    expect(wordNumber("casa")).toBeNull();
    expect(wordNumber("__proto__")).toBeNull();
  });
  it("finds them after a quantifier only", () => {
    expect(findNumbers("Almeno due enti", { words: true })).toMatchObject([
      { value: 2, noun: "enti", word: true },
    ]);
    expect(findNumbers("minimo tre incontri", { words: true })[0].value).toBe(3);
    expect(findNumbers("avvio di uno SPRAR", { words: true })).toEqual([]);
    expect(findNumbers(">= 3 (tre)", { words: true }).map((n) => n.value)).toEqual([3]);
    expect(findNumbers("Almeno due", {})).toEqual([]);
  });
});

describe("findNumbers", () => {
  it("gives each number the noun that follows", () => {
    const ns = findNumbers("74 pasti erogati e 210 famiglie beneficiarie");
    expect(ns.map((n) => [n.value, n.noun])).toEqual([
      [74, "pasti erogati"],
      [210, "famiglie beneficiarie"],
    ]);
  });
  it("reads units: percent, euro, days, ratio", () => {
    expect(findNumbers("Almeno 70% degli operatori coinvolti")[0]).toMatchObject({
      value: 70,
      unit: "percent",
      noun: "operatori coinvolti",
    });
    expect(findNumbers("risorse pari ad € 1.200.000 per l'avvio")[0]).toMatchObject({
      value: 1200000,
      unit: "euro",
    });
    expect(findNumbers("euro 50.000")[0]).toMatchObject({ value: 50000, unit: "euro" });
    expect(findNumbers("50.000 euro")[0]).toMatchObject({ value: 50000, unit: "euro" });
    expect(findNumbers("non più di 30 gg.")[0]).toMatchObject({ value: 30, unit: "days" });
    expect(findNumbers("entro 60 giorni")[0]).toMatchObject({ value: 60, unit: "days" });
    expect(findNumbers("Livello di gradimento 3,5/4")[0]).toMatchObject({
      value: 3.5,
      unit: "ratio",
      max: 4,
    });
    expect(findNumbers("gradimento 3/4")[0]).toMatchObject({ value: 3, unit: "ratio", max: 4 });
    expect(findNumbers("voto 4 su 5")[0]).toMatchObject({ value: 4, unit: "ratio", max: 5 });
    expect(findNumbers("80 punti su 100")[0]).toMatchObject({ value: 80, unit: "ratio", max: 100 });
    expect(findNumbers("1,2 milioni di euro")[0]).toMatchObject({ value: 1200000, unit: "euro" });
    expect(findNumbers("€ 1,5 mln")[0]).toMatchObject({ value: 1500000, unit: "euro" });
    expect(findNumbers("50mila utenti")[0]).toMatchObject({ value: 50000, noun: "utenti" });
  });
  it("keeps signs and ranges apart", () => {
    expect(findNumbers("+ 5% rispetto all'esercizio precedente")[0]).toMatchObject({
      value: 5,
      sign: "+",
    });
    expect(findNumbers("+-10% rispetto 2023")[0]).toMatchObject({ value: 10, sign: "±" });
    expect(findNumbers("±10%")[0]).toMatchObject({ value: 10, sign: "±" });
    expect(findNumbers("- 4,71")[0].value).toBe(-4.71);
    expect(findNumbers("-3")[0].value).toBe(-3);
    expect(findNumbers("10 - 20").map((n) => n.value)).toEqual([10, 20]);
    expect(findNumbers("10-20").map((n) => n.value)).toEqual([10, 20]);
  });
  it("skips dates and marks years", () => {
    expect(findNumbers("12 patti firmati il 20/12/2017").map((n) => n.value)).toEqual([12]);
    expect(findNumbers("entro il 31 dicembre 2017 almeno 5").map((n) => n.value)).toEqual([5]);
    const y = findNumbers("Per il 2017 si pensa ad una sperimentazione su 3 nuclei");
    expect(y[0]).toMatchObject({ value: 2017, year: true });
    expect(y[1]).toMatchObject({ value: 3, noun: "nuclei" });
    expect(findNumbers("2000 utenti")[0].year).toBeUndefined();
  });
  it("gives the words before", () => {
    expect(findNumbers("Alloggi assegnati 25")[0]).toMatchObject({
      value: 25,
      before: "alloggi assegnati",
    });
  });
});

describe("readWeight", () => {
  it.each<[string | number | boolean | null | undefined, string | undefined, number | null]>([
    [20, undefined, 0.2],
    ["0,2", undefined, 0.2],
    ["20%", undefined, 0.2],
    ["20 %", undefined, 0.2],
    [0.2, undefined, 0.2],
    [0.2, "20%", 0.2],
    [1, "100%", 1],
    [100, undefined, 1],
    ["100", undefined, 1],
    ["1", undefined, 1],
    [1, undefined, 1],
    [0, undefined, 0],
    ["", undefined, null],
    [null, undefined, null],
    [undefined, undefined, null],
    [true, undefined, null],
    ["peso", undefined, null],
    [-5, undefined, null],
    [NaN, undefined, null],
    [null, "20%", 0.2],
  ])("%p shown %p -> %p", (v, d, w) => {
    const r = readWeight(v, d);
    if (w === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(w, 10);
  });
  it("ignores dates", () => expect(readWeight(new Date())).toBeNull());
});

describe("formatting", () => {
  it("formats Italian numbers", () => {
    expect(formatItalianNumber(1200000)).toBe("1.200.000");
    expect(formatItalianNumber(3.5)).toBe("3,5");
    expect(formatItalianNumber(-4.71)).toBe("-4,71");
    expect(formatItalianNumber(1234.5678, 2)).toBe("1.234,57");
    expect(formatItalianNumber(8, 2)).toBe("8,00");
    expect(formatItalianNumber(-0.001, 1)).toBe("0,0");
    expect(formatItalianNumber(1e21)).toBe("1.000.000.000.000.000.000.000");
  });
  it("formats percentages", () => {
    expect(formatPercent(0.875)).toBe("87,5%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(0.8)).toBe("80%");
    expect(formatPercent(0.83333)).toBe("83,3%");
    expect(formatPercent(0.83333, 2)).toBe("83,33%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(12.5)).toBe("1.250%");
  });
});
