/**
 * Columns that real PEG / PIAO tables of comuni and unioni carry besides name, target, weight and
 * actual: calculation formulas, the office's own declared achievement, data sources, notes,
 * stakeholders, timing. They must never be read as a name, target, weight or actual; a formula
 * becomes the indicator's description. Header spellings with years, line breaks and extra words
 * must land on the right kind of column.
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { buildModel } from "../../src/core/structure";
import { textToGrid } from "../../src/core/textgrid";
import type { PegModel } from "../../src/core/model";

function grid(rows: CellValue[][], sheet = "Foglio1", merges?: Grid["merges"]): Grid {
  return merges ? { sheet, rows, merges } : { sheet, rows };
}

function tsv(lines: string[], sheet = "piano.txt"): Grid {
  return textToGrid(lines.join("\n"), sheet);
}

function build(grids: Grid[], year?: number): PegModel {
  return buildModel(grids, year === undefined ? { files: ["x"] } : { files: ["x"], year });
}

/** Name, target, weight and actual of every indicator, in order. */
function ntwa(m: PegModel) {
  return m.indicators.map((i) => [i.name, i.target, i.weight, i.actual]);
}

describe("formula columns: the indicator's description, never its name, target or actual", () => {
  it.each([
    "Formula di calcolo",
    "Modalità di calcolo",
    "Metodo di calcolo",
    "Algoritmo",
    "Formula",
  ])("`%s` between the name and the target", (label) => {
    const g = tsv([
      "Obiettivo n. 3 - Digitalizzazione dei servizi demografici",
      ["Indicatore", label, "Target", "Peso", "Consuntivo"].join("\t"),
      "Certificati rilasciati online\tcertificati online / certificati totali\t>= 70%\t60%\t75%",
      "Tempo medio di attesa allo sportello\tsomma dei minuti / utenti serviti\t<= 15\t40%\t12",
    ]);
    const m = build([g]);
    expect(ntwa(m)).toEqual([
      ["Certificati rilasciati online", ">= 70%", 0.6, "75%"],
      ["Tempo medio di attesa allo sportello", "<= 15", 0.4, "12"],
    ]);
    expect(m.indicators.map((i) => i.description)).toEqual([
      "certificati online / certificati totali",
      "somma dei minuti / utenti serviti",
    ]);
  });

  it("a formula column left of the indicator is not its name nor a row number", () => {
    const g = tsv([
      "Obiettivo n. 3 - Digitalizzazione dei servizi demografici",
      "Formula di calcolo\tIndicatore\tValore atteso\tPeso %\tValore raggiunto",
      "n. pratiche online / n. pratiche totali\tPratiche presentate online\t>= 80%\t50\t82%",
      "giorni dalla domanda al rilascio\tTempo medio di rilascio\t<= 30\t50\t28",
    ]);
    const m = build([g]);
    expect(ntwa(m)).toEqual([
      ["Pratiche presentate online", ">= 80%", 0.5, "82%"],
      ["Tempo medio di rilascio", "<= 30", 0.5, "28"],
    ]);
    expect(m.indicators[0].description).toBe("n. pratiche online / n. pratiche totali");
  });

  it("in a matrix (one row per indicator) the formula is the description too", () => {
    const g = grid([
      [
        "Codice",
        "Obiettivo operativo",
        "Indicatore",
        "Formula di calcolo",
        "Target 2025",
        "Peso",
        "Valore raggiunto",
      ],
      [
        "OP1",
        "Ridurre i tempi di pagamento",
        "Tempestività dei pagamenti",
        "giorni medi ponderati di ritardo",
        "<= 0",
        "100%",
        "-3",
      ],
    ]);
    const m = build([g], 2025);
    expect(ntwa(m)).toEqual([["Tempestività dei pagamenti", "<= 0", 1, "-3"]]);
    expect(m.indicators[0].description).toBe("giorni medi ponderati di ritardo");
  });

  it("`Descrizione indicatore` next to `Indicatore` is the description, in either order", () => {
    for (const order of [0, 1]) {
      const head = ["Indicatore", "Descrizione indicatore"];
      const a = ["Pasti erogati", "Numero di pasti serviti nelle mense scolastiche"];
      const b = ["Reclami ricevuti", "Reclami scritti protocollati nell'anno"];
      const pick = (x: string[]) => (order === 0 ? x : [x[1], x[0]]);
      const g = tsv([
        "Obiettivo n. 7 - Qualità della refezione scolastica",
        [...pick(head), "Target", "Peso", "Consuntivo"].join("\t"),
        [...pick(a), ">= 90.000", "70%", "91.200"].join("\t"),
        [...pick(b), "<= 10", "30%", "6"].join("\t"),
      ]);
      const m = build([g]);
      expect(ntwa(m)).toEqual([
        ["Pasti erogati", ">= 90.000", 0.7, "91.200"],
        ["Reclami ricevuti", "<= 10", 0.3, "6"],
      ]);
      expect(m.indicators.map((i) => i.description)).toEqual([a[1], b[1]]);
    }
  });

  it("`Descrizione indicatore` alone is still the indicator's name", () => {
    const g = tsv([
      "Obiettivo n. 7 - Qualità della refezione scolastica",
      "Descrizione indicatore\tFormula di calcolo\tTarget\tPeso",
      "Pasti erogati\tsomma dei pasti serviti\t>= 90.000\t100%",
    ]);
    const m = build([g]);
    expect(m.indicators.map((i) => [i.name, i.description, i.target, i.weight])).toEqual([
      ["Pasti erogati", "somma dei pasti serviti", ">= 90.000", 1],
    ]);
  });
});

