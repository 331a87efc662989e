/**
 * Matrices as small comuni keep them: settore rows with their responsabile between the objectives,
 * one row per objective with a plain `Peso` column, and report tables whose objective columns hold
 * only codes (the words in `Descrizione`).
 */
import type { Grid } from "../../src/core/grid";
import { analyzeWorkbook } from "../../src/core/pipeline";
import { parseUnitLine } from "../../src/core/recognize/sheet";
import { splitTrailing } from "../../src/core/recognize/lines";
import { splitCodeTitle } from "../../src/core/recognize/titles";
import { textToGrid } from "../../src/core/textgrid";

function tsv(lines: string[]): Grid {
  return textToGrid(lines.join("\n"), "piano.txt");
}

const HEADER = "Cod.\tObiettivo\tIndicatore\tValore atteso\tPeso\tValore raggiunto";

describe("settore rows with their responsabile inside a matrix", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        "COMUNE DI SAN BASILIO",
        "PIANO DETTAGLIATO DEGLI OBIETTIVI 2024",
        "SETTORE AFFARI GENERALI - Responsabile: dott.ssa Maria Rossi",
        HEADER,
        "1.1\tDigitalizzazione del protocollo\tDocumenti protocollati digitalmente\t>= 90%\t30\t95%",
        "1.2\tAggiornamento regolamento accesso\tApprovazione in Consiglio\tEntro il 30/06/2024\t20\t15/05/2024",
        "1.3\tRiduzione tempi rilascio certificati\tTempo medio rilascio (gg)\t<= 5\t50\t4",
        "SETTORE FINANZIARIO - Responsabile: rag. Paolo Bianchi",
        HEADER,
        "2.1\tTempestività pagamenti\tIndicatore tempestività pagamenti\t< 0\t40\t-3,5",
        "2.2\tRecupero evasione IMU\tImporto accertato\tAlmeno € 50.000\t60\t€ 42.000",
        "Area Tecnica – Dirigente: Ing. Carla Verdi",
        "3.1\tManutenzione strade\tKm di strade riasfaltate\tAlmeno 5\t100\t6",
      ]),
    ],
    { files: ["x"] }
  );

  it("reads each settore row as a unit, not as an objective", () => {
    expect(m.operationalObjectives.map((o) => o.code)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "2.1",
      "2.2",
      "3.1",
    ]);
    const unit = (code: string) =>
      m.units.find((u) => u.id === m.operationalObjectives.find((o) => o.code === code)?.unitId);
    expect(unit("1.2")).toMatchObject({
      settore: "SETTORE AFFARI GENERALI",
      responsabile: "dott.ssa Maria Rossi",
    });
    expect(unit("2.1")).toMatchObject({
      settore: "SETTORE FINANZIARIO",
      responsabile: "rag. Paolo Bianchi",
    });
    expect(unit("3.1")).toMatchObject({ area: "Area Tecnica", dirigente: "Ing. Carla Verdi" });
    expect(unit("2.1")?.source).toBe("piano.txt!A8");
  });

  it("takes a plain Peso column with one indicator per objective as the objective's weight", () => {
    expect(m.operationalObjectives.map((o) => o.weight)).toEqual([30, 20, 50, 40, 60, 100]);
    expect(m.indicators.every((i) => i.weight === null)).toBe(true);
    expect(m.findings.filter((f) => f.code === "WEIGHTS_SUM")).toEqual([]);
    expect(m.indicators.find((i) => i.objectiveCode === "2.2")).toMatchObject({
      target: "Almeno € 50.000",
      actual: "€ 42.000",
      status: "missed",
    });
  });
});

