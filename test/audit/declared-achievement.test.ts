/**
 * The achievement the office declares in its own plan (`% di raggiungimento`, `Grado di
 * raggiungimento`, `% ragg.`): read with its cell from indicator tables, matrices and cards, compared
 * by ACHIEVEMENT_DECLARED_MISMATCH with the one target and actual give, and shown in the
 * `Grado dichiarato` column of the `Indicatori` sheet.
 */
import ExcelJS from "exceljs";
import { columnLetters, type CellValue, type Grid } from "../../src/core/grid";
import type { Finding, Indicator, PegModel } from "../../src/core/model";
import { PegModelSchema } from "../../src/core/model";
import { analyzeWorkbook, auditBuiltModel } from "../../src/core/pipeline";
import { parseSettings } from "../../src/core/settings";
import { buildWorkbookSpec, isFormulaCell, type SheetSpec } from "../../src/core/sheets";
import { writeStructuredWorkbook } from "../../src/xlsx/write";
import { writeWorkbookSpec } from "../../src/excel/write";
import { fakeContext } from "../excel/fake-excel";
import { ind, model, op } from "./build";

const CODE = "ACHIEVEMENT_DECLARED_MISMATCH";

/** A grid whose `text` holds what Excel shows where it differs from the value (percent formats). */
function grid(sheet: string, rows: CellValue[][], shown: Record<string, string> = {}): Grid {
  const text = rows.map((r, i) => r.map((_, j) => shown[`${i},${j}`] ?? null));
  return { sheet, rows, text };
}

const TABLE = grid(
  "Relazione",
  [
    ["OBIETTIVO 1.1 - Migliorare lo sportello al cittadino"],
    ["Indicatore", "Target", "Consuntivo", "Peso", "% di raggiungimento"],
    ["Pratiche evase", ">=100", 60, "20%", "80%"], // row 3: 60% computed, 80% declared
    ["Tempi medi di risposta in giorni", "<=30", 30, "20%", 0.97], // shown 97%: 100% vs 97%
    ["Istanze telematiche", ">=200", 190, "20%", 80], // 80 points: 95% vs 80%
    ["Segnalazioni chiuse", ">=50", 50, "20%", "100 %"], // agrees
    ["Reclami gestiti", ">=40", 30, "10%", "0,75"], // 75% vs 75%
    ["Carta dei servizi", "Report annuale", "fatto", "10%", "raggiunto"], // text: ignored
  ],
  { "3,4": "97%" }
);

const MATRIX = grid("Matrice", [
  [
    "Codice obiettivo strategico",
    "Codice obiettivo operativo",
    "Obiettivo operativo",
    "Indicatore",
    "Target",
    "Risultato raggiunto",
    "% ragg.",
  ],
  ["2", "2.1", "Ridurre i tempi dei pagamenti", "Giorni medi di pagamento", "<=20", 25, 100],
  ["2", "2.2", "Più controlli sul territorio", "Controlli eseguiti", ">=50", 47, "90%"],
  ["2", "2.3", "Nuovo regolamento", "Regolamento", "Monitoraggio del servizio", "fatto", "50%"],
  [
    "2",
    "2.4",
    "Refezione scolastica",
    "Pasti e famiglie",
    "1) almeno 100 pasti 2) almeno 200 famiglie",
    "100 pasti erogati e 100 famiglie beneficiarie",
    "75%",
  ],
]);

const CARD = grid("Schede", [
  ["OBIETTIVO 3.1 - Digitalizzare i servizi"],
  ["Indicatore: numero servizi online attivati"],
  ["Target: almeno 10"],
  ["Risultato: 5"],
  ["Grado di raggiungimento: 100%"],
]);

function analyzed(grids: Grid[], settings?: unknown): PegModel {
  const m = analyzeWorkbook(grids, { files: ["relazione.xlsx"], year: 2025, settings });
  expect(PegModelSchema.safeParse(m).success).toBe(true);
  return m;
}

function byName(m: PegModel, name: string): Indicator {
  const i = m.indicators.find((x) => x.name === name);
  if (!i) throw new Error(`manca l'indicatore ${name}: ${m.indicators.map((x) => x.name)}`);
  return i;
}

function mismatches(m: PegModel): Finding[] {
  return m.findings.filter((f) => f.code === CODE);
}

