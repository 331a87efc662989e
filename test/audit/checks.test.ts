import { auditModel, applyManualVerdicts, rangeOf } from "../../src/core/audit";
import { readWeight } from "../../src/core/weights";
import type { Finding, PegModel } from "../../src/core/model";
import { parseSettings } from "../../src/core/settings";
import { ind, model, op, report, strategic } from "./build";

const S = parseSettings({});
const of = (m: PegModel, code: string, settings = S): Finding[] =>
  auditModel(m, settings).filter((f) => f.code === code);

describe("rangeOf", () => {
  it("joins cells of a sheet into one range", () => {
    expect(rangeOf(["Scheda!C40", "Scheda!C48", "Scheda!C44"])).toBe("Scheda!C40:C48");
    expect(rangeOf(["'Scheda 1'!B3", "'Scheda 1'!D5", "Altro!A1"])).toBe(
      "'Scheda 1'!B3:D5, Altro!A1"
    );
    expect(rangeOf(["Foglio1!A3"])).toBe("Foglio1!A3");
    expect(rangeOf([undefined, ""])).toBeUndefined();
  });
});

describe("WEIGHTS_SUM", () => {
  const four = (declared?: number) =>
    model({
      operationalObjectives: [
        op(
          "1",
          declared === undefined
            ? {}
            : { declaredWeightTotal: declared, declaredWeightTotalSource: "Scheda!C49" }
        ),
      ],
      indicators: [40, 41, 42, 43].map((r) =>
        ind("1", { weight: 0.2, weightSource: `Scheda!C${r}` })
      ),
    });

  it("reports weights adding to 80% under a TOTALE 100% row, with numbers and range", () => {
    const [f] = of(four(1), "WEIGHTS_SUM");
    expect(f.severity).toBe("error");
    expect(f.objectiveCode).toBe("1");
    expect(f.message).toBe(
      "I pesi degli indicatori dell'obiettivo 1 sommano a 80% (20+20+20+20), non a 100% (riga TOTALE: 100%): mancano 20 punti percentuali"
    );
    expect(f.where).toBe("Scheda!C40:C49");
  });

  it("reports it without a TOTALE row too, and not when the weights add up", () => {
    expect(of(four(), "WEIGHTS_SUM")).toHaveLength(1);
    const ok = model({
      operationalObjectives: [op("2", { declaredWeightTotal: 1 })],
      indicators: [ind("2", { weight: 0.3 }), ind("2", { weight: 0.3 }), ind("2", { weight: 0.4 })],
    });
    expect(of(ok, "WEIGHTS_SUM")).toEqual([]);
    const nearly = model({
      operationalObjectives: [op("3")],
      indicators: [
        ind("3", { weight: 0.333 }),
        ind("3", { weight: 0.333 }),
        ind("3", { weight: 0.3335 }),
      ],
    });
    expect(of(nearly, "WEIGHTS_SUM")).toEqual([]);
  });

  it("reports a TOTALE row that does not match correct weights, and weights over 100% even with gaps", () => {
    const wrongTotal = model({
      operationalObjectives: [op("4", { declaredWeightTotal: 0.9 })],
      indicators: [ind("4", { weight: 0.5 }), ind("4", { weight: 0.5 })],
    });
    expect(of(wrongTotal, "WEIGHTS_SUM")[0].message).toMatch(
      /sommano a 100% \(50\+50\), ma la riga TOTALE dichiara 90%/
    );
    const over = model({
      operationalObjectives: [op("5")],
      indicators: [ind("5", { weight: 0.7 }), ind("5", { weight: 0.6 }), ind("5")],
    });
    expect(of(over, "WEIGHTS_SUM")[0].message).toMatch(/sommano a 130%.*eccedono di 30 punti/);
    const gap = model({
      operationalObjectives: [op("6")],
      indicators: [ind("6", { weight: 0.5 }), ind("6")],
    });
    expect(of(gap, "WEIGHTS_SUM")).toEqual([]); // WEIGHT_MISSING says it
  });

  it("reads weights written as points (20, 30) and a TOTALE of 100 like fractions", () => {
    // The model holds fractions: cells are read by the one rule, src/core/weights.ts.
    const m = model({
      operationalObjectives: [op("P", { declaredWeightTotal: 100 }), op("Q")],
      indicators: [
        ind("P", { weight: readWeight(20) }),
        ind("P", { weight: readWeight("30") }),
        ind("Q", { weight: readWeight("40%") }),
        ind("Q", { weight: readWeight(60) }),
      ],
    });
    const fs = of(m, "WEIGHTS_SUM");
    expect(fs.map((f) => f.objectiveCode)).toEqual(["P"]);
    expect(fs[0].message).toMatch(/sommano a 50% \(20\+30\), non a 100% \(riga TOTALE: 100%\)/);
  });

  it("is silent when no indicator has a weight, and can be disabled", () => {
    expect(
      of(
        model({ operationalObjectives: [op("7")], indicators: [ind("7"), ind("7")] }),
        "WEIGHTS_SUM"
      )
    ).toEqual([]);
    expect(of(four(1), "WEIGHTS_SUM", parseSettings({ checks: { WEIGHTS_SUM: false } }))).toEqual(
      []
    );
    expect(
      of(four(1), "WEIGHTS_SUM", parseSettings({ severities: { WEIGHTS_SUM: "warning" } }))[0]
        .severity
    ).toBe("warning");
  });
});