it("keeps a Peso column on the indicators when an objective has several of them", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        HEADER,
        "1.1\tDigitalizzazione del protocollo\tDocumenti protocollati digitalmente\t>= 90%\t60\t95%",
        "\t\tPEC gestite entro 2 giorni\t>= 80%\t40\t85%",
        "1.2\tAggiornamento regolamento accesso\tApprovazione in Consiglio\tEntro il 30/06/2024\t100\t15/05/2024",
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.indicators.map((i) => i.weight)).toEqual([0.6, 0.4, 1]);
  expect(m.operationalObjectives.map((o) => o.weight)).toEqual([null, null]);
  expect(m.findings.filter((f) => f.code === "WEIGHTS_SUM")).toEqual([]);
});

it("keeps indicator weights of 100% on the indicators", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        HEADER,
        "1.1\tDigitalizzazione del protocollo\tDocumenti protocollati digitalmente\t>= 90%\t100%\t95%",
        "1.2\tAggiornamento regolamento accesso\tApprovazione in Consiglio\tEntro il 30/06/2024\t100%\t15/05/2024",
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.indicators.map((i) => i.weight)).toEqual([1, 1]);
  expect(m.operationalObjectives.map((o) => o.weight)).toEqual([null, null]);
});

it("reads objective columns that hold only codes, with the title in Descrizione", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        "PROSPETTO DEL GRADO DI RAGGIUNGIMENTO DEGLI OBIETTIVI DI PEG ANNO 2020",
        "N.\tObiettivo strategico\tObiettivo operativo\tDESCRIZIONE\tIndicatore\tTarget\tRisultato",
        "1\t0101\t01010601\tPREDISPOSIZIONE DI CHECK-LIST DEGLI IMMOBILI COMUNALI\tCheck-list redatta\tEntro il 31/12\tSI",
        "2\t0103\t01030201\tRIDUZIONE DEI TEMPI DI PAGAMENTO\tTempo medio di pagamento\t<= 30 gg\t28",
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.strategicObjectives.map((o) => o.code)).toEqual(["0101", "0103"]);
  expect(m.operationalObjectives.map((o) => [o.code, o.title, o.strategicCode])).toEqual([
    ["01010601", "PREDISPOSIZIONE DI CHECK-LIST DEGLI IMMOBILI COMUNALI", "0101"],
    ["01030201", "RIDUZIONE DEI TEMPI DI PAGAMENTO", "0103"],
  ]);
  expect(m.indicators.map((i) => [i.objectiveCode, i.status])).toEqual([
    ["01010601", "met"],
    ["01030201", "met"],
  ]);
});

describe("parseUnitLine", () => {
  it.each([
    ["SETTORE AFFARI GENERALI - Responsabile: dott.ssa Maria Rossi", "settore", "responsabile"],
    ["Area Tecnica – Dirigente: Ing. Carla Verdi", "area", "dirigente"],
    ["Servizio Tributi - Responsabile del servizio: Anna Neri", "servizio", "responsabile"],
    ["SETTORE POLIZIA LOCALE (Dirigente dott. Mario Blu)", "settore", "dirigente"],
    ["AREA SERVIZI ALLA PERSONA", "area", undefined],
  ])("%s", (text, kind, role) => {
    const u = parseUnitLine(text);
    expect(u?.kind).toBe(kind);
    expect(u?.role).toBe(role);
  });

  it.each([
    "Settore di intervento prioritario per l'amministrazione nel triennio",
    "Area strategica",
    "AREA STRATEGICA 2 - SVILUPPO DEL TERRITORIO",
    "Servizio di refezione scolastica: almeno 200 pasti",
    "Responsabile: dott.ssa Maria Rossi",
  ])("not a unit line: %s", (text) => {
    expect(parseUnitLine(text)).toBeNull();
  });
});

