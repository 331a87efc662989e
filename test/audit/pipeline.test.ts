import {
  analyze,
  analyzeWorkbook,
  auditBuiltModel,
  resolveSettings,
} from "../../src/core/pipeline";
import { textToGrid } from "../../src/core/textgrid";
import { formatAuditTable, countFindings, countsLine } from "../../src/core/audit/format";
import { parseSettings } from "../../src/core/settings";
import { ind, model, op, report } from "./build";

describe("resolveSettings", () => {
  it("uses options first, then the settings file", () => {
    expect(resolveSettings({ settings: { year: 2024, asOf: "2024-12-31" } })).toMatchObject({
      year: 2024,
      asOf: "2024-12-31",
    });
    expect(
      resolveSettings({
        settings: { year: 2024, asOf: "2024-12-31" },
        year: 2025,
        asOf: "2025-06-30",
      })
    ).toMatchObject({
      year: 2025,
      asOf: "2025-06-30",
    });
    expect(resolveSettings({ asOf: null, settings: { asOf: "2024-12-31" } }).asOf).toBe(
      "2024-12-31"
    );
  });

  it("rejects wrong settings before reading the plan, naming the file", () => {
    expect(() =>
      analyzeWorkbook([], {
        files: ["piano.xlsx"],
        settings: { year: "duemila" },
        settingsLabel: "cartella/peg.config.json",
      })
    ).toThrow("cartella/peg.config.json: 'year' deve essere un numero intero");
  });
});

describe("analyze", () => {
  const plan = () => [
    textToGrid("Obiettivo\tIndicatore\tTarget\nUno\tRelazione\tEntro il 30/9\n", "piano.tsv"),
  ];

  it("hands back the validated settings and the sheets' options, so no adapter resolves them again", () => {
    const a = analyze(plan(), {
      files: ["piano.tsv"],
      settings: { weightTolerance: 0.002, bands: [{ from: 0, to: 0.5, score: 0 }] },
      asOf: "2025-12-31",
    });
    expect(a.settings.weightTolerance).toBe(0.002);
    expect(a.sheets).toEqual({
      asOf: "2025-12-31",
      bands: [{ from: 0, to: 0.5, score: 0 }],
      weightTolerance: 0.002,
    });
  });

  it("takes the year from its arguments, never from the clock", () => {
    const rule = (today: string) =>
      analyze(plan(), { files: ["piano.tsv"], today }).model.indicators[0].rule;
    expect(rule("2031-01-01")).toMatchObject({ op: "deadline", date: "2031-09-30" });
    expect(rule("2030-12-31")).toMatchObject({ op: "deadline", date: "2030-09-30" });
    // The plan year given wins over today.
    expect(
      analyze(plan(), { files: ["piano.tsv"], today: "2031-01-01", year: 2025 }).model.indicators[0]
        .rule
    ).toMatchObject({ date: "2025-09-30" });
  });
});

describe("auditBuiltModel", () => {
  it("merges the recognizer's findings with the audit's, sorted, manual verdicts applied", () => {
    const m = model({
      operationalObjectives: [op("1"), op("2")],
      indicators: [
        ind("2", { status: "missed", achievement: 0.5, manual: { status: "met", note: "ok" } }),
        ind("1", { weight: 0.2 }),
        ind("1", { weight: 0.2 }),
      ],
      findings: [
        {
          severity: "warning",
          code: "LAYOUT_NOT_RECOGNIZED",
          message: "Foglio 'Note' non riconosciuto",
        },
      ],
    });
    const out = auditBuiltModel(m, parseSettings({}));
    expect(out.findings.map((f) => f.code)).toEqual(["WEIGHTS_SUM", "LAYOUT_NOT_RECOGNIZED"]);
    expect(out.indicators[0].status).toBe("met");
    const quiet = auditBuiltModel(m, parseSettings({ checks: { LAYOUT_NOT_RECOGNIZED: false } }));
    expect(quiet.findings.map((f) => f.code)).toEqual(["WEIGHTS_SUM"]);
    const loud = auditBuiltModel(
      m,
      parseSettings({ severities: { LAYOUT_NOT_RECOGNIZED: "error" } })
    );
    expect(loud.findings.map((f) => [f.code, f.severity])).toEqual([
      ["WEIGHTS_SUM", "error"],
      ["LAYOUT_NOT_RECOGNIZED", "error"],
    ]);
  });
});

describe("formatAuditTable", () => {
  const m = auditBuiltModel(
    model({
      operationalObjectives: [
        op("1", { title: "REALIZZAZIONE DEL PROGETTO S.A.D." }),
        op("2", { title: "P.N.R.R." }),
      ],
      indicators: [
        ind("1", { weight: 0.2, weightSource: "Scheda!C40" }),
        ind("1", { weight: 0.6, weightSource: "Scheda!C41" }),
      ],
      reports: [report("2", [80, 15], 100)],
    }),
    parseSettings({})
  );

  it("groups findings by objective with Italian severities and counts", () => {
    const text = formatAuditTable(m, { fileLabel: "piano.xlsx" });
    const lines = text.split("\n");
    expect(lines[0]).toBe("Verifiche — piano.xlsx: 2 errori, 0 avvisi, 0 informazioni");
    expect(text).toMatch(
      /\nObiettivo 1 — REALIZZAZIONE DEL PROGETTO S\.A\.D\.\n {2}ERRORE {2}WEIGHTS_SUM +Scheda!C40:C41 +I pesi degli indicatori dell'obiettivo 1 sommano a 80%/
    );
    expect(text).toMatch(/\nObiettivo 2 — P\.N\.R\.R\.\n {2}ERRORE {2}SCORE_TOTAL_MISMATCH/);
    expect(text.indexOf("Obiettivo 1")).toBeLessThan(text.indexOf("Obiettivo 2"));
  });

  it("says so when the plan is clean", () => {
    expect(formatAuditTable(model({}), { fileLabel: "ok.xlsx" })).toBe(
      "Verifiche — ok.xlsx: 0 errori, 0 avvisi, 0 informazioni\nNessun rilievo: il piano supera tutte le verifiche."
    );
    expect(countsLine(countFindings([{ severity: "info", code: "X", message: "" }]))).toBe(
      "0 errori, 0 avvisi, 1 informazione"
    );
  });
});