describe("WEIGHT_MISSING", () => {
  it("reports indicators without weight next to weighted ones", () => {
    const m = model({
      operationalObjectives: [op("1")],
      indicators: [
        ind("1", { weight: 0.5 }),
        ind("1", { name: "n. pratiche", weight: null, source: "Scheda!B9" }),
      ],
    });
    const [f] = of(m, "WEIGHT_MISSING");
    expect(f.severity).toBe("warning");
    expect(f.message).toMatch(
      /^1 indicatore su 2 dell'obiettivo 1 non ha un peso \('n\. pratiche'\)/
    );
    expect(f.where).toBe("Scheda!B9");
  });

  it("reports objectives without peso among weighted ones of the same dirigente, citing the report", () => {
    const m = model({
      operationalObjectives: [
        op("2_1201_0401", { dirigente: "Conti", weight: 27 }),
        op("6_1203_0601", { dirigente: "Conti", weight: null, source: "Foglio1!C30" }),
        op("8_0401_0201", { dirigente: "Conti", weight: 27 }),
        op("9", { dirigente: "Rossi", weight: null }),
        op("10", { dirigente: "Rossi", weight: null }),
      ],
      reports: [report("6_1203_0601", [80, 15], 95)],
    });
    const fs = of(m, "WEIGHT_MISSING");
    const conti = fs.find((f) => f.objectiveCode === "6_1203_0601");
    expect(conti?.message).toBe(
      "L'obiettivo 6_1203_0601 non ha un peso, mentre gli altri obiettivi del dirigente Conti hanno peso 27, pur essendo valutato nel report (80+15=95): indicare il peso dell'obiettivo"
    );
    expect(conti?.where).toBe("Foglio1!C30");
    // A whole dirigente without pesi while others have them.
    expect(fs.filter((f) => f.objectiveCode === "9" || f.objectiveCode === "10")).toHaveLength(2);
    expect(fs).toHaveLength(3);
  });

  it("is silent when no objective or indicator has a weight", () => {
    const m = model({
      operationalObjectives: [op("1"), op("2")],
      indicators: [ind("1"), ind("2")],
    });
    expect(of(m, "WEIGHT_MISSING")).toEqual([]);
  });

  it("checks strategic objectives among themselves", () => {
    const m = model({
      strategicObjectives: [strategic("S1", { weight: 50 }), strategic("S2", { weight: null })],
    });
    expect(of(m, "WEIGHT_MISSING").map((f) => f.objectiveCode)).toEqual(["S2"]);
  });
});

describe("SCORE_TOTAL_MISMATCH and SCORE_OVER_MAX", () => {
  it("reports 80+15 written as 100", () => {
    const m = model({
      reports: [
        report("7_1205_0502", [80, 15], 100, { dirigente: "Conti" }),
        report("8", [80, 15], 95),
      ],
    });
    const fs = of(m, "SCORE_TOTAL_MISMATCH");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      severity: "error",
      objectiveCode: "7_1205_0502",
      where: "Report!N3",
    });
    expect(fs[0].message).toBe(
      "Nel report dell'obiettivo 7_1205_0502 (dirigente Conti) il totale dichiarato è 100, ma le componenti sommano a 95 (80 + 15)"
    );
  });

  it("reports a component over its maximum, written or from the settings", () => {
    const m = model({ reports: [report("1", [80, 25], 105), report("2", [90, 10], 100)] });
    const fs = of(m, "SCORE_OVER_MAX");
    expect(fs.map((f) => f.message)).toEqual([
      "Nel report dell'obiettivo 1 la componente 'valutazione qualitativa' vale 25, oltre il massimo di 20",
      "Nel report dell'obiettivo 2 la componente 'valutazione di risultato' vale 90, oltre il massimo di 80",
    ]);
    const custom = parseSettings({ maxima: { risultato: 90, qualitativa: 30 } });
    expect(of(m, "SCORE_OVER_MAX", custom)).toEqual([]);
    const written = model({
      reports: [
        report("3", [60], 60, {
          components: [{ label: "progetti", value: 60, max: 50, source: "R!B2" }],
        }),
      ],
    });
    expect(of(written, "SCORE_OVER_MAX")[0]).toMatchObject({ where: "R!B2" });
  });
});