it("reads a scheda with `Titolo:` and `Peso:` lines and a `Valore al 31/12` column", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        "COMUNE DI MONTEVERDE",
        "PIANO DELLA PERFORMANCE 2025",
        "OBIETTIVO N. 5",
        "Titolo: Potenziamento della raccolta differenziata",
        "Missione 09 Programma 03",
        "Responsabile: Ing. Luca Gialli",
        "Peso: 25%",
        "Indicatore\tFormula\tTarget 2025\tValore al 31/12/2025\tScostamento",
        "Percentuale raccolta differenziata\tRD / RU totale\t>= 65%\t67,2%\t+2,2",
        "Campagne informative\tn. campagne\t2\t3\t+1",
        "",
        "OBIETTIVO N. 6",
        "Titolo: Riduzione dei tempi di risposta alle istanze",
        "Peso: 15",
        "Indicatore\tFormula\tTarget 2025\tValore al 31/12/2025\tScostamento",
        "Tempo medio di risposta\tgiorni medi\t<= 20 gg\t24\t+4",
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.operationalObjectives.map((o) => [o.code, o.title, o.weight])).toEqual([
    ["5", "Potenziamento della raccolta differenziata", 25],
    ["6", "Riduzione dei tempi di risposta alle istanze", 15],
  ]);
  expect(m.indicators.map((i) => [i.objectiveCode, i.target, i.actual, i.status])).toEqual([
    ["5", ">= 65%", "67,2%", "met"],
    ["5", "2", "3", "met"],
    ["6", "<= 20 gg", "24", "missed"],
  ]);
});

describe("indicators written as cards of `key: value` lines (relazione sulla performance)", () => {
  const lines = [
    "COMUNE DI VALLEFIORITA",
    "RELAZIONE SULLA PERFORMANCE 2024",
    "AREA AMMINISTRATIVA",
    "Responsabile: dott. Giuseppe Russo",
    "Obiettivo 1 - Revisione del regolamento sui controlli interni",
    "Peso obiettivo: 40",
    "Indicatore: approvazione del regolamento in Consiglio comunale",
    "Target: entro il 30/09/2024",
    "Risultato: approvato con delibera CC n. 45 del 25/07/2024",
    "Grado di raggiungimento: 100%",
    "Obiettivo 2 - Riduzione dei tempi di pagamento delle fatture",
    "Peso obiettivo: 60",
    "Indicatore 1: tempo medio di pagamento",
    "Peso indicatore: 70%",
    "Target: <= 30 giorni",
    "Risultato: 34 giorni",
    "Indicatore 2: fatture pagate entro la scadenza",
    "Peso indicatore: 30%",
    "Target: almeno 90%",
    "Risultato: 93%",
  ];

  it.each([
    ["one cell per line", lines],
    ["key and value in two cells", lines.map((l) => l.replace(": ", "\t"))],
  ])("%s", (_label, rows) => {
    const m = analyzeWorkbook([tsv(rows)], { files: ["x"] });
    expect(m.operationalObjectives.map((o) => [o.code, o.weight])).toEqual([
      ["1", 40],
      ["2", 60],
    ]);
    expect(
      m.indicators.map((i) => [i.objectiveCode, i.name, i.target, i.weight, i.actual, i.status])
    ).toEqual([
      [
        "1",
        "approvazione del regolamento in Consiglio comunale",
        "entro il 30/09/2024",
        null,
        "approvato con delibera CC n. 45 del 25/07/2024",
        "met",
      ],
      ["2", "tempo medio di pagamento", "<= 30 giorni", 0.7, "34 giorni", "missed"],
      ["2", "fatture pagate entro la scadenza", "almeno 90%", 0.3, "93%", "met"],
    ]);
    const col = rows === lines ? "A" : "B";
    expect(m.indicators[1].targetSource).toBe(`piano.txt!${col}15`);
    expect(m.indicators[1].actualSource).toBe(`piano.txt!${col}16`);
    expect(m.findings.filter((f) => f.code === "WEIGHTS_SUM")).toEqual([]);
  });

  it("a target line with no indicator line before it still makes an indicator", () => {
    const m = analyzeWorkbook(
      [
        tsv([
          "Obiettivo 3 - Apertura del nuovo sportello SUAP",
          "Target: entro il 31/12/2024",
          "Risultato: SI",
        ]),
      ],
      { files: ["x"], year: 2024 }
    );
    expect(m.indicators).toHaveLength(1);
    expect(m.indicators[0]).toMatchObject({
      objectiveCode: "3",
      target: "entro il 31/12/2024",
      actual: "SI",
      status: "met",
    });
  });
});

