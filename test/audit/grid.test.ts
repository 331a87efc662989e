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