describe("declared achievement: reading", () => {
  const m = analyzed([TABLE, MATRIX, CARD]);

  test("an indicator table: `80%`, 0,97 shown as 97%, 80 points, `100 %`, `0,75`; text ignored", () => {
    const read = (name: string) => {
      const i = byName(m, name);
      return [i.declaredAchievement, i.declaredAchievementSource];
    };
    expect(read("Pratiche evase")).toEqual([0.8, "Relazione!E3"]);
    expect(read("Tempi medi di risposta in giorni")).toEqual([0.97, "Relazione!E4"]);
    expect(read("Istanze telematiche")).toEqual([0.8, "Relazione!E5"]);
    expect(read("Segnalazioni chiuse")).toEqual([1, "Relazione!E6"]);
    expect(read("Reclami gestiti")).toEqual([0.75, "Relazione!E7"]);
    const text = byName(m, "Carta dei servizi");
    expect(text.declaredAchievement).toBeUndefined();
    expect(text.declaredAchievementSource).toBeUndefined();
  });

  test("a matrix with a `% ragg.` column", () => {
    const g = byName(m, "Giorni medi di pagamento");
    expect([g.declaredAchievement, g.declaredAchievementSource]).toEqual([1, "Matrice!G2"]);
    expect(byName(m, "Controlli eseguiti").declaredAchievement).toBe(0.9);
    // One row read as two indicators: both carry the row's declared cell.
    const row = m.indicators.filter((i) => i.objectiveCode === "2.4");
    expect(row).toHaveLength(2);
    for (const i of row) expect(i.declaredAchievementSource).toBe("Matrice!G5");
  });

  test("a card line `Grado di raggiungimento: 100%`", () => {
    const c = byName(m, "numero servizi online attivati");
    expect([c.declaredAchievement, c.declaredAchievementSource]).toEqual([1, "Schede!A5"]);
    expect(c.achievement).toBe(0.5);
  });

  test("the other fields stay as they were", () => {
    const p = byName(m, "Pratiche evase");
    expect(p).toMatchObject({ target: ">=100", actual: 60, weight: 0.2, achievement: 0.6 });
  });
});

describe("ACHIEVEMENT_DECLARED_MISMATCH", () => {
  const m = analyzed([TABLE, MATRIX, CARD]);
  const found = mismatches(m);
  const at = (where: string) => found.filter((f) => f.where === where);

  test("a declared achievement more than 5 points from the computed one is a warning", () => {
    const [f] = at("Relazione!E3");
    expect(f).toMatchObject({ severity: "warning", objectiveCode: "1.1" });
    expect(f.indicatorId).toBe(byName(m, "Pratiche evase").id);
    expect(f.message).toContain("dichiarato 80%");
    expect(f.message).toContain("'Pratiche evase'");
    expect(f.message).not.toContain("obiettivo 1.1");
    expect(f.message).toContain("60%");
    expect(f.message).toContain("20 punti");
    expect(at("Relazione!E5")[0].message).toMatch(/dichiarato 80%.*95%.*15 punti/);
    // A declared 100% on a `<=20` target missed with 25 days (80%).
    expect(at("Matrice!G2")[0].message).toMatch(/dichiarato 100%.*80%/);
    expect(at("Schede!A5")[0].message).toMatch(/dichiarato 100%.*50%/);
  });

  test("agreement within 5 points, text and qualitative targets are not reported", () => {
    for (const where of [
      "Relazione!E4", // 97% declared, 100% computed
      "Relazione!E6",
      "Relazione!E7",
      "Matrice!G3", // 90% declared, 94% computed
      "Matrice!G4", // qualitative target
      "Matrice!G5", // 75% declared, mean of 100% and 50%
    ])
      expect(at(where)).toEqual([]);
    expect(found.map((f) => f.where).sort()).toEqual(
      ["Matrice!G2", "Relazione!E3", "Relazione!E5", "Schede!A5"].sort()
    );
  });

  test("one row of several targets: compared through the mean of their achievements", () => {
    const row = MATRIX.rows.map((r) => [...r]);
    row[4][6] = "100%";
    const f = mismatches(analyzed([{ sheet: "Matrice", rows: row }])).filter(
      (x) => x.objectiveCode === "2.4"
    );
    expect(f).toHaveLength(1);
    expect(f[0].where).toBe("Matrice!G5");
    expect(f[0].message).toMatch(/gli indicatori .*in media 75%.*25 punti/);
  });

  test("the computed achievement is the one after a manual verdict", () => {
    const declared = { declaredAchievement: 0.8, declaredAchievementSource: "Piano!F3" };
    const base = {
      target: ">=100",
      actual: 60,
      status: "missed" as const,
      achievement: 0.6,
      ...declared,
    };
    const without = model({ operationalObjectives: [op("1")], indicators: [ind("1", base)] });
    expect(mismatches(auditBuiltModel(without, parseSettings({})))).toHaveLength(1);
    const judged = model({
      operationalObjectives: [op("1")],
      indicators: [ind("1", { ...base, manual: { achievement: 0.8, note: "verificato" } })],
    });
    expect(mismatches(auditBuiltModel(judged, parseSettings({})))).toEqual([]);
    const other = model({
      operationalObjectives: [op("1")],
      indicators: [ind("1", { ...base, manual: { status: "met", note: "verificato" } })],
    });
    const [f] = mismatches(auditBuiltModel(other, parseSettings({})));
    expect(f.message).toMatch(/dichiarato 80%.*100%.*giudizio manuale/);
  });

  test("the settings can switch it off or change its severity", () => {
    expect(mismatches(analyzed([TABLE], { checks: { [CODE]: false } }))).toEqual([]);
    const info = mismatches(analyzed([TABLE], { severities: { [CODE]: "info" } }));
    expect(info.length).toBeGreaterThan(0);
    for (const f of info) expect(f.severity).toBe("info");
  });
});