describe("a Scadenza column", () => {
  it("is the target of a table that names no other", () => {
    const m = analyzeWorkbook(
      [
        tsv([
          "Dipartimento\tCodice obiettivo operativo\tObiettivo operativo\tIndicatore\tScadenza\tRisultato",
          "Servizi finanziari\t01030201\tRendiconto 2024\tApprovazione del rendiconto in Consiglio\t30/04/2025\t28/04/2025",
          "Servizi finanziari\t01030202\tBilancio consolidato\tApprovazione in Consiglio\t30/09/2025\t15/10/2025",
        ]),
      ],
      { files: ["x"], year: 2025 }
    );
    expect(m.indicators.map((i) => [i.objectiveCode, i.target, i.status])).toEqual([
      ["01030201", "30/04/2025", "met"],
      ["01030202", "30/09/2025", "missed"],
    ]);
    const unit = m.units.find((u) => u.id === m.operationalObjectives[0].unitId);
    expect(unit?.settore).toBe("Servizi finanziari");
  });

  it("gives each phase of a scheda its deadline", () => {
    const m = analyzeWorkbook(
      [
        tsv([
          "Obiettivo N. 2 - Nuovo regolamento del verde pubblico",
          "Fase\tDescrizione\tScadenza",
          "A\tStesura della bozza con gli uffici\t31/03/2025",
          "B\tApprovazione in Consiglio comunale\tgiugno",
          "Indicatore\tTarget\tPeso",
          "Regolamento approvato\tEntro il 30/06\t100%",
        ]),
      ],
      { files: ["x"], year: 2025 }
    );
    expect(m.operationalObjectives[0].phases?.map((p) => [p.id, p.deadline])).toEqual([
      ["A", "2025-03-31"],
      ["B", "2025-06-30"],
    ]);
    expect(m.indicators).toHaveLength(1);
  });
});

it("keeps last year's result beside this year's target as history, so a target it already meets is flagged", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        "PEG 2025",
        "Obiettivo\tIndicatore\tPrevisione 2024\tRisultato 2024\tPrevisione 2025\tRisultato 2025\tPeso",
        "1. Efficienza dell'ufficio tributi\tAvvisi di accertamento emessi\t500\t520\t>= 500\t610\t50%",
        "\tRiscossione coattiva avviata\t80%\t75%\t85%\t82%\t50%",
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.indicators.map((i) => [i.target, i.baseline, i.actual])).toEqual([
    [">= 500", { "2024": "520" }, "610"],
    ["85%", { "2024": "75%" }, "82%"],
  ]);
  const flagged = m.findings.filter((f) => f.code === "TARGET_NOT_CHALLENGING");
  expect(flagged).toHaveLength(1);
  expect(flagged[0].message).toContain("Avvisi di accertamento emessi");
});

