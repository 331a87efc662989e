import {
  dateToIso,
  daysBetween,
  findDates,
  formatItalianDate,
  isIsoDate,
  parseItalianDate,
} from "../../src/core/dates";
import { excelSerialToIso, isoToExcelSerial } from "../../src/core/cells";

describe("parseItalianDate", () => {
  it.each<[string, number | undefined, string, string | undefined]>([
    ["30/9", 2025, "2025-09-30", undefined],
    ["Entro il 30/9", 2024, "2024-09-30", undefined],
    ["31.12", 2022, "2022-12-31", undefined],
    ["31/01/2025", 2024, "2025-01-31", undefined],
    ["30.06.2025", undefined, "2025-06-30", undefined],
    ["30-06-2025", undefined, "2025-06-30", undefined],
    ["1/7/25", undefined, "2025-07-01", undefined],
    ["29/2", 2024, "2024-02-29", undefined],
    ["Entro 29/2", 2025, "2025-02-28", undefined],
    ["entro aprile 2025", 2024, "2025-04-30", undefined],
    ["ENTRO SETTEMBRE", 2025, "2025-09-30", undefined],
    ["giugno 2025", undefined, "2025-06-30", undefined],
    ["febbraio", 2024, "2024-02-29", undefined],
    ["31 dicembre 2017", undefined, "2017-12-31", undefined],
    ["1° luglio", 2025, "2025-07-01", undefined],
    ["31 dic. 2025", undefined, "2025-12-31", undefined],
    ["entro sett. 2025", undefined, "2025-09-30", undefined],
    ["entro il mese di marzo", 2025, "2025-03-31", undefined],
    ["entro metà giugno", 2025, "2025-06-15", undefined],
    ["Entro dicembre 2025", 2024, "2025-12-31", undefined],
    ["I semestre", 2025, "2025-06-30", undefined],
    ["secondo semestre 2024", undefined, "2024-12-31", undefined],
    ["2025-03-04", undefined, "2025-03-04", undefined],
    ["2025/06/30", undefined, "2025-06-30", undefined],
    ["entro il 15-giu-2025", undefined, "2025-06-15", undefined],
    ["ott-25", undefined, "2025-10-31", undefined],
    ["dic-2026", undefined, "2026-12-31", undefined],
    ["da 01/01/2025 a giugno 2025", undefined, "2025-06-30", "2025-01-01"],
    ["dal 1 marzo al 30 giugno", 2025, "2025-06-30", "2025-03-01"],
    ["da gennaio a giugno 2025", 2024, "2025-06-30", "2025-01-01"],
    ["01/03/2025 - 30/06/2025", undefined, "2025-06-30", "2025-03-01"],
  ])("%j (year %p) -> %s", (t, y, date, from) => {
    const r = parseItalianDate(t, y);
    expect(r).not.toBeNull();
    expect(r!.date).toBe(date);
    expect(r!.from).toBe(from);
  });

  it.each([
    "",
    "3,5/4",
    "1.200.000",
    "set di dati",
    "10-20",
    "3.5",
    "Almeno 3",
    "75%",
    "31/4/2025x",
    "45/2",
  ])("%j has no date", (t) => expect(parseItalianDate(t, 2025)).toBeNull());

  it("never reads the clock: with no year given, a date written without one is not read", () => {
    expect(parseItalianDate("30/9")).toBeNull();
    expect(parseItalianDate("30/9/2024")!.date).toBe("2024-09-30");
    expect(parseItalianDate("30/9", 2026)!.date).toBe("2026-09-30");
  });

  it("finds several dates in order", () => {
    const ds = findDates("12 patti firmati il 20/12/2017 entro il 31 dicembre 2017", 2017);
    expect(ds.map((d) => d.date)).toEqual(["2017-12-20", "2017-12-31"]);
  });
});

describe("date helpers", () => {
  it("formats ISO the Italian way", () => {
    expect(formatItalianDate("2025-09-30")).toBe("30/09/2025");
    expect(formatItalianDate("nope")).toBe("nope");
  });
  it("turns JS and Excel dates into ISO", () => {
    expect(dateToIso(new Date(Date.UTC(2025, 8, 30)))).toBe("2025-09-30");
    expect(dateToIso(new Date(2025, 8, 30))).toBe("2025-09-30");
    expect(dateToIso(new Date(NaN))).toBeNull();
    expect(excelSerialToIso(45930)).toBe("2025-09-30");
    expect(isoToExcelSerial("2025-09-30")).toBe(45930);
    expect(excelSerialToIso(-1)).toBeNull();
  });
  it("checks ISO dates and counts days", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(daysBetween("2025-01-01", "2025-03-01")).toBe(59);
  });
});