describe("target statuses", () => {
  const m = model({
    operationalObjectives: [op("2")],
    indicators: [
      ind("2", {
        name: "pasti",
        target: "almeno 100 pasti",
        actual: "74 pasti erogati",
        status: "missed",
        achievement: 0.74,
        actualSource: "S!F5",
      }),
      ind("2", {
        name: "compound",
        target: "1) almeno 100 2) almeno 200",
        actual: "50 e 210",
        status: "partial",
        achievement: 0.75,
      }),
      ind("2", {
        name: "relazione",
        target: "Entro il 30/9",
        status: "overdue",
        rule: { text: "Entro il 30/9", op: "deadline", date: "2025-09-30" },
        targetSource: "S!E7",
      }),
      ind("2", {
        name: "n. tavoli di coprogrammazione",
        target: ">>",
        status: "unparsed",
        rule: { text: ">>", op: "unparsed" },
      }),
      ind("2", { name: "fatto", status: "met", achievement: 1, actual: "10" }),
    ],
  });
  const settings = parseSettings({ year: 2025, asOf: "2025-10-15" });

  it("TARGET_MISSED for missed and partial, stating the numbers", () => {
    const fs = of(m, "TARGET_MISSED", settings);
    expect(fs).toHaveLength(2);
    expect(fs[0].message).toBe(
      "Target 'almeno 100 pasti' non raggiunto per l'indicatore 'pasti', consuntivo '74 pasti erogati' (grado di raggiungimento 74%)"
    );
    expect(fs[0].where).toBe("S!F5");
    expect(fs[1].message).toMatch(/raggiunto solo in parte/);
  });

  it("TARGET_OVERDUE with the deadline and the as-of date", () => {
    const [f] = of(m, "TARGET_OVERDUE", settings);
    expect(f.message).toBe(
      "Il termine 'Entro il 30/9' per l'indicatore 'relazione' è scaduto il 30/09/2025 senza consuntivo (verifica al 15/10/2025): indicare il risultato o il motivo del ritardo"
    );
    expect(f.where).toBe("S!E7");
  });

  it("TARGET_UNPARSED", () => {
    const [f] = of(m, "TARGET_UNPARSED", settings);
    expect(f.severity).toBe("warning");
    expect(f.message).toMatch(
      /^Il target '>>' dell'indicatore 'n\. tavoli di coprogrammazione' non è leggibile/
    );
  });
});