describe("PDF lines whose target is written in words before the weight", () => {
  it.each([
    [
      "Approvazione del regolamento entro il 30/06/2025 100%",
      "Approvazione del regolamento",
      "entro il 30/06/2025",
      "100%",
    ],
    [
      "Incontri con le associazioni almeno 4 all'anno 20%",
      "Incontri con le associazioni",
      "almeno 4 all'anno",
      "20%",
    ],
    [
      "Soddisfazione utenti non inferiore al 90% 30%",
      "Soddisfazione utenti",
      "non inferiore al 90%",
      "30%",
    ],
    ["Regolamento approvato entro giugno", "Regolamento approvato", "entro giugno", null],
    [
      "n. tavoli di verifica con altri comuni >=4 15%",
      "n. tavoli di verifica con altri comuni",
      ">=4",
      "15%",
    ],
  ])("%s", (line, name, target, weight) => {
    expect(splitTrailing(line)).toEqual({ name, target, weight });
  });

  it("keeps a name that only mentions such words", () => {
    expect(splitTrailing("Pratiche non evase nel trimestre")).toEqual({
      name: "Pratiche non evase nel trimestre",
      target: null,
      weight: null,
    });
  });

  it("reads a scheda pasted from a PDF", () => {
    const m = analyzeWorkbook(
      [
        tsv([
          "OBIETTIVO OPERATIVO 1.1 - Digitalizzazione dei servizi demografici",
          "Indicatori Target Peso",
          "Certificati rilasciati online >= 60% 40%",
          "Tempo medio rilascio CIE <= 10 gg 60%",
          "TOTALE 100%",
          "OBIETTIVO OPERATIVO 1.2 - Nuovo regolamento cimiteriale",
          "Indicatori Target Peso",
          "Approvazione del regolamento entro il 30/06/2025 100%",
          "TOTALE 100%",
        ]),
      ],
      { files: ["x"], year: 2025 }
    );
    expect(m.indicators.map((i) => [i.objectiveCode, i.name, i.target, i.weight])).toEqual([
      ["1.1", "Certificati rilasciati online", ">= 60%", 0.4],
      ["1.1", "Tempo medio rilascio CIE", "<= 10 gg", 0.6],
      ["1.2", "Approvazione del regolamento", "entro il 30/06/2025", 1],
    ]);
    expect(m.findings.filter((f) => f.code === "WEIGHTS_SUM")).toEqual([]);
  });
});

it("gives every objective under a merged Area or Dirigente cell that unit and dirigente", () => {
  const grid: Grid = {
    sheet: "PIAO 2025",
    origin: { row: 2, col: 0 },
    rows: [
      ["Area", "Dirigente", "Obiettivo operativo", "Indicatore", "Target 2025", "Peso"],
      [
        "Area Servizi al cittadino",
        "dott. Rossi",
        "1.1 Anagrafe digitale",
        "Certificati online",
        ">= 70%",
        1,
      ],
      [null, null, "1.2 Sportello unico", "Pratiche SUAP telematiche", "100%", 1],
      ["Area Tecnica", null, "2.1 Manutenzione strade", "Km asfaltati", ">= 6", 1],
    ],
    merges: [
      { top: 3, left: 0, bottom: 4, right: 0 },
      { top: 3, left: 1, bottom: 4, right: 1 },
    ],
  };
  const m = analyzeWorkbook([grid], { files: ["x"] });
  const unitOf = (code: string) =>
    m.units.find((u) => u.id === m.operationalObjectives.find((o) => o.code === code)?.unitId);
  expect(unitOf("1.2")).toMatchObject({
    area: "Area Servizi al cittadino",
    dirigente: "dott. Rossi",
  });
  expect(unitOf("1.2")?.source).toBe("'PIAO 2025'!A4");
  // Not merged: the dirigente is not carried to the next area.
  expect(unitOf("2.1")).toMatchObject({ area: "Area Tecnica" });
  expect(unitOf("2.1")?.dirigente).toBeUndefined();
});

