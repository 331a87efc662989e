/**
 * The layout readers (docs/recognition.md): the header lexicon on headings written by real plans,
 * the flat table read through the same code as a mapping, and the walker's choice recorded as the
 * sheet's reading. Each heading below is taken from a document in test/corpus or test/fixtures,
 * or from the plans named in issue 11.
 */
import { buildModel } from "../../src/core/structure";
import type { Grid } from "../../src/core/grid";
import type { SheetReading } from "../../src/core/recognize/reading";
import { roleOfHeading } from "../../src/core/recognize/table/lexicon";
import { readSheet } from "../../src/core/recognize/readers";
import { readMappedTable } from "../../src/core/recognize/table/mapped";
import { splitLeadingCode } from "../../src/core/recognize/titles";

function grid(rows: (string | number | null)[][], sheet = "Piano 2025"): Grid {
  return { sheet, rows };
}
let n = 0;
const ctx = { planYear: 2025, newKey: () => `t${++n}` };

describe("header lexicon", () => {
  it.each([
    ["Descrizione obiettivo", "operationalTitle"],
    ["ObiettivoOperativo", "operationalTitle"],
    ["Finalità", "operationalTitle"],
    ["ObiettivoGenerale", "strategicTitle"],
    ["Asse", "strategicTitle"],
    ["Linea strategica", "strategicTitle"],
    ["Valore atteso", "target"],
    ["Atteso nell'anno", "target"],
    ["Valore-obiettivo", "target"],
    ["Risultato atteso", "target"],
    ["valore_target", "target"],
    ["Target 2025", "target"],
    ["Realizzato", "actual"],
    ["Raggiunto", "actual"],
    ["Valore consuntivo", "actual"],
    ["ValoreInRendiconto", "actual"],
    ["Media anni precedenti", "baseline"],
    ["Riferimento di partenza", "baseline"],
    ["valore_iniziale", "baseline"],
    ["Cdr", "orgUnit"],
    ["Centro di responsabilità", "orgUnit"],
    ["StrutturaAssegnataria", "orgUnit"],
    ["denominazione_struttura", "orgUnit"],
    ["Titolare", "owner"],
    ["Dirigente", "owner"],
    ["Peso indicatore", "weight"],
    ["Peso obiettivo", "objectiveWeight"],
    ["Avanzamento", "declaredAchievement"],
    ["% di raggiungimento", "declaredAchievement"],
    ["unita_misura", "measureUnit"],
    ["cod_indicatore", "indicatorCode"],
    ["Scostamento", "note"],
    ["Formula di calcolo", "note"],
    ["Fonte dei dati", "note"],
  ])("%s -> %s", (heading, role) => {
    expect(roleOfHeading(heading)?.role).toBe(role);
  });

  it("says nothing of headings it does not know", () => {
    for (const h of ["Colonna A", "Periodo", "Valore 2024", "Missione"])
      expect(roleOfHeading(h)).toBeNull();
  });
});

describe("codes written in the title", () => {
  it.each([
    ["1.7.3.1.Corretta gestione dei campioni", "1.7.3.1", "Corretta gestione dei campioni"],
    ["AS1 - OG1 Potenziare le attività", "AS1 - OG1", "Potenziare le attività"],
    [
      "2019_050301_PROC_74 Migliorare la soddisfazione",
      "2019_050301_PROC_74",
      "Migliorare la soddisfazione",
    ],
    ["149 – Migliorare l'efficienza", "149", "Migliorare l'efficienza"],
    ["3 - Qualità dei servizi", "3", "Qualità dei servizi"],
  ])("%s", (text, code, title) => {
    expect(splitLeadingCode(text)).toEqual({ code, title });
  });

  it("a year or a quantity opening a text is no code", () => {
    expect(splitLeadingCode("2024 - Relazione annuale")).toBeNull();
    expect(splitLeadingCode("100 pasti erogati")).toBeNull();
  });
});

