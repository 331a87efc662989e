import {
  buildWorkbookSpec,
  ESITO,
  ESITO_LIST,
  isFormulaCell,
  isLinkCell,
  statusFromEsito,
} from "../../src/core/sheets";
import { emptyModel, STATUSES } from "../../src/core/model";
import type { FormulaCell, SheetSpec } from "../../src/core/sheets";
import { sampleModel } from "./sample-model";
import { STRUCTURED_SHEETS } from "../helpers/contract";

function sheet(name: string, model = sampleModel(), withNames = false): SheetSpec {
  const s = buildWorkbookSpec(model, { withNames }).sheets.find((x) => x.name === name);
  if (!s) throw new Error(`manca ${name}`);
  return s;
}

function col(s: SheetSpec, header: string): number {
  const i = s.columns.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`manca la colonna ${header}`);
  return i;
}

function cell(s: SheetSpec, key: string, header: string): unknown {
  const row = s.rows.find((r) => r[0] === key);
  if (!row) throw new Error(`manca la riga ${key}`);
  return row[col(s, header)];
}

/** The PEG.* call a formula falls back on (IFERROR(PEG.X(...),cached)), as written. */
function pegOf(f: FormulaCell): string {
  const i = f.formula.indexOf("PEG.");
  if (i < 0) return f.formula;
  let depth = 0;
  for (let j = f.formula.indexOf("(", i); j < f.formula.length; j++) {
    if (f.formula[j] === "(") depth++;
    else if (f.formula[j] === ")" && --depth === 0) return f.formula.slice(i, j + 1);
  }
  return f.formula;
}

function formula(s: SheetSpec, key: string, header: string): FormulaCell {
  const v = cell(s, key, header) as FormulaCell;
  expect(isFormulaCell(v)).toBe(true);
  return v;
}