describe("objectives on one sheet, indicators on another naming them by code", () => {
  const objectives: Grid = {
    sheet: "Obiettivi",
    rows: [
      ["Codice obiettivo", "Obiettivo operativo", "Settore", "Responsabile", "Peso obiettivo"],
      ["OP.01", "Digitalizzazione archivio storico", "Affari generali", "Rossi", 30],
      ["OP.02", "Recupero evasione tributaria", "Finanziario", "Bianchi", 70],
    ],
  };
  const byCodeColumn: Grid = {
    sheet: "Indicatori",
    rows: [
      ["Codice obiettivo", "Indicatore", "Target 2025", "Peso", "Consuntivo 2025"],
      ["OP.01", "Faldoni digitalizzati", ">= 500", "50%", 520],
      ["OP.01", "Consultazioni online attivate", "Entro il 30/09/2025", "50%", "SI"],
      ["OP.02", "Accertamenti IMU emessi", ">= 300", "100%", 280],
      ["OP.09", "Indicatore di un obiettivo non elencato", ">= 1", "100%", 1],
    ],
  };
  // The same table with the codes under a plain `Obiettivo` header.
  const byObjectiveColumn: Grid = {
    sheet: "Indicatori",
    rows: [["Obiettivo", ...byCodeColumn.rows[0].slice(1)], ...byCodeColumn.rows.slice(1)],
  };

  it.each([
    ["a Codice obiettivo column", byCodeColumn],
    ["an Obiettivo column holding codes", byObjectiveColumn],
  ])("joins each indicator to its objective through %s", (_label, indicators) => {
    const m = analyzeWorkbook([objectives, indicators], { files: ["x"], year: 2025 });
    expect(m.operationalObjectives.map((o) => [o.code, o.title, o.weight])).toEqual([
      ["OP.01", "Digitalizzazione archivio storico", 30],
      ["OP.02", "Recupero evasione tributaria", 70],
      ["OP.09", "OP.09", null],
    ]);
    expect(m.indicators.map((i) => [i.objectiveCode, i.name, i.status])).toEqual([
      ["OP.01", "Faldoni digitalizzati", "met"],
      ["OP.01", "Consultazioni online attivate", "met"],
      ["OP.02", "Accertamenti IMU emessi", "missed"],
      ["OP.09", "Indicatore di un obiettivo non elencato", "met"],
    ]);
    expect(m.indicators[0].source).toBe("Indicatori!B2");
    expect(
      m.findings.filter((f) => f.code === "WEIGHTS_SUM" || f.code === "DUPLICATE_CODE")
    ).toEqual([]);
  });
});

describe("splitCodeTitle keeps a code written as one word with its letters", () => {
  it.each([
    ["OB.1 Riduzione tempi procedimenti edilizi", "OB.1", "Riduzione tempi procedimenti edilizi"],
    ["OP.02 - Recupero evasione tributaria", "OP.02", "Recupero evasione tributaria"],
    ["A1.3 Manutenzione del verde", "A1.3", "Manutenzione del verde"],
    ["1.1 Digitalizzazione del protocollo", "1.1", "Digitalizzazione del protocollo"],
    ["Ob. op. 2.4 Nuovo regolamento", "2.4", "Nuovo regolamento"],
  ])("%s", (text, code, title) => {
    expect(splitCodeTitle(text)).toEqual({ code, title });
  });
});

it("a `Personale coinvolto` table after each scheda's indicators is never read into them", () => {
  const scheda = (n: number, person: string) => [
    `Obiettivo N. ${n}`,
    `Titolo: Obiettivo di prova numero ${n} del settore`,
    "",
    "Indicatore\tUnità di misura\tValore atteso\tConsuntivo",
    `Attività svolte per l'obiettivo ${n}\tn.\tAlmeno 3\t4`,
    "",
    "Personale coinvolto nell'obiettivo",
    "",
    "Nome e cognome\tQualifica\tArea/Ufficio",
    `${person}\tRESPONSABILE\tSERVIZI SOCIALI`,
    "",
    "Note all'aggiornamento",
    "",
  ];
  const m = analyzeWorkbook(
    [tsv([...scheda(1, "MARIA ROSSI"), ...scheda(2, "PAOLO BIANCHI"), ...scheda(3, "ANNA VERDI")])],
    { files: ["x"] }
  );
  expect(m.indicators.map((i) => [i.objectiveCode, i.name, i.target])).toEqual([
    ["1", "Attività svolte per l'obiettivo 1", "Almeno 3"],
    ["2", "Attività svolte per l'obiettivo 2", "Almeno 3"],
    ["3", "Attività svolte per l'obiettivo 3", "Almeno 3"],
  ]);
});