describe("ACTUAL_MISSING", () => {
  const base = (extra: Partial<PegModel> = {}) =>
    model({
      plan: { year: 2025 },
      operationalObjectives: [op("1")],
      indicators: [
        ind("1", { target: ">=15" }),
        ind("1", {
          target: "ANNUALE",
          status: "qualitative",
          rule: { text: "ANNUALE", op: "qualitative" },
        }),
        ind("1", {
          target: "Entro il 31/12",
          rule: { text: "Entro il 31/12", op: "deadline", date: "2025-12-31" },
        }),
      ],
      ...extra,
    });

  it("is silent while the plan is still running (no actual anywhere, year not over)", () => {
    expect(of(base(), "ACTUAL_MISSING")).toEqual([]);
    expect(of(base(), "ACTUAL_MISSING", parseSettings({ asOf: "2025-06-30" }))).toEqual([]);
  });

  it("reports after the plan year, for targets that need an actual only", () => {
    const fs = of(base(), "ACTUAL_MISSING", parseSettings({ asOf: "2026-02-01" }));
    expect(fs).toHaveLength(2);
    expect(fs[0]).toMatchObject({ severity: "info", objectiveCode: "1" });
    expect(fs[0].message).toMatch(/^Manca il consuntivo al 01\/02\/2026 per l'indicatore/);
  });

  it("reports once reporting has started, skipping deadlines still ahead", () => {
    const m = base();
    m.indicators.push(ind("1", { actual: "12", status: "missed", achievement: 0.8 }));
    const fs = of(m, "ACTUAL_MISSING", parseSettings({ asOf: "2025-07-01" }));
    expect(fs.map((f) => f.indicatorId)).toEqual([m.indicators[0].id]);
    expect(of(m, "ACTUAL_MISSING", parseSettings({ actualMissing: "never" }))).toEqual([]);
    expect(of(base(), "ACTUAL_MISSING", parseSettings({ actualMissing: "always" }))).toHaveLength(
      2
    );
  });
});

describe("ACTUAL_MISSING without an as-of date", () => {
  it("a stray actual in one objective does not put the whole plan in reporting", () => {
    const m = model({
      operationalObjectives: [op("1"), op("2"), op("3")],
      indicators: [
        ind("1"),
        ind("1"),
        ind("2"),
        ind("2", { actual: "3", status: "met", achievement: 1 }),
        ind("3"),
      ],
    });
    expect(of(m, "ACTUAL_MISSING").map((f) => f.objectiveCode)).toEqual(["2"]);
  });

  it("half of the plan with actuals means the consuntivo is being filled in", () => {
    const m = model({
      operationalObjectives: [op("1"), op("2")],
      indicators: [
        ind("1", { actual: "3", status: "met", achievement: 1 }),
        ind("1", { actual: "5", status: "met", achievement: 1 }),
        ind("2"),
        ind("2", { target: "si", rule: { text: "si", op: "done" } }),
      ],
    });
    expect(of(m, "ACTUAL_MISSING").map((f) => f.objectiveCode)).toEqual(["2", "2"]);
  });
});

describe("DUPLICATE_CODE and ORPHAN_OBJECTIVE", () => {
  it("reports two objectives sharing a code", () => {
    const m = model({
      operationalObjectives: [
        op("3", { title: "Sportello famiglie", source: "A!A3" }),
        op("4"),
        op(" 3 ", { title: "Trasporto sociale anziani", source: "A!A30" }),
      ],
    });
    const [f] = of(m, "DUPLICATE_CODE");
    expect(f.severity).toBe("error");
    expect(f.message).toBe(
      "Il codice 3 è usato da 2 obiettivi operativi: 'Sportello famiglie' (A!A3), 'Trasporto sociale anziani' (A!A30). Assegnare un codice diverso a ciascuno"
    );
    expect(f.where).toBe("A!A3, A!A30");
    expect(
      of(
        model({ operationalObjectives: [op("1"), op("2")], strategicObjectives: [strategic("1")] }),
        "DUPLICATE_CODE"
      )
    ).toEqual([]);
  });

  it("does not count the same objective written twice (index table and its scheda)", () => {
    const title = "ATTUAZIONE PROGRAMMAZIONE PIANO DI ZONA 2025-2027";
    const twice = model({
      operationalObjectives: [
        op("6", { title, source: "A!A42" }),
        op("6", { title: `${title} - Ambito di Trezzo`, source: "A!A265" }),
      ],
    });
    expect(of(twice, "DUPLICATE_CODE")).toEqual([]);
  });

  it("reports an operational objective pointing at a missing strategic one", () => {
    const m = model({
      strategicObjectives: [strategic("2_1201_0"), strategic("4_1202")],
      operationalObjectives: [
        op("2_1201_0401", { strategicCode: "2_1201_0" }),
        op("9_9999_0101", { strategicCode: "9_9999" }),
      ],
    });
    const fs = of(m, "ORPHAN_OBJECTIVE");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toMatch(
      /^L'obiettivo operativo 9_9999_0101 rimanda all'obiettivo strategico 9_9999, che non compare nel piano/
    );
    // No strategic level in the plan: cannot be checked.
    expect(
      of(model({ operationalObjectives: [op("1", { strategicCode: "X" })] }), "ORPHAN_OBJECTIVE")
    ).toEqual([]);
  });
});

describe("manual verdicts", () => {
  it("win over the computed status and achievement", () => {
    const m = model({
      operationalObjectives: [op("1")],
      indicators: [
        ind("1", {
          status: "missed",
          achievement: 0.5,
          manual: { status: "met", note: "causa di forza maggiore" },
        }),
        ind("1", {
          status: "unparsed",
          achievement: null,
          manual: { achievement: 0.8, note: "valutato dal Nucleo" },
        }),
        ind("1", { status: "qualitative", achievement: null, manual: { status: "missed" } }),
      ],
    });
    const applied = applyManualVerdicts(m).indicators;
    expect(applied.map((i) => [i.status, i.achievement])).toEqual([
      ["met", 1],
      ["missed", 0.8],
      ["missed", 0],
    ]);
    expect(m.indicators[0].status).toBe("missed"); // the input is not changed
    const fs = auditModel(m, S);
    expect(fs.filter((f) => f.code === "TARGET_UNPARSED")).toEqual([]);
    const missed = fs.filter((f) => f.code === "TARGET_MISSED");
    expect(missed.map((f) => f.indicatorId)).toEqual([m.indicators[1].id, m.indicators[2].id]);
    expect(missed[0].message).toMatch(/giudizio manuale: valutato dal Nucleo/);
  });

  it("OVERRIDE_WITHOUT_NOTE when the note is missing or blank", () => {
    const m = model({
      operationalObjectives: [op("1")],
      indicators: [
        ind("1", { name: "a", manual: { status: "met", note: "  " } }),
        ind("1", { name: "b", manual: { achievement: 0.5 } }),
        ind("1", { name: "c", manual: { status: "met", note: "verbale n. 3" } }),
        ind("1", { name: "d", manual: { note: "solo una nota" } }),
      ],
    });
    const fs = of(m, "OVERRIDE_WITHOUT_NOTE");
    expect(fs.map((f) => f.message)).toEqual([
      "Il giudizio manuale (esito 'raggiunto') per l'indicatore 'a' non ha una nota: motivarlo nella colonna delle note",
      "Il giudizio manuale (grado 50%) per l'indicatore 'b' non ha una nota: motivarlo nella colonna delle note",
    ]);
    expect(fs[0].severity).toBe("warning");
  });
});

describe("PAYMENT_TIMES_WEIGHT (DL 13/2023 art. 4-bis)", () => {
  it("warns when payment-time objectives weigh less than 30% of a dirigente's objectives", () => {
    const m = model({
      operationalObjectives: [
        op("5", {
          title: "Rispetto dei tempi di pagamento delle fatture",
          dirigente: "Conti",
          weight: 10,
        }),
        op("6", { title: "Welfare", dirigente: "Conti", weight: 45 }),
        op("7", { title: "Scuole", dirigente: "Conti", weight: 45 }),
        op("8", { title: "Tempestività dei pagamenti", dirigente: "Rossi", weight: 30 }),
        op("9", { title: "Altro", dirigente: "Rossi", weight: 70 }),
      ],
    });
    const fs = of(m, "PAYMENT_TIMES_WEIGHT");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: "warning", objectiveCode: "5" });
    expect(fs[0].message).toBe(
      "Gli obiettivi sui tempi di pagamento (obiettivo 5) pesano il 10% della valutazione di risultato del dirigente Conti (peso 10 su 100): il DL 13/2023 art. 4-bis chiede che pesino almeno il 30%"
    );
  });

  it("counts payment-time indicators inside other objectives by their weight", () => {
    const m = model({
      operationalObjectives: [op("1", { weight: 1.0 }), op("2", { weight: 1.0 })],
      indicators: [
        ind("1", { name: "Indicatore di tempestività dei pagamenti", weight: 0.5 }),
        ind("1", { name: "pratiche evase", weight: 0.5 }),
        ind("2", { name: "altro", weight: 1 }),
      ],
    });
    expect(of(m, "PAYMENT_TIMES_WEIGHT")[0].message).toMatch(
      /pesano il 25% della valutazione di risultato del piano/
    );
    expect(of(m, "PAYMENT_TIMES_WEIGHT", parseSettings({ paymentTimesMinShare: 0.25 }))).toEqual(
      []
    );
  });

  it("is silent when weights cannot tell", () => {
    const m = model({
      operationalObjectives: [op("5", { title: "Rispetto dei tempi di pagamento" }), op("6")],
    });
    expect(of(m, "PAYMENT_TIMES_WEIGHT")).toEqual([]);
  });
});