describe("buildWorkbookSpec", () => {
  test("the seven sheets of docs/sheets.md, each a table with unique names", () => {
    const spec = buildWorkbookSpec(sampleModel());
    expect(spec.sheets.map((s) => s.name)).toEqual(STRUCTURED_SHEETS);
    expect(new Set(spec.sheets.map((s) => s.tableName)).size).toBe(7);
    for (const s of spec.sheets) {
      expect(s.tableName).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(new Set(s.columns.map((c) => c.header.toLowerCase())).size).toBe(s.columns.length);
      for (const r of s.rows) expect(r).toHaveLength(s.columns.length);
    }
  });

  test("Esito words cover every status and read back", () => {
    expect(ESITO_LIST).toHaveLength(STATUSES.length);
    for (const s of STATUSES) expect(statusFromEsito(ESITO[s].toLowerCase())).toBe(s);
    expect(statusFromEsito("forse")).toBeNull();
  });

  test("Indicatori: native Esito and Grado over the plain rule columns, PEG.* inside IFERROR with the cached value; base only for relative targets", () => {
    const s = sheet("Indicatori");
    const esito = formula(s, "1.1#1", "Esito");
    expect(esito.result).toBe("RAGGIUNTO");
    expect(esito.formula).toMatch(
      /^IFERROR\(IF\(ISNUMBER\(\[@\[Valore consuntivo\]\]\),IF\(CHOOSE\(MATCH\(\[@Operatore\],\{">=",/
    );
    // The plan year (2025) goes in the last argument; no base, no check date: left empty.
    expect(pegOf(esito)).toBe("PEG.STATUS([@Target],[@Consuntivo],,,2025)");
    // Without the add-in (#NAME?) the engine's value.
    expect(esito.formula).toMatch(/,"RAGGIUNTO"\)$/);
    expect(pegOf(formula(s, "1.1#2", "Grado"))).toBe(
      "PEG.ACHIEVEMENT([@Target],[@Consuntivo],,2025)"
    );
    expect(formula(s, "1.1#2", "Grado").result).toBe(0.74);
    expect(pegOf(formula(s, "1.2#2", "Esito"))).toBe(
      "PEG.STATUS([@Target],[@Consuntivo],[@Base],,2025)"
    );
    expect(pegOf(formula(s, "1.1#1", "Regola"))).toBe("PEG.RULE([@Target],2025)");
    expect(formula(s, "1.1#1", "Regola").formula).toMatch(
      /^IFERROR\(PEG\.RULE\(\[@Target\],2025\),".+"\)$/
    );
    expect(cell(s, "1.2#2", "Base")).toBe("30");
    // The manual verdict wins in the final columns.
    expect(cell(s, "1.2#1", "Esito manuale")).toBe("RAGGIUNTO");
    expect(formula(s, "1.2#1", "Esito finale").result).toBe("RAGGIUNTO");
    expect(formula(s, "1.2#1", "Grado finale").result).toBe(1);
    expect(formula(s, "2.1#1", "Grado finale").result).toBe("—");
    expect(formula(s, "2.1#1", "Grado").result).toBe("—");
    // Text that looks like a formula stays a plain string (writers store it as text).
    expect(cell(s, "1.2#2", "Consuntivo")).toBe("=SOMMA(A1)");
    expect(cell(s, "2.1#2", "Indicatore")).toBe("@Segnalazioni chiuse");
  });

  test("Indicatori: the live formulas carry the plan year and check date the cache was computed with", () => {
    const withYear = sampleModel();
    const esitoOf = (model = withYear, asOf?: string | null) =>
      formula(
        buildWorkbookSpec(model, { asOf }).sheets.find((x) => x.name === "Indicatori")!,
        "1.1#1",
        "Esito"
      );
    expect(withYear.plan.year).toBe(2025);
    expect(pegOf(esitoOf())).toMatch(/^PEG\.STATUS\(.*,2025\)$/);
    // The check date as an Excel date in the alla_data position.
    expect(pegOf(esitoOf(withYear, "2025-12-31"))).toBe(
      "PEG.STATUS([@Target],[@Consuntivo],,DATE(2025,12,31),2025)"
    );
    // The check date also decides SCADUTO in the native formula.
    expect(esitoOf(withYear, "2025-12-31").formula).toContain("DATE(2025,12,31)>[@Scadenza]");
    expect(esitoOf(withYear, "2026-03-05").formula).toContain("DATE(2026,3,5)");
    // Not a real date: left out rather than written wrong.
    expect(pegOf(esitoOf(withYear, "2025-02-30"))).toBe(
      "PEG.STATUS([@Target],[@Consuntivo],,,2025)"
    );
    // No plan year: trailing arguments dropped, the function keeps its own default.
    const noYear = sampleModel();
    noYear.plan = { ente: "Comune di Prova" };
    expect(pegOf(esitoOf(noYear))).toBe("PEG.STATUS([@Target],[@Consuntivo])");
    expect(pegOf(esitoOf(noYear, "2025-12-31"))).toBe(
      "PEG.STATUS([@Target],[@Consuntivo],,DATE(2025,12,31))"
    );
    const s = buildWorkbookSpec(noYear).sheets.find((x) => x.name === "Indicatori")!;
    expect(pegOf(formula(s, "1.1#1", "Regola"))).toBe("PEG.RULE([@Target])");
    expect(pegOf(formula(s, "1.1#2", "Grado"))).toBe("PEG.ACHIEVEMENT([@Target],[@Consuntivo])");
  });

  test("Indicatori: formats, validation, traffic lights and data bars", () => {
    const s = sheet("Indicatori");
    expect(s.columns[col(s, "Peso")].numFmt).toBe("0%");
    expect(s.columns[col(s, "Grado")].numFmt).toBe("0.0%");
    const v = s.validations ?? [];
    expect(v.find((x) => x.column === col(s, "Peso"))).toMatchObject({
      kind: "decimal",
      min: 0,
      max: 1,
    });
    expect(v.find((x) => x.column === col(s, "Esito manuale"))).toMatchObject({
      kind: "list",
      values: ESITO_LIST,
    });
    const cf = s.conditional ?? [];
    expect(
      cf
        .filter((c) => c.kind === "textEquals" && c.column === col(s, "Esito"))
        .map((c) => (c.kind === "textEquals" ? c.text : ""))
    ).toEqual(expect.arrayContaining(["RAGGIUNTO", "NON RAGGIUNTO", "PARZIALE", "SCADUTO"]));
    expect(cf.some((c) => c.kind === "dataBar" && c.column === col(s, "Grado"))).toBe(true);
    expect(s.freeze).toEqual({ rows: 1, cols: 2 });
  });

  test("Obiettivi operativi: SUMIFS weight sums, Σ peso × grado, punteggio and esito computed like the formulas", () => {
    const s = sheet("Obiettivi operativi");
    const sum = formula(s, "1.1", "Somma pesi");
    expect(sum.formula).toBe("SUMIFS(Indicatori[Peso],Indicatori[Codice obiettivo],[@Codice])");
    expect(sum.result).toBeCloseTo(1);
    const r = formula(s, "1.1", "Raggiungimento");
    expect(r.formula).toContain(
      "SUMPRODUCT(--(Indicatori[Codice obiettivo]=[@Codice]),Indicatori[Peso],Indicatori[Grado finale])"
    );
    expect(r.result).toBeCloseTo(0.5 * 1 + 0.5 * 0.74);
    expect(formula(s, "1.1", "Punteggio").result).toBeCloseTo(40 * 0.87);
    expect(formula(s, "1.1", "Esito").result).toBe("PARZIALE");
    // 1.2: manual RAGGIUNTO counts 1, weights sum 0.8.
    expect(formula(s, "1.2", "Somma pesi").result).toBeCloseTo(0.8);
    expect(formula(s, "1.2", "Raggiungimento").result).toBeCloseTo(0.3 * 1 + 0.5 * 0.5);
    // 2.1: nothing evaluated yet.
    expect(formula(s, "2.1", "Raggiungimento").result).toBe("");
    expect(formula(s, "2.1", "Punteggio").result).toBe("");
    expect(formula(s, "2.1", "Esito").result).toBe("IN CORSO");
    expect(cell(s, "1.1", "Origine")).toEqual({ text: "Scheda 1!B3", location: "'Scheda 1'!B3" });
    expect(s.totalsRow).toBe(true);
  });

  test("ambiguous codes (1.1 and 1.10) switch to exact comparisons", () => {
    const m = sampleModel();
    m.operationalObjectives[1].code = "1.10";
    m.operationalObjectives[1].id = "1.10";
    for (const i of m.indicators) if (i.objectiveCode === "1.2") i.objectiveCode = "1.10";
    const s = sheet("Obiettivi operativi", m);
    const sum = formula(s, "1.10", "Somma pesi");
    expect(sum.formula).toBe(
      "SUMPRODUCT(--EXACT(Indicatori[Codice obiettivo],[@Codice]),Indicatori[Peso])"
    );
    expect(sum.result).toBeCloseTo(0.8);
  });

  test("Pesi flags sums that are not 100%", () => {
    const s = sheet("Pesi");
    expect(formula(s, "1.1", "Verifica").result).toBe("OK");
    expect(formula(s, "1.2", "Verifica").result).toBe("SOTTO 100%");
    expect(formula(s, "2.1", "Verifica").result).toBe("NESSUN PESO");
  });

  test("Report dirigenti recomputes totals natively", () => {
    const s = sheet("Report dirigenti");
    expect(formula(s, "1.1", "Totale calcolato")).toEqual({
      formula: "SUM([@[Valore 1]],[@[Valore 2]])",
      result: 95,
    });
    expect(formula(s, "1.1", "Differenza").result).toBe(5);
    expect(formula(s, "1.1", "Verifica").result).toBe("TOTALE DIVERSO");
  });

  test("Verifiche lists findings with links; Riepilogo counts per settore, names only on request", () => {
    const v = sheet("Verifiche");
    expect(v.rows.map((r) => r[0])).toEqual(["ERRORE", "AVVISO"]);
    expect(isLinkCell(v.rows[0][5] as never)).toBe(true);
    const r = sheet("Riepilogo");
    expect(r.columns.map((c) => c.header)).not.toContain("Dirigente");
    expect(formula(r, "Settore Servizi sociali", "Raggiunti")).toEqual({
      formula: 'COUNTIFS(Indicatori[Settore],[@Settore],Indicatori[Esito finale],"RAGGIUNTO")',
      result: 2,
    });
    expect(formula(r, "Settore Servizi sociali", "Non raggiunti").result).toBe(2);
    expect(formula(r, "Settore Tecnico", "In corso").result).toBe(1);
    expect(formula(r, "Settore Tecnico", "Da valutare").result).toBe(1);
    const named = sheet("Riepilogo", sampleModel(), true);
    expect(named.rows.find((x) => x[0] === "Settore Servizi sociali")?.[1]).toBe("Mario Conti");
  });

  test("an empty model still gives valid tables (one blank row)", () => {
    const spec = buildWorkbookSpec(emptyModel());
    for (const s of spec.sheets) expect(s.rows.length).toBe(1);
  });
});