describe("declared achievement columns are not targets, weights or actuals", () => {
  it.each([
    "% di raggiungimento",
    "Grado di raggiungimento",
    "% raggiungimento",
    "Percentuale di realizzazione",
  ])("`%s` between target and weight, under a wide PIAO header", (label) => {
    const g = tsv([
      "Obiettivo n. 2 - Recupero dell'evasione tributaria",
      [
        "Indicatore",
        "Formula di calcolo",
        "Fonte dei dati",
        "Target",
        label,
        "Peso",
        "Consuntivo",
        "Stakeholder",
        "Note",
      ].join("\t"),
      [
        "Avvisi di accertamento IMU emessi",
        "n. avvisi emessi",
        "gestionale tributi",
        ">= 300",
        "100%",
        "60%",
        "320",
        "contribuenti",
        "",
      ].join("\t"),
      [
        "Riscossione coattiva avviata",
        "ruoli / posizioni insolute",
        "Agenzia Entrate-Riscossione",
        ">= 80%",
        "75%",
        "40%",
        "60%",
        "",
        "ritardi nella notifica",
      ].join("\t"),
    ]);
    const m = build([g]);
    expect(ntwa(m)).toEqual([
      ["Avvisi di accertamento IMU emessi", ">= 300", 0.6, "320"],
      ["Riscossione coattiva avviata", ">= 80%", 0.4, "60%"],
    ]);
  });

  it("`% di raggiungimento` under a merged `Consuntivo 2025` label is not the actual", () => {
    const g = grid(
      [
        ["Indicatore", "Target 2025", "Peso", "Consuntivo 2025", null],
        [null, null, null, "Valore", "% di raggiungimento"],
        ["Sopralluoghi effettuati", ">= 120", "50%", null, "90%"],
        ["Verbali notificati", ">= 200", "50%", "210", "100%"],
      ],
      "Scheda",
      [{ top: 0, left: 3, bottom: 0, right: 4 }]
    );
    const m = build([g], 2025);
    expect(ntwa(m)).toEqual([
      ["Sopralluoghi effettuati", ">= 120", 0.5, null],
      ["Verbali notificati", ">= 200", 0.5, "210"],
    ]);
  });
});