it("reads schede of `key | value` rows, each opened by its Centro di responsabilità row, with `Peso | 15`", () => {
  const scheda = (code: string, title: string, weight: number, rows: string[]) => [
    "SCHEDA OBIETTIVO 2025",
    "Centro di responsabilità\tSettore Attività Produttive",
    "Obiettivo strategico\t3. Sviluppo economico del territorio",
    `Obiettivo operativo\t${code} ${title}`,
    "Responsabile\tDott. Mario Gialli",
    `Peso\t${weight}`,
    "Indicatore\tTarget\tRisultato",
    ...rows,
    "",
  ];
  const m = analyzeWorkbook(
    [
      tsv([
        ...scheda("3.2", "Sostegno al commercio locale", 15, [
          "Eventi organizzati in centro storico\t>= 4\t5",
          "Nuove attività aperte\t>= 10\t8",
        ]),
        ...scheda("3.3", "Mercato settimanale", 10, [
          "Nuovo regolamento mercati\tEntro il 30/06/2025\t12/06/2025",
        ]),
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.operationalObjectives.map((o) => [o.code, o.title, o.strategicCode, o.weight])).toEqual([
    ["3.2", "Sostegno al commercio locale", "3", 15],
    ["3.3", "Mercato settimanale", "3", 10],
  ]);
  expect(m.indicators.map((i) => [i.objectiveCode, i.name])).toEqual([
    ["3.2", "Eventi organizzati in centro storico"],
    ["3.2", "Nuove attività aperte"],
    ["3.3", "Nuovo regolamento mercati"],
  ]);
  expect(m.findings.filter((f) => f.code === "TARGET_UNPARSED")).toEqual([]);
  // Every unit listed is the unit of some objective.
  const used = new Set([...m.strategicObjectives, ...m.operationalObjectives].map((o) => o.unitId));
  expect(m.units.length).toBeGreaterThan(0);
  expect(m.units.every((u) => used.has(u.id))).toBe(true);
});

it("lists only the units some objective belongs to", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        "SETTORE AFFARI GENERALI - Responsabile: dott.ssa Maria Rossi",
        "SETTORE FINANZIARIO - Responsabile: rag. Paolo Bianchi",
        HEADER,
        "2.1\tTempestività pagamenti\tIndicatore tempestività pagamenti\t< 0\t100%\t-3,5",
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.units.map((u) => u.settore)).toEqual(["SETTORE FINANZIARIO"]);
});

describe("several result columns", () => {
  const read = (cols: string) =>
    analyzeWorkbook(
      [
        tsv([
          "Obiettivo N. 1 - Riduzione arretrato pratiche",
          `Indicatore\tTarget\t${cols}`,
          "Pratiche arretrate smaltite\t>= 100\t40\t110",
          "Tempo medio di evasione\t<= 30 gg\t35\t",
        ]),
      ],
      { files: ["x"], year: 2025 }
    );

  it("the reading at 31/12 is the actual, the one at 30/06 only when it is the only one", () => {
    expect(
      read("Valore al 30/06\tValore al 31/12").indicators.map((i) => [
        i.actual,
        i.actualSource,
        i.status,
      ])
    ).toEqual([
      ["110", "piano.txt!D3", "met"],
      ["35", "piano.txt!C4", "missed"],
    ]);
  });

  it.each([["Monitoraggio intermedio\tConsuntivo"], ["Verifica semestrale\tRisultato"]])(
    "the year-end column is the actual: %s",
    (cols) => {
      const first = read(cols).indicators[0];
      expect([first.actual, first.actualSource, first.status]).toEqual([
        "110",
        "piano.txt!D3",
        "met",
      ]);
    }
  );

  it("never takes a past year's result as this year's actual", () => {
    const m = analyzeWorkbook(
      [
        tsv([
          "Obiettivo N. 1 - Riduzione arretrato pratiche",
          "Indicatore\tPrevisione 2024\tRisultato 2024\tPrevisione 2025\tRisultato 2025",
          "Pratiche arretrate smaltite\t>= 80\t90\t>= 100\t",
        ]),
      ],
      { files: ["x"], year: 2025 }
    );
    expect(m.indicators[0]).toMatchObject({ target: ">= 100", actual: null, status: "pending" });
    expect(m.indicators[0].baseline).toEqual({ "2024": "90" });
  });
});

it("a column named Peso indicatore stays on the indicators even with one indicator per objective", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        "Cod.\tObiettivo\tIndicatore\tValore atteso\tPeso indicatore\tValore raggiunto",
        "1.1\tDigitalizzazione del protocollo\tDocumenti protocollati digitalmente\t>= 90%\t30\t95%",
        "1.2\tAggiornamento regolamento accesso\tApprovazione in Consiglio\tEntro il 30/06/2024\t20\t15/05/2024",
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.indicators.map((i) => i.weight)).toEqual([0.3, 0.2]);
  expect(m.findings.filter((f) => f.code === "WEIGHTS_SUM")).toHaveLength(2);
});