describe("flat tables", () => {
  const merged = grid([
    ["Piano della performance 2025 - obiettivi dei settori"],
    [],
    ["Settore", "Descrizione obiettivo", "Indicatore", "Valore atteso", "Peso", "Realizzato"],
    [
      "Servizi demografici",
      "3 - Qualità dei servizi al cittadino",
      "Tempo medio di rilascio (gg)",
      "<= 5",
      "50%",
      "4",
    ],
    [null, null, "Pratiche online sul totale", ">= 60%", "50%", "55%"],
    [
      "Lavori pubblici",
      "4 - Manutenzione delle strade",
      "Km di strade riasfaltate",
      "Almeno 10",
      "100%",
      "12",
    ],
  ]);

  it("reads merged objective cells, codes in titles, and says how", () => {
    const res = readSheet(merged, ctx);
    expect(res.reading).toMatchObject({
      layout: "table",
      reader: "table",
      headerRow: 3,
      columns: {
        A: "orgUnit",
        B: "operationalTitle",
        C: "indicator",
        D: "target",
        E: "weight",
        F: "actual",
      },
      objectives: 2,
      indicators: 3,
      unread: ["A1"],
    });
    expect(res.reading.evidence.B).toEqual({ header: "Descrizione obiettivo", confidence: 0.8 });
    const [o3, o4] = res.result.objectives;
    expect([o3.code, o3.title, o3.people.settore]).toEqual([
      "3",
      "Qualità dei servizi al cittadino",
      "Servizi demografici",
    ]);
    expect(o3.indicators.map((i) => [i.name, i.target, i.weight, i.actual])).toEqual([
      ["Tempo medio di rilascio (gg)", "<= 5", 0.5, "4"],
      ["Pratiche online sul totale", ">= 60%", 0.5, "55%"],
    ]);
    expect(o4.code).toBe("4");
  });

  it("a mapping of the same columns reads the same rows", () => {
    const auto = readSheet(merged, ctx);
    const mapped = readMappedTable(
      merged,
      { sheet: merged.sheet, headerRow: auto.reading.headerRow!, columns: auto.reading.columns },
      ctx
    );
    const shape = (os: typeof mapped.objectives) =>
      os.map((o) => [o.code, o.title, o.indicators.map((i) => [i.name, i.target, i.weight])]);
    expect(shape(mapped.objectives)).toEqual(shape(auto.result.objectives));
  });

  it("one row per period of the same indicator is one indicator, the last period counting", () => {
    const g = grid([
      [
        "Anno",
        "Periodo",
        "ObiettivoStrategico",
        "Indicatore",
        "StrutturaAssegnataria",
        "Valore",
        "Avanzamento",
      ],
      [2020, 1, "SOSTENIBILITA' ECONOMICA", "Tempi medi di pagamento", "U.O. CONTABILITA'", 30, 0],
      [
        2020,
        2,
        "SOSTENIBILITA' ECONOMICA",
        "Tempi medi di pagamento",
        "U.O. CONTABILITA'",
        30,
        0.5,
      ],
      [
        2020,
        4,
        "SOSTENIBILITA' ECONOMICA",
        "Tempi medi di pagamento",
        "U.O. CONTABILITA'",
        30,
        0.9,
      ],
    ]);
    const m = buildModel([g], { files: ["x.xlsx"], year: 2020 });
    expect(m.indicators).toHaveLength(1);
    // No actual column: the declared year-end achievement stands for the result.
    expect(m.indicators[0]).toMatchObject({ status: "missed", achievement: 0.9 });
  });

  it("a sheet no reader is sure of gives nothing, and says which cells it left", () => {
    const g = grid([
      ["Verbale della riunione del 12 marzo"],
      ["Presenti: il segretario, i responsabili di settore"],
      ["Si discute dell'organizzazione degli uffici", null, "ore 10"],
    ]);
    const readings: SheetReading[] = [];
    const m = buildModel([g], { files: ["x.xlsx"], readings });
    expect(m.operationalObjectives).toEqual([]);
    expect(readings[0]).toMatchObject({ layout: "none", objectives: 0, unread: ["A1:C3"] });
    expect(m.findings[0]).toMatchObject({
      code: "LAYOUT_NOT_RECOGNIZED",
      where: "'Piano 2025'!A1:C3",
    });
  });
});