describe("source, notes, stakeholder and timing columns are ignored", () => {
  it("a header made mostly of side columns is still the indicators table", () => {
    const g = tsv([
      "Obiettivo n. 5 - Manutenzione del verde pubblico",
      [
        "Indicatore",
        "Fonte",
        "Tempistica",
        "Stakeholder",
        "Target",
        "Consuntivo",
        "Fonte del dato",
        "Portatori di interesse",
        "Note",
      ].join("\t"),
      "Aree verdi manutenute\tufficio tecnico\tentro il 31/12\tcittadini\t>= 40\t42\tSIT comunale\tscuole\tnessuna",
      "Alberi messi a dimora\tufficio tecnico\tottobre-dicembre\tscuole\t>= 150\t120\tSIT comunale\tProloco\tsiccità",
    ]);
    const m = build([g]);
    expect(m.indicators.map((i) => [i.name, i.target, i.actual])).toEqual([
      ["Aree verdi manutenute", ">= 40", "42"],
      ["Alberi messi a dimora", ">= 150", "120"],
    ]);
  });

  it("empty side columns at the end of a row do not shift the yearly targets and actual", () => {
    // Rows as a PDF paste or a trimmed range gives them: no trailing empty cells.
    const g = grid([
      ["Obiettivo n. 5 - Manutenzione del verde pubblico"],
      [
        "Indicatore",
        "Target 2025",
        "Target 2026",
        "Valore a consuntivo",
        "Fonte dei dati",
        "Stakeholder",
        "Note",
      ],
      ["Aree verdi manutenute", ">= 40", ">= 45", "42"],
      ["Alberi messi a dimora", ">= 150", ">= 200", "120"],
    ]);
    const m = build([g], 2025);
    expect(m.indicators.map((i) => [i.name, i.target, i.actual])).toEqual([
      ["Aree verdi manutenute", ">= 40", "42"],
      ["Alberi messi a dimora", ">= 150", "120"],
    ]);
    expect(m.indicators[0].targets).toEqual({ "2025": ">= 40", "2026": ">= 45" });
  });
});

describe("header spellings with years, line breaks and extra words", () => {
  it("`Target\\n2025`, `Peso (%)`, `Consuntivo al 31/12` in cells with line breaks", () => {
    const g = grid(
      [
        [
          "Indicatore di\nrisultato",
          "Target\n2024",
          "Target\n2025",
          "Peso (%)",
          "Consuntivo\nal 31/12",
        ],
        ["Istanze evase nei termini", ">= 85%", ">= 90%", 100, "93%"],
      ],
      "Scheda"
    );
    const m = build([g], 2025);
    expect(ntwa(m)).toEqual([["Istanze evase nei termini", ">= 90%", 1, "93%"]]);
    expect(m.indicators[0].targets).toEqual({ "2024": ">= 85%", "2025": ">= 90%" });
  });

  it.each([
    ["Valore atteso 2025", "Valore raggiunto"],
    ["Risultato atteso", "Risultato raggiunto"],
    ["Valore obiettivo", "Valore a consuntivo"],
    ["Target", "Stato di attuazione"],
    ["Valore target", "Target raggiunto"],
    ["Target atteso", "Obiettivo raggiunto"],
    ["Valore atteso", "Dato rilevato"],
    ["Target", "Valore finale"],
  ])("`%s` is the target and `%s` the actual", (t, a) => {
    const g = tsv([
      "Obiettivo n. 1 - Sportello unico per le attività produttive",
      ["Indicatore di risultato", t, "Peso %", a, "Responsabile del procedimento"].join("\t"),
      "Pratiche SUAP concluse nei termini\t>= 95%\t70\t97%\tDott. Bruni",
      "Controlli sulle SCIA\t>= 50\t30\t48\tGeom. Neri",
    ]);
    const m = build([g], 2025);
    expect(ntwa(m)).toEqual([
      ["Pratiche SUAP concluse nei termini", ">= 95%", 0.7, "97%"],
      ["Controlli sulle SCIA", ">= 50", 0.3, "48"],
    ]);
  });

  it("a textual `Stato di attuazione` gives way to a numeric actual column", () => {
    const g = tsv([
      "Obiettivo n. 1 - Sportello unico per le attività produttive",
      "Indicatore\tTarget\tPeso\tStato di attuazione\tValore raggiunto",
      "Pratiche SUAP concluse nei termini\t>= 95%\t100%\tattività svolta regolarmente\t97%",
    ]);
    const m = build([g]);
    expect(ntwa(m)).toEqual([["Pratiche SUAP concluse nei termini", ">= 95%", 1, "97%"]]);
  });

  it("`Ponderazione obiettivo` is the objective's weight, `Peso %` the indicator's", () => {
    const g = tsv([
      "Codice\tObiettivo operativo\tPonderazione obiettivo\tIndicatore\tRisultato atteso\tPeso %\tRisultato raggiunto\tResponsabile del procedimento",
      "OP1\tRiduzione dei tempi di pagamento\t30\tTempestività dei pagamenti\t<= 0 gg\t60\t-2 gg\tRag. Verdi",
      "\t\t\tFatture pagate entro 30 giorni\t>= 95%\t40\t96%\t",
      "OP2\tRecupero dell'evasione IMU\t70\tAvvisi emessi\t>= 300\t100\t280\tDott. Rossi",
    ]);
    const m = build([g]);
    expect(m.operationalObjectives.map((o) => [o.code, o.weight, o.dirigente])).toEqual([
      ["OP1", 30, "Rag. Verdi"],
      ["OP2", 70, "Dott. Rossi"],
    ]);
    expect(ntwa(m)).toEqual([
      ["Tempestività dei pagamenti", "<= 0 gg", 0.6, "-2 gg"],
      ["Fatture pagate entro 30 giorni", ">= 95%", 0.4, "96%"],
      ["Avvisi emessi", ">= 300", 1, "280"],
    ]);
  });
});

