/**
 * Plausible layouts other than the five fixtures: the recognizer must follow what the cells say
 * (synonyms, column order, two-line headers, weight spellings), never file or sheet names.
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { buildModel } from "../../src/core/structure";
import { textToGrid } from "../../src/core/textgrid";
import type { PegModel } from "../../src/core/model";

function grid(rows: CellValue[][], sheet = "Foglio1", text?: (string | null)[][]): Grid {
  return text ? { sheet, rows, text } : { sheet, rows };
}

function tsv(lines: string[], sheet = "piano.txt"): Grid {
  return textToGrid(lines.join("\n"), sheet);
}

function build(grids: Grid[], year?: number): PegModel {
  return buildModel(grids, year === undefined ? { files: ["x"] } : { files: ["x"], year });
}

function ops(m: PegModel) {
  return m.operationalObjectives;
}

function indicatorsOf(m: PegModel, code: string) {
  return m.indicators.filter((i) => i.objectiveCode === code);
}

describe("matrix with one row per indicator", () => {
  const rows: CellValue[][] = [
    ["Piano della performance 2024"],
    [],
    [
      "Codice",
      "Obiettivo operativo",
      "Responsabile",
      "Indicatore",
      "Unità di misura",
      "Valore atteso",
      "Ponderazione",
      "Valore consuntivo",
    ],
    [
      "OP1",
      "Digitalizzare le pratiche edilizie",
      "Rossi",
      "Pratiche presentate online",
      "%",
      ">= 80%",
      "50%",
      "85%",
    ],
    [null, null, null, "Tempo medio di istruttoria", "gg.", "<= 30", "50%", "35"],
    [
      "OP2",
      "Ridurre i tempi di pagamento",
      "Bianchi",
      "Indicatore di ritardo",
      "gg.",
      "<=0",
      "100%",
      null,
    ],
  ];

  it("groups indicators under their objective, reads weights, targets, actuals", () => {
    const m = build([grid(rows)]);
    expect(ops(m).map((o) => o.code)).toEqual(["OP1", "OP2"]);
    expect(ops(m)[0].dirigente).toBe("Rossi");
    const op1 = indicatorsOf(m, "OP1");
    expect(op1.map((i) => i.name)).toEqual([
      "Pratiche presentate online",
      "Tempo medio di istruttoria",
    ]);
    expect(op1.map((i) => i.target)).toEqual([">= 80%", "<= 30"]);
    expect(op1.map((i) => i.weight)).toEqual([0.5, 0.5]);
    expect(op1.map((i) => i.unit)).toEqual(["%", "gg."]);
    expect(op1[0].actual).toBe("85%");
    expect(indicatorsOf(m, "OP2")).toHaveLength(1);
    expect(m.plan.year).toBe(2024);
  });

  it("does not depend on column order", () => {
    const order = [7, 6, 5, 3, 4, 2, 1, 0];
    const shuffled = rows.map((r, i) => (i < 2 ? r : order.map((k) => r[k] ?? null)));
    const m = build([grid(shuffled)]);
    expect(ops(m).map((o) => o.code)).toEqual(["OP1", "OP2"]);
    const op1 = indicatorsOf(m, "OP1");
    expect(op1.map((i) => i.target)).toEqual([">= 80%", "<= 30"]);
    expect(op1.map((i) => i.weight)).toEqual([0.5, 0.5]);
  });
});

describe("weights written in every way", () => {
  it.each([
    ["20%", 0.2],
    ["20", 0.2],
    ["0,2", 0.2],
    ["0.2", 0.2],
    ["12,5%", 0.125],
  ])("text weight %s reads as %d", (w, expected) => {
    const g = tsv([
      "Obiettivo N. 1 - Migliorare lo sportello",
      "Indicatore\tTarget\tPeso",
      `Utenti serviti\t>= 100\t${w}`,
    ]);
    const m = build([g], 2025);
    expect(m.indicators).toHaveLength(1);
    expect(m.indicators[0].weight).toBeCloseTo(expected, 9);
    expect(m.indicators[0].weightSource).toBe("piano.txt!C3");
  });

  it("a percent-formatted cell (0.15 shown as 15%) and a plain number 15", () => {
    const rows: CellValue[][] = [
      ["Scheda 1", null, null],
      ["Obiettivo", "Potenziare la biblioteca", null],
      ["Indicatore", "Valore atteso", "Peso %"],
      ["Prestiti annui", 5000, 0.15],
      ["Eventi organizzati", 12, 85],
    ];
    const text = rows.map((r) => r.map(() => null as string | null));
    text[3][2] = "15%";
    const m = build([grid(rows, "Biblioteca", text)], 2024);
    const ind = m.indicators;
    expect(ind.map((i) => i.weight)).toEqual([0.15, 0.85]);
    expect(ind.map((i) => i.target)).toEqual(["5000", "12"]);
  });
});

describe("schede", () => {
  it("`Obiettivo N. 3` titles with the number below, dimensions and a TOTALE row", () => {
    const g = tsv([
      "Comune di Esempio",
      "Piano della performance 2023-2025",
      "",
      "Obiettivo N.",
      "3",
      "Riorganizzare l'ufficio tributi",
      "DIRIGENTE\tVerdi Anna",
      "MISSIONE 01 - PROGRAMMA 04",
      "",
      "Indicatore\tTarget\t% ponder",
      "EFFICACIA",
      "Avvisi di accertamento emessi\t>= 500\t60%",
      "Riscossione coattiva avviata\tentro il 30/9\t30%",
      "TOTALE\t\t100%",
    ]);
    const m = build([g]);
    expect(m.plan.year).toBe(2023);
    expect(ops(m)).toHaveLength(1);
    const o = ops(m)[0];
    expect(o.code).toBe("3");
    expect(o.title).toBe("Riorganizzare l'ufficio tributi");
    expect(o.dirigente).toBe("Verdi Anna");
    expect(o.missione).toBe("01");
    expect(o.programma).toBe("04");
    expect(o.declaredWeightTotal).toBe(1);
    expect(o.declaredWeightTotalSource).toBe("piano.txt!C14");
    expect(indicatorsOf(m, "3").map((i) => [i.name, i.dimension, i.weight])).toEqual([
      ["Avvisi di accertamento emessi", "efficacia", 0.6],
      ["Riscossione coattiva avviata", "efficacia", 0.3],
    ]);
  });

  it("a generated plan of 40 objectives, each with its own indicators", () => {
    const lines: string[] = ["PEG 2025-2027", ""];
    for (let k = 1; k <= 40; k++) {
      lines.push(`Scheda ${k}`, `Obiettivo:\tObiettivo gestionale numero ${k} del settore`, "");
      lines.push("Descrizione indicatore\tValore atteso 2025\tPeso");
      for (let j = 1; j <= 3; j++)
        lines.push(`Misura ${k}.${j} delle attività\t>= ${k * 10 + j}\t${j === 3 ? 34 : 33}%`);
      lines.push("TOTALE\t\t100%", "");
    }
    const m = build([tsv(lines)]);
    expect(m.plan.year).toBe(2025);
    expect(ops(m)).toHaveLength(40);
    expect(m.indicators).toHaveLength(120);
    for (let k = 1; k <= 40; k++) {
      const list = indicatorsOf(m, `Scheda ${k}`);
      expect(list.map((i) => i.target)).toEqual([
        `>= ${k * 10 + 1}`,
        `>= ${k * 10 + 2}`,
        `>= ${k * 10 + 3}`,
      ]);
      expect(list.reduce((a, i) => a + (i.weight ?? 0), 0)).toBeCloseTo(1, 9);
    }
  });

  it("phases with a month grid are phases, not indicators", () => {
    const g = tsv([
      "1 TITOLO: ATTIVARE IL NUOVO SPORTELLO SOCIALE",
      "N.\tFASI\tGEN\tFEB\tMAR\tAPR\tMAG\tGIU\tLUG\tAGO\tSET\tOTT\tNOV\tDIC",
      "A\tAnalisi dei bisogni\tX\tX\t\t\t\t\t\t\t\t\t\t",
      "B\tApertura al pubblico\t\t\tX\tX\t\t\t\t\t\t\t\t",
      "",
      "INDICATORI DI PERFORMANCE\tTarget\t% ponder",
      "n. accessi allo sportello\t>=200\t100%",
    ]);
    const m = build([g], 2025);
    expect(ops(m)).toHaveLength(1);
    expect(ops(m)[0].phases?.map((p) => [p.id, p.months])).toEqual([
      ["A", [1, 2]],
      ["B", [3, 4]],
    ]);
    expect(m.indicators.map((i) => i.name)).toEqual(["n. accessi allo sportello"]);
  });
});

describe("headers", () => {
  it("two-row header: a year under each target column, the plan year picks the target", () => {
    const g = tsv([
      "Obiettivo 1: Ridurre il contenzioso",
      "Indicatore\tValori storici\t\tTarget\t\tPeso",
      "\t2022\t2023\t2024\t2025\t",
      "Ricorsi persi\t12\t10\t<= 8\t<= 6\t100%",
    ]);
    const m = build([g], 2025);
    const ind = m.indicators[0];
    expect(ind.target).toBe("<= 6");
    expect(ind.targets).toEqual({ "2024": "<= 8", "2025": "<= 6" });
    expect(ind.baseline).toEqual({ "2022": "12", "2023": "10" });
    expect(ind.weight).toBe(1);
  });

  it("English headers", () => {
    const g = grid([
      ["Code", "Objective", "KPI", "Target", "Weight", "Actual"],
      ["G1", "Open data portal", "Datasets published", ">= 40", "60%", "45"],
      ["G1", null, "Monthly visits", ">= 1000", "40%", "800"],
    ]);
    const m = build([g], 2024);
    expect(ops(m).map((o) => o.code)).toEqual(["G1"]);
    expect(indicatorsOf(m, "G1").map((i) => [i.target, i.weight, i.actual])).toEqual([
      [">= 40", 0.6, "45"],
      [">= 1000", 0.4, "800"],
    ]);
  });

  it("strategic and operational columns with objective weights as written", () => {
    const g = grid([
      ["Obiettivo strategico", "Obiettivo operativo", "Dirigente", "Peso obiettivo"],
      ["Città sicura", "Più pattuglie serali", "Neri", 40],
      ["Città sicura", "Videosorveglianza nei parchi", "Neri", 60],
      ["Città pulita", "Raccolta differenziata al 70%", "Gialli", 100],
    ]);
    const m = build([g], 2024);
    expect(m.strategicObjectives.map((s) => s.title)).toEqual(["Città sicura", "Città pulita"]);
    expect(ops(m).map((o) => [o.title, o.weight, o.dirigente])).toEqual([
      ["Più pattuglie serali", 40, "Neri"],
      ["Videosorveglianza nei parchi", 60, "Neri"],
      ["Raccolta differenziata al 70%", 100, "Gialli"],
    ]);
    const parents = new Set(ops(m).map((o) => o.strategicCode));
    expect(parents.size).toBe(2);
  });
});

describe("reports and compound targets", () => {
  it("numbered targets become one indicator each, actuals from the report by noun", () => {
    const g = grid([
      [
        "Codice obiettivo operativo",
        "Obiettivo operativo",
        "Indicatori",
        "Relazione del dirigente",
        "Punteggio risultato",
        "Punteggio comportamenti",
        "Totale",
      ],
      [
        "OP9",
        "Sostegno alimentare",
        "1) almeno 100 pasti 2) almeno 200 famiglie",
        "Erogati 74 pasti; 210 famiglie aiutate",
        70,
        20,
        90,
      ],
    ]);
    const m = build([g], 2024);
    const list = indicatorsOf(m, "OP9");
    expect(list.map((i) => i.target)).toEqual(["almeno 100 pasti", "almeno 200 famiglie"]);
    expect(list.map((i) => i.actual)).toEqual(["74", "210"]);
    expect(m.reports).toHaveLength(1);
    expect(m.reports[0].components.map((c) => c.value)).toEqual([70, 20]);
    expect(m.reports[0].declaredTotal).toBe(90);
    expect(m.reports[0].computedTotal).toBe(90);
  });
});

describe("what is not a plan", () => {
  it("a sheet of prose or numbers yields no objectives and an info finding naming it", () => {
    const g1 = tsv(
      ["Verbale della seduta", "Presenti: tutti", "La seduta è tolta alle 18"],
      "verbale.txt"
    );
    const g2 = grid(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      "__proto__"
    );
    const m = build([g1, g2]);
    expect(ops(m)).toHaveLength(0);
    expect(m.indicators).toHaveLength(0);
    expect(m.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        "LAYOUT_NOT_RECOGNIZED",
        "info",
        expect.stringMatching(
          /^Nessuna scheda riconosciuta nel foglio "verbale\.txt" \(celle A1:A\d+\)$/
        ),
      ],
      [
        "LAYOUT_NOT_RECOGNIZED",
        "info",
        'Nessuna scheda riconosciuta nel foglio "__proto__" (celle A1:C2)',
      ],
    ]);
  });

  it("a people table or a volumes table is not an indicators table", () => {
    const g = tsv([
      "Nome e cognome\tQualifica\tArea/Ufficio",
      "Mario Rossi\tIstruttore\tTributi",
      "",
      "DESCRIZIONE\tQUANTITA 2022\tQUANTITA 2023",
      "Pratiche\t100\t120",
    ]);
    const m = build([g]);
    expect(m.indicators).toHaveLength(0);
  });
});

describe("more scheda shapes", () => {
  it("labelled titles without numbers: `Obiettivo strategico:` then `Obiettivo operativo:` blocks", () => {
    const g = tsv([
      "Obiettivo strategico: Una città più accessibile",
      "Obiettivo operativo: Abbattere le barriere negli edifici comunali",
      "Centro di responsabilità: Lavori pubblici",
      "Indicatore\tTarget\tPeso",
      "Edifici adeguati\t>= 5\t100%",
      "",
      "Obiettivo operativo: Mappare i percorsi pedonali",
      "Indicatore\tTarget\tPeso",
      "Km mappati\t>= 20\t100%",
    ]);
    const m = build([g], 2025);
    expect(m.strategicObjectives.map((s) => s.title)).toEqual(["Una città più accessibile"]);
    expect(ops(m).map((o) => o.title)).toEqual([
      "Abbattere le barriere negli edifici comunali",
      "Mappare i percorsi pedonali",
    ]);
    const [a, b] = ops(m);
    expect(m.indicators.filter((i) => i.objectiveCode === a.id).map((i) => i.name)).toEqual([
      "Edifici adeguati",
    ]);
    expect(m.indicators.filter((i) => i.objectiveCode === b.id).map((i) => i.name)).toEqual([
      "Km mappati",
    ]);
    expect(a.strategicCode).toBe(m.strategicObjectives[0].id);
    expect(m.units.find((u) => u.id === a.unitId)?.settore).toBe("Lavori pubblici");
  });

  it("tables under plain headings become one objective per heading", () => {
    const g = tsv([
      "Ufficio tributi",
      "Indicatore\tValore atteso\tPeso",
      "Avvisi emessi\t>= 300\t100%",
      "",
      "Ufficio personale",
      "Indicatore\tValore atteso\tPeso",
      "Concorsi banditi\t>= 2\t100%",
    ]);
    const m = build([g], 2025);
    expect(ops(m).map((o) => o.title)).toEqual(["Ufficio tributi", "Ufficio personale"]);
    expect(m.indicators.map((i) => i.objectiveCode)).toEqual([ops(m)[0].id, ops(m)[1].id]);
  });

  it("`OB. 2 - titolo` and a PIAO table with baseline and three target years", () => {
    const g = tsv([
      "OB. 2 - Semplificare l'accesso ai servizi on line",
      "Indicatore\tFormula\tBaseline\tTarget 2025\tTarget 2026\tTarget 2027",
      "Servizi con SPID\tn. servizi / totale\t40%\t60%\t80%\t100%",
    ]);
    const m = build([g], 2026);
    expect(ops(m).map((o) => o.code)).toEqual(["2"]);
    const ind = m.indicators[0];
    expect(ind.target).toBe("80%");
    expect(ind.targets).toEqual({ "2025": "60%", "2026": "80%", "2027": "100%" });
    expect(ind.baseline).toEqual({ "0": "40%" });
  });

  it("a matrix whose target column is `Risultato atteso`", () => {
    const g = grid([
      ["Cod.", "Obiettivo", "Indicatore", "Risultato atteso", "Peso"],
      ["A.1", "Archivio digitale", "Fascicoli scansionati", "almeno 2.000", "70"],
      [null, null, "Procedura approvata", "entro il 30/06/2025", "30"],
    ]);
    const m = build([g], 2025);
    expect(ops(m).map((o) => o.code)).toEqual(["A.1"]);
    expect(m.indicators.map((i) => [i.name, i.target, i.weight])).toEqual([
      ["Fascicoli scansionati", "almeno 2.000", 0.7],
      ["Procedura approvata", "entro il 30/06/2025", 0.3],
    ]);
  });
});

describe("several sheets", () => {
  it("a matrix split by dirigente over two sheets keeps one strategic objective per code", () => {
    const header = [
      "Codice ob strategico",
      "Obiettivo strategico",
      "Codice ob operativo",
      "Obiettivo operativo",
      "Dirigente",
    ];
    const a = grid([header, ["S1", "Città digitale", "S1_01", "Nuovo sito", "Rossi"]], "Rossi");
    const b = grid(
      [header, ["S1", "Città digitale", "S1_02", "Pagamenti on line", "Bianchi"]],
      "Bianchi"
    );
    const m = build([a, b], 2025);
    expect(m.strategicObjectives.map((s) => s.code)).toEqual(["S1"]);
    expect(ops(m).map((o) => [o.code, o.strategicCode, o.dirigente])).toEqual([
      ["S1_01", "S1", "Rossi"],
      ["S1_02", "S1", "Bianchi"],
    ]);
    expect(m.findings).toEqual([]);
  });
});

describe("header labels with dates", () => {
  it("`Valore atteso al 31/12/2025` and `Consuntivo al 31/12` are labels, not data", () => {
    const g = tsv([
      "Obiettivo N. 7 - Ridurre i tempi delle pratiche",
      "Indicatore\tValore atteso al 31/12/2025\tConsuntivo al 31/12\tPeso",
      "Tempo medio (giorni)\t<= 30\t28\t100%",
    ]);
    const m = build([g], 2025);
    expect(m.indicators.map((i) => [i.name, i.target, i.actual, i.weight, i.status])).toEqual([
      ["Tempo medio (giorni)", "<= 30", "28", 1, "met"],
    ]);
  });
});

describe("cells listing several targets", () => {
  it.each([
    [
      "a) almeno 10 corsi b) almeno 200 partecipanti",
      ["almeno 10 corsi", "almeno 200 partecipanti"],
    ],
    ["- almeno 10 corsi - almeno 200 partecipanti", ["almeno 10 corsi", "almeno 200 partecipanti"]],
    ["almeno 10 corsi socio - sanitari", ["almeno 10 corsi socio - sanitari"]],
  ])("%s", (cell, expected) => {
    const g = grid([
      ["Codice ob operativo", "Obiettivo operativo", "Indicatori"],
      ["F1", "Formazione", cell],
    ]);
    const m = build([g], 2025);
    expect(m.indicators.map((i) => i.target)).toEqual(expected);
  });
});
