// The audit through the whole pipeline: small plans typed as text grids, as a user pastes them.
import { analyzeWorkbook } from "../../src/core/pipeline";
import { textToGrid } from "../../src/core/textgrid";
import type { PegModel } from "../../src/core/model";

function plan(rows: string[][], options: { asOf?: string; settings?: unknown } = {}): PegModel {
  const text = rows.map((r) => r.join("\t")).join("\n");
  return analyzeWorkbook([textToGrid(text, "piano.txt")], {
    files: ["piano.txt"],
    year: 2025,
    ...options,
  });
}

const HEAD = ["PIANO ESECUTIVO DI GESTIONE - PIANO DELLA PERFORMANCE - 2025"];

describe("audit of a pasted plan", () => {
  it("WEIGHTS_SUM under a TOTALE 100% row, and TARGET_UNPARSED", () => {
    const m = plan([
      HEAD,
      [],
      ["1", "SPORTELLO UNICO PER LE FAMIGLIE"],
      [],
      ["INDICATORI DI PERFORMANCE", "Target", "% ponder"],
      ["n. famiglie con accesso allo sportello", "=>15", "30%"],
      ["n. interventi al domicilio", "=>20", "30%"],
      ["n. medici coinvolti", ">>", "30%"],
      ["TOTALE", "", "100%"],
      [],
      ["2", "TAVOLI PROGETTUALI PNRR"],
      ["INDICATORI DI PERFORMANCE", "Target", "% ponder"],
      ["n. incontri di formazione", ">=5", "50%"],
      ["Progetto presentato", "Almeno 1", "50%"],
      ["TOTALE", "", "100%"],
    ]);
    const sum = m.findings.filter((f) => f.code === "WEIGHTS_SUM");
    expect(sum.map((f) => f.objectiveCode)).toEqual(["1"]);
    expect(sum[0].severity).toBe("error");
    expect(sum[0].message).toMatch(
      /sommano a 90% \(30\+30\+30\), non a 100% \(riga TOTALE: 100%\)/
    );
    expect(sum[0].where).toMatch(/^piano\.txt!C6:C9$/);
    const unparsed = m.findings.filter((f) => f.code === "TARGET_UNPARSED");
    expect(unparsed.map((f) => f.objectiveCode)).toEqual(["1"]);
    expect(unparsed[0].message).toMatch(/'>>'.*'n\. medici coinvolti'/);
    // Errors come first.
    expect(m.findings[0].severity).toBe("error");
  });

  it("a clean plan gives no error and no warning", () => {
    const m = plan([
      HEAD,
      [],
      ["1", "SPORTELLO UNICO PER LE FAMIGLIE"],
      ["INDICATORI DI PERFORMANCE", "Target", "% ponder"],
      ["n. famiglie con accesso allo sportello", "=>15", "50%"],
      ["n. interventi al domicilio", "=>20", "50%"],
      ["TOTALE", "", "100%"],
    ]);
    expect(m.indicators).toHaveLength(2);
    expect(m.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("actuals: TARGET_MISSED with the numbers, WEIGHT_MISSING, TARGET_OVERDUE; settings switch checks off", () => {
    const rows = [
      HEAD,
      [],
      ["1", "SPORTELLO UNICO PER LE FAMIGLIE"],
      [],
      ["INDICATORI DI PERFORMANCE", "Target", "% ponder", "Consuntivo"],
      ["n. famiglie con accesso allo sportello", "=>15", "30%", "10"],
      ["n. interventi al domicilio", "=>20", "", "25"],
      ["relazione finale", "Entro il 30/6", "40%", ""],
    ];
    const m = plan(rows, { asOf: "2025-09-01" });
    const codes = m.findings.map((f) => `${f.code} ${f.objectiveCode}`);
    expect(codes).toEqual(
      expect.arrayContaining(["TARGET_MISSED 1", "WEIGHT_MISSING 1", "TARGET_OVERDUE 1"])
    );
    const missed = m.findings.find((f) => f.code === "TARGET_MISSED");
    expect(missed?.message).toMatch(/'=>15'.*consuntivo '10' \(grado di raggiungimento 66,67%\)/);
    const off = plan(rows, {
      asOf: "2025-09-01",
      settings: { checks: { TARGET_MISSED: false, WEIGHT_MISSING: false } },
    });
    expect(off.findings.map((f) => f.code)).not.toContain("TARGET_MISSED");
    expect(off.findings.map((f) => f.code)).not.toContain("WEIGHT_MISSING");
    expect(off.findings.map((f) => f.code)).toContain("TARGET_OVERDUE");
  });
});

describe("audit of a plan with the dirigente's report", () => {
  const HEAD1 = [
    "codice ob strategico",
    "Obiettivi strategici",
    "Codice ob operativo",
    'obiettivi operativi "rivisti" o accorpati',
    "Obiettivi operativi collegati",
    "Dirigente",
    "NOTE",
    "Indicatori proposti",
    "STRATEGICITA'",
    "COMPLESSITA'",
    "IMPATTO e/o INNOVATIVITA'",
    "ECONOMICITA'",
    "PESO DELL'OBIETTIVO",
    "REPORT DEL DIRIGENTE",
  ];
  const HEAD2 = [
    ...Array(14).fill(""),
    "valutazione di risultato",
    "valutazione qualitativa",
    "tabella",
  ];
  const row = (
    codes: [string, string],
    title: string,
    indicator: string,
    peso: string,
    report: string,
    scores: string[]
  ) => [
    codes[0],
    `Strategico ${codes[0]}`,
    codes[1],
    "",
    title,
    "Conti",
    "",
    indicator,
    "A",
    "A",
    "A",
    "A",
    peso,
    report,
    ...scores,
  ];

  it("SCORE_TOTAL_MISMATCH for 80+15 written as 100, SCORE_OVER_MAX over 20, WEIGHT_MISSING", () => {
    const m = plan([
      [],
      HEAD1,
      HEAD2,
      row(
        ["2_1201_0", "2_1201_0401"],
        "1.1) Politiche sociali",
        "Erogazione di almeno 100 pasti",
        "27",
        "110 pasti erogati",
        ["80", "15", "100"]
      ),
      row(
        ["4_1202", "4_1202_0801"],
        "1.2) Welfare generativo",
        "1) Firma di almeno 10 patti",
        "27",
        "10 patti firmati",
        ["80", "25", "105"]
      ),
      row(
        ["6_1203", "6_1203_0601"],
        "2) Nuove forme di abitare",
        "1) Almeno 25 alloggi assegnati",
        "",
        "25 alloggi",
        ["80", "20", "100"]
      ),
    ]);
    const got = m.findings.map((f) => `${f.severity} ${f.code} ${f.objectiveCode}`);
    expect(got).toEqual(
      expect.arrayContaining([
        "error SCORE_TOTAL_MISMATCH 2_1201_0401",
        "error SCORE_OVER_MAX 4_1202_0801",
        "warning WEIGHT_MISSING 6_1203_0601",
      ])
    );
    expect(m.findings.filter((f) => f.severity === "error")).toHaveLength(2);
    const over = m.findings.find((f) => f.code === "SCORE_OVER_MAX");
    expect(over?.message).toMatch(/vale 25, oltre il massimo di 20/);
    const mismatch = m.findings.find((f) => f.code === "SCORE_TOTAL_MISMATCH");
    expect(mismatch?.message).toMatch(
      /totale dichiarato è 100, ma le componenti sommano a 95 \(80 \+ 15\)/
    );
  });
});