describe("English header set", () => {
  it("`Objective | Indicator | Target | Weight | Actual`", () => {
    const g = tsv([
      "Code\tObjective\tIndicator\tTarget\tWeight\tActual",
      "1.1\tDigital services\tOnline certificates\t>= 70%\t50%\t72%",
      "\t\tWaiting time (minutes)\t<= 15\t50%\t18",
      "1.2\tGreen areas\tTrees planted\t>= 150\t100%\t160",
    ]);
    const m = build([g]);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["1.1", "Digital services"],
      ["1.2", "Green areas"],
    ]);
    expect(ntwa(m)).toEqual([
      ["Online certificates", ">= 70%", 0.5, "72%"],
      ["Waiting time (minutes)", "<= 15", 0.5, "18"],
      ["Trees planted", ">= 150", 1, "160"],
    ]);
  });

  it("`Calculation`, `Source` and `Notes` beside them: description and nothing else", () => {
    const g = tsv([
      "Objective\tIndicator\tCalculation\tSource\tTarget\tWeight\tActual\tNotes",
      "Digital services\tOnline certificates\tonline / total certificates\tregistry\t>= 70%\t50%\t72%\t",
      "\tWaiting time (minutes)\taverage minutes per user\tqueue system\t<= 15\t50%\t18\tpeak in May",
    ]);
    const m = build([g]);
    expect(ntwa(m)).toEqual([
      ["Online certificates", ">= 70%", 0.5, "72%"],
      ["Waiting time (minutes)", "<= 15", 0.5, "18"],
    ]);
    expect(m.indicators.map((i) => i.description)).toEqual([
      "online / total certificates",
      "average minutes per user",
    ]);
  });

  it("`Goal | KPI | Target value | Weight | Actual value | Notes`", () => {
    const g = tsv([
      "Goal\tKPI\tTarget value\tWeight\tActual value\tNotes",
      "Digital services\tOnline certificates\t>= 70%\t50%\t72%\t",
      "\tWaiting time (minutes)\t<= 15\t50%\t18\tnew queue system",
    ]);
    const m = build([g]);
    expect(m.operationalObjectives.map((o) => o.title)).toEqual(["Digital services"]);
    expect(ntwa(m)).toEqual([
      ["Online certificates", ">= 70%", 0.5, "72%"],
      ["Waiting time (minutes)", "<= 15", 0.5, "18"],
    ]);
  });
});