describe("TARGET_NOT_MEASURABLE (D.Lgs. 150/2009 art. 5)", () => {
  it("gives the share of qualitative or missing targets", () => {
    const m = model({
      operationalObjectives: [op("S3"), op("S4")],
      indicators: [
        ind("S3", {
          target: "ANNUALE",
          status: "qualitative",
          rule: { text: "ANNUALE", op: "qualitative" },
        }),
        ind("S3", { target: null, status: "qualitative", rule: null }),
        ind("S3", { target: "100" }),
        ind("S3", { target: "8,00" }),
        ind("S4", { target: "200" }),
      ],
    });
    const fs = of(m, "TARGET_NOT_MEASURABLE");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: "info", objectiveCode: "S3" });
    expect(fs[0].message).toBe(
      "2 indicatori su 4 dell'obiettivo S3 (50%) hanno un target non misurabile ('ANNUALE', senza target): il D.Lgs. 150/2009 art. 5 chiede obiettivi specifici e misurabili"
    );
  });
});

describe("TARGET_NOT_CHALLENGING", () => {
  const mk = (
    target: string,
    rule: PegModel["indicators"][number]["rule"],
    baseline: Record<string, string>
  ) =>
    model({
      plan: { year: 2025 },
      operationalObjectives: [op("1")],
      indicators: [ind("1", { name: "famiglie", target, rule, baseline })],
    });

  it("warns on `almeno 10` when 2024 gave 15", () => {
    const m = mk(
      "almeno 10",
      { text: "almeno 10", op: ">=", value: 10, unit: "count" },
      { "2023": "8", "2024": "15" }
    );
    const [f] = of(m, "TARGET_NOT_CHALLENGING");
    expect(f.severity).toBe("warning");
    expect(f.message).toMatch(
      /^Il target 'almeno 10' per l'indicatore 'famiglie' è già raggiunto dal valore 2024 \(15, target 10\)/
    );
    expect(f.message).toMatch(/Corte dei conti/);
  });

  it("is silent on a target above the past value, on the same year's value, and at the ceiling", () => {
    expect(
      of(
        mk("almeno 20", { text: "", op: ">=", value: 20, unit: "count" }, { "2024": "15" }),
        "TARGET_NOT_CHALLENGING"
      )
    ).toEqual([]);
    expect(
      of(
        mk(
          "almeno 10",
          { text: "", op: ">=", value: 10, unit: "count" },
          { "2025": "15", "2024": "5" }
        ),
        "TARGET_NOT_CHALLENGING"
      )
    ).toEqual([]);
    expect(
      of(
        mk("100%", { text: "", op: ">=", value: 100, unit: "percent" }, { "2024": "100%" }),
        "TARGET_NOT_CHALLENGING"
      )
    ).toEqual([]);
    expect(
      of(
        mk("<=0", { text: "", op: "<=", value: 0, unit: "days" }, { "2024": "11,38 ?" }),
        "TARGET_NOT_CHALLENGING"
      )
    ).toEqual([]);
  });

  it("handles lower-is-better targets and percentages in either scale", () => {
    expect(
      of(
        mk("massimo 30 gg", { text: "", op: "<=", value: 30, unit: "days" }, { "2024": "20 gg" }),
        "TARGET_NOT_CHALLENGING"
      )
    ).toHaveLength(1);
    expect(
      of(
        mk("75%", { text: "", op: ">=", value: 75, unit: "percent" }, { "2024": "0,8" }),
        "TARGET_NOT_CHALLENGING"
      )
    ).toHaveLength(1);
    expect(
      of(
        mk("90%", { text: "", op: ">=", value: 90, unit: "percent" }, { "2024": "80%" }),
        "TARGET_NOT_CHALLENGING"
      )
    ).toEqual([]);
  });
});

describe("auditModel ordering", () => {
  it("sorts by severity, then objective in document order", () => {
    const m = model({
      operationalObjectives: [
        op("B"),
        op("A"),
        op("A", { title: "Altro obiettivo", source: "X!A9" }),
      ],
      indicators: [
        ind("B", { status: "missed", achievement: 0.5 }),
        ind("A", { weight: 0.5 }),
        ind("A", { weight: 0.2 }),
      ],
    });
    const fs = auditModel(m, S);
    expect(fs.map((f) => [f.severity, f.code, f.objectiveCode])).toEqual([
      ["error", "WEIGHTS_SUM", "A"],
      ["error", "DUPLICATE_CODE", "A"],
      ["warning", "TARGET_MISSED", "B"],
    ]);
  });
});
