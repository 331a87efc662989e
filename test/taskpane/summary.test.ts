import { displayCell, plainTable, tableHtml, tableText } from "../../src/taskpane/summary";
import { groupFindings } from "../../src/taskpane/components/ChecksTab";
import { structuredFileName } from "../../src/taskpane/standalone";
import type { SheetSpec } from "../../src/core/sheets/types";
import type { Finding } from "../../src/core/model";

const sheet: SheetSpec = {
  name: "Riepilogo",
  tableName: "Riepilogo",
  columns: [
    { header: "Settore", total: { label: "Totale" } },
    { header: "Indicatori", numFmt: "#,##0", total: { function: "sum", result: 1250 } },
    { header: "% raggiunti", numFmt: "0.0%" },
    { header: "Punteggio", numFmt: "#,##0.0#" },
  ],
  rows: [
    [
      '<b>Servizi</b> & "sociali"',
      { formula: "COUNTIFS(x)", result: 1200 },
      { formula: "y", result: 0.875 },
      92.456,
    ],
    ["Tributi\tufficio", 50, { formula: "z", result: "" }, null],
  ],
  totalsRow: true,
};

describe("the Riepilogo table for the pane and Word", () => {
  it("shows cached formula results in Italian formats", () => {
    const t = plainTable(sheet);
    expect(t.headers).toEqual(["Settore", "Indicatori", "% raggiunti", "Punteggio"]);
    expect(t.rows[0]).toEqual(['<b>Servizi</b> & "sociali"', "1.200", "87,5%", "92,46"]);
    expect(t.rows[1][2]).toBe("");
    expect(t.rows[2]).toEqual(["Totale", "1.250", "", ""]);
    expect(displayCell(true)).toBe("VERO");
    expect(displayCell({ text: "Scheda!A1", location: "Scheda!A1" })).toBe("Scheda!A1");
  });

  it("escapes cell text in the clipboard HTML and flattens tabs in the text copy", () => {
    const t = plainTable(sheet);
    const html = tableHtml(t, "Riepilogo <2025>");
    expect(html).toContain("&lt;b&gt;Servizi&lt;/b&gt; &amp; &quot;sociali&quot;");
    expect(html).not.toContain("<b>");
    expect(html).toContain("<caption>Riepilogo &lt;2025&gt;</caption>");
    const text = tableText(t).split("\n");
    expect(text).toHaveLength(4);
    expect(text[2].split("\t")[0]).toBe("Tributi ufficio");
  });
});

describe("Verifiche grouping", () => {
  it("groups by severity (errors first), then objective, in the audit's order", () => {
    const f = (severity: Finding["severity"], code: string, objectiveCode?: string): Finding => ({
      severity,
      code,
      objectiveCode,
      message: code,
    });
    const groups = groupFindings([
      f("warning", "W1", "2"),
      f("error", "E1", "1"),
      f("info", "I1"),
      f("warning", "W2", "1"),
      f("warning", "W3", "2"),
    ]);
    expect(groups.map(([s, g]) => [s, g.map(([o, l]) => [o, l.map((x) => x.code)])])).toEqual([
      ["error", [["1", ["E1"]]]],
      [
        "warning",
        [
          ["2", ["W1", "W3"]],
          ["1", ["W2"]],
        ],
      ],
      ["info", [[null, ["I1"]]]],
    ]);
  });
});

it("names the downloaded workbook after the input", () => {
  expect(structuredFileName("Piano 2025.xlsx")).toBe("Piano 2025-strutturato.xlsx");
  expect(structuredFileName("dati.tsv")).toBe("dati-strutturato.xlsx");
});