describe("Indicatori sheet: Grado dichiarato", () => {
  const m = analyzed([TABLE, MATRIX, CARD]);

  function column(spec: SheetSpec, header: string): number {
    const i = spec.columns.findIndex((c) => c.header === header);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  }

  function rowOf(spec: SheetSpec, id: string) {
    const r = spec.rows.find((x) => x[0] === id);
    if (!r) throw new Error(`manca la riga ${id}`);
    return r;
  }

  test("a percent column right after the computed grades, holding the value", () => {
    const spec = buildWorkbookSpec(m).sheets.find((s) => s.name === "Indicatori")!;
    const c = column(spec, "Grado dichiarato");
    expect(c).toBe(column(spec, "Grado finale") + 1);
    expect(spec.columns[c].numFmt).toMatch(/%$/);
    expect(rowOf(spec, byName(m, "Pratiche evase").id)[c]).toBe(0.8);
    expect(rowOf(spec, byName(m, "Tempi medi di risposta in giorni").id)[c]).toBe(0.97);
    expect(rowOf(spec, byName(m, "Carta dei servizi").id)[c]).toBeNull();
    for (const r of spec.rows) expect(isFormulaCell(r[c])).toBe(false);
    const banded = buildWorkbookSpec(m, {
      bands: parseSettings({ bands: [{ from: 0, to: 1, mode: "linear" }] }).bands,
    }).sheets.find((s) => s.name === "Indicatori")!;
    expect(column(banded, "Grado dichiarato")).toBe(column(banded, "Grado riconosciuto") + 1);
  });

  function placed() {
    const spec = buildWorkbookSpec(m);
    const sheet = spec.sheets.find((s) => s.name === "Indicatori")!;
    const c = column(sheet, "Grado dichiarato");
    const r = sheet.rows.findIndex((x) => x[0] === byName(m, "Pratiche evase").id);
    return { spec, sheet, c, r };
  }

  test("the exceljs writer puts the value with its percent format", async () => {
    const { spec, c, r } = placed();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeStructuredWorkbook(null, spec)) as never);
    const ws = wb.getWorksheet("Indicatori")!;
    expect(ws.getRow(1).getCell(c + 1).value).toBe("Grado dichiarato");
    expect(ws.getRow(r + 2).getCell(c + 1).value).toBe(0.8);
    expect(ws.getRow(r + 2).getCell(c + 1).numFmt).toMatch(/%$/);
  });

  test("the Office.js writer puts the value with its percent format", async () => {
    const { sheet, c, r } = placed();
    const { context, book } = fakeContext([{ name: "Relazione", values: [["x"]] }]);
    await writeWorkbookSpec(context, { sheets: [sheet] });
    const fake = book.sheet("Indicatori");
    expect(fake.cell(`${columnLetters(c)}1`)).toBe("Grado dichiarato");
    expect(fake.cell(`${columnLetters(c)}${r + 2}`)).toBe(0.8);
    expect(fake.formats.get(`${r + 1},${c}`)).toMatch(/%$/);
  });
});