describe("label cards, yearly target lines, record lines, objective lists", () => {
  it("a card of labels is one indicator under its objective", () => {
    const g = grid([
      ["Codice | 149.1 |"],
      ["Titolo | Richieste evase entro 20 giorni |"],
      ["Obiettivo strategico | 149 – Migliorare il coordinamento |"],
      ["Target primo anno | maggiore o uguale a 90,00% |"],
      ["Target secondo anno | maggiore o uguale a 90,50% |"],
    ]);
    const res = readSheet(g, ctx);
    expect(res.reading.reader).toBe("labels");
    expect(res.result.objectives.map((o) => [o.code, o.title])).toEqual([
      ["149", "Migliorare il coordinamento"],
    ]);
    const [ind] = res.result.objectives[0].indicators;
    expect([ind.name, ind.target]).toEqual([
      "Richieste evase entro 20 giorni",
      "maggiore o uguale a 90,00%",
    ]);
    expect(Object.fromEntries(ind.targets!)).toEqual({
      "2025": "maggiore o uguale a 90,00%",
      "2026": "maggiore o uguale a 90,50%",
    });
  });

  it("yearly target lines under the line naming their indicator", () => {
    const g = grid([
      ["Obiettivo 3.1 - Migliorare la capacità di erogare servizi"],
      [],
      ["RA3.1.1 - Incremento del numero di servizi registrati"],
      [],
      ["-  Target 2025 - 400 servizi registrati"],
      ["-  Target 2026 - 850 servizi registrati"],
    ]);
    const res = readSheet(g, ctx);
    const [o] = res.result.objectives;
    expect([o.code, o.indicators.length]).toEqual(["3.1", 1]);
    expect([o.indicators[0].name, o.indicators[0].ref, o.indicators[0].target]).toEqual([
      "Incremento del numero di servizi registrati",
      "RA3.1.1",
      "400 servizi registrati",
    ]);
  });

  it("records closed by a line of values, in the header's order", () => {
    const g = grid([
      ["Codice Obiettivo annuale Struttura responsabile Indicatore Target Valore"],
      ["consuntivo"],
      ["2019_01_PROC_1 Migliorare la soddisfazione degli utenti"],
      ["050301 - U.O. Appalti pubblici di lavori"],
      ["Punteggio di valutazione"],
      ["4,00 4,90"],
      ["2019_01_PROC_2 Creare un archivio di rete condiviso"],
      ["050301 - U.O. Appalti pubblici di lavori"],
      ["Numero di giornate formative"],
      ["4,00 2,00"],
    ]);
    const m = buildModel([g], { files: ["x.txt"], year: 2019 });
    expect(
      m.indicators.map((i) => [i.objectiveCode, i.name, i.target, i.actual, i.status])
    ).toEqual([
      ["2019_01_PROC_1", "Punteggio di valutazione", "4,00", "4,90", "met"],
      ["2019_01_PROC_2", "Numero di giornate formative", "4,00", "2,00", "missed"],
    ]);
  });

  it("a list announced as objectives, with weights run together on one line", () => {
    const g = grid([
      [
        "Servizio Amministrativo Obiettivi Peso n. 0 Codice di comportamento X n. 1 Esercitazione sul rischio sismico 20 n. 2 Trasparenza amministrativa 80",
      ],
    ]);
    const m = buildModel([g], { files: ["x.txt"] });
    expect(m.strategicObjectives.map((o) => [o.code, o.title, o.weight ?? null])).toEqual([
      ["0", "Codice di comportamento", null],
      ["1", "Esercitazione sul rischio sismico", 20],
      ["2", "Trasparenza amministrativa", 80],
    ]);
  });

  it("bullets under a numbered objective are its activities", () => {
    const g = grid([
      ["DESCRIZIONE OBIETTIVI"],
      ["01.01 Programmazione e rendicontazione finanziaria."],
      ["- Ricognizione di tutti i residui attivi e passivi"],
      ["- Relazione al Conto e Rendiconto della gestione"],
    ]);
    const m = buildModel([g], { files: ["x.txt"] });
    expect([...m.strategicObjectives, ...m.operationalObjectives].map((o) => o.code)).toEqual([
      "01.01",
    ]);
  });
});