it("reads a scheda whose only title line is `Descrizione: …`, with % ponderazione and a declared grade", () => {
  const m = analyzeWorkbook(
    [
      tsv([
        "Comune di Borgo Alto",
        "Piano della Performance 2025",
        "OBIETTIVO N. 4",
        "Descrizione: Migliorare la riscossione delle entrate tributarie attraverso controlli mirati",
        "Settore: Finanziario",
        "Dirigente: dott. Luca Mori",
        "Indicatori\t% ponderazione\tValore atteso\tValore raggiunto\tGrado di raggiungimento",
        "Accertamenti TARI emessi\t30\t>= 400\t420\t100%",
        "Riscossione coattiva\t40\t>= 70%\t65%\t80%",
        "Rateizzazioni concesse entro 30 gg\t30\tSI\tSI\t100%",
        "TOTALE\t100\t\t\t",
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
    ["4", "Migliorare la riscossione delle entrate tributarie attraverso controlli mirati"],
  ]);
  expect(m.indicators.map((i) => [i.weight, i.status, i.declaredAchievement])).toEqual([
    [0.3, "met", 1],
    [0.4, "missed", 0.8],
    [0.3, "met", 1],
  ]);
  expect(m.findings.map((f) => f.code).sort()).toEqual([
    "ACHIEVEMENT_DECLARED_MISMATCH",
    "TARGET_MISSED",
  ]);
});

it.each([
  ["Missione\tProgramma", "01\t03", "12\t07"],
  ["Missione/Programma", "01/03", "Missione 12 - Programma 07"],
])("reads the DUP reference from columns: %s", (cols, a, b) => {
  const m = analyzeWorkbook(
    [
      tsv([
        `${cols}\tObiettivo strategico\tObiettivo operativo\tIndicatore\tTarget\tPeso`,
        `${a}\tBilancio sano\t1.1 Riduzione tempi di pagamento\tITP\t<= 0\t100%`,
        `${b}\tWelfare di comunità\t2.1 Sportello famiglie\tAccessi\t>= 300\t100%`,
      ]),
    ],
    { files: ["x"] }
  );
  expect(m.operationalObjectives.map((o) => [o.code, o.missione, o.programma])).toEqual([
    ["1.1", "01", "03"],
    ["2.1", "12", "07"],
  ]);
  expect(m.strategicObjectives.map((o) => [o.title, o.missione, o.programma])).toEqual([
    ["Bilancio sano", "01", "03"],
    ["Welfare di comunità", "12", "07"],
  ]);
  expect(m.indicators).toHaveLength(2);
});
