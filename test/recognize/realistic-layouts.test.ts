/**
 * Plans shaped as Italian comuni, unioni, ASP and aziende consortili publish them (PIAO sezione 2.2,
 * PEG by centro di responsabilità, schede obiettivo, relazioni sulla performance, PDF pastes), and
 * sheets that are not plans at all. Each case asserts what a careful officer reads in it.
 */
import type { CellValue, Grid } from "../../src/core/grid";
import { buildModel } from "../../src/core/structure";
import { textToGrid } from "../../src/core/textgrid";
import type { PegModel } from "../../src/core/model";

function tsv(lines: string[], sheet = "piano.txt"): Grid {
  return textToGrid(lines.join("\n"), sheet);
}

function build(grids: Grid[], year?: number): PegModel {
  return buildModel(grids, year === undefined ? { files: ["x"] } : { files: ["x"], year });
}

function indicatorsOf(m: PegModel, code: string) {
  return m.indicators.filter((i) => i.objectiveCode === code);
}

function unitOf(m: PegModel, code: string) {
  const o = m.operationalObjectives.find((x) => x.code === code);
  return m.units.find((u) => u.id === o?.unitId);
}

describe("PIAO sezione 2.2: strategic and operational objectives with codes in the title cells", () => {
  const g = tsv([
    "PIAO 2025-2027 - Sezione 2.2 Performance",
    "",
    [
      "Obiettivo strategico (DUP)",
      "Obiettivo operativo",
      "Indicatore",
      "Formula di calcolo",
      "Valore di partenza (baseline) 2024",
      "Target 2025",
      "Target 2026",
      "Target 2027",
      "Peso %",
      "Responsabile",
      "Settore",
    ].join("\t"),
    [
      "1 - Comune digitale e trasparente",
      "1.1 Digitalizzazione dei procedimenti edilizi",
      "Pratiche SUE presentate online",
      "pratiche online / pratiche totali",
      "60%",
      ">= 80%",
      ">= 90%",
      "100%",
      "40",
      "Ing. Marco Rossi",
      "Settore 3 - Lavori pubblici",
    ].join("\t"),
    [
      "",
      "",
      "Tempo medio di rilascio del permesso di costruire",
      "giorni medi dalla domanda",
      "75",
      "<= 60",
      "<= 50",
      "<= 45",
      "60",
      "",
      "",
    ].join("\t"),
    [
      "",
      "1.2 Pubblicazione dei dati in Amministrazione trasparente",
      "Sezioni aggiornate nei termini",
      "sezioni aggiornate / sezioni dovute",
      "85%",
      "100%",
      "100%",
      "100%",
      "100",
      "Dott.ssa Laura Conti",
      "Settore 1 - Affari generali",
    ].join("\t"),
    [
      "2 - Ambiente e territorio",
      "2.1 Aumento della raccolta differenziata",
      "Percentuale di raccolta differenziata",
      "rifiuti differenziati / rifiuti totali",
      "58%",
      ">= 65%",
      ">= 70%",
      ">= 75%",
      "100",
      "Dott. Paolo Verdi",
      "Settore 5 - Ambiente",
    ].join("\t"),
  ]);

  it("splits the codes from the titles, links each operational objective to its strategic one", () => {
    const m = build([g]);
    expect(m.plan.year).toBe(2025);
    expect(m.strategicObjectives.map((s) => [s.code, s.title])).toEqual([
      ["1", "Comune digitale e trasparente"],
      ["2", "Ambiente e territorio"],
    ]);
    expect(m.operationalObjectives.map((o) => [o.code, o.title, o.strategicCode])).toEqual([
      ["1.1", "Digitalizzazione dei procedimenti edilizi", "1"],
      ["1.2", "Pubblicazione dei dati in Amministrazione trasparente", "1"],
      ["2.1", "Aumento della raccolta differenziata", "2"],
    ]);
  });

  it("reads targets by year, baseline, weights as fractions, responsabile and settore", () => {
    const m = build([g]);
    const i11 = indicatorsOf(m, "1.1");
    expect(i11.map((i) => [i.name, i.target, i.weight])).toEqual([
      ["Pratiche SUE presentate online", ">= 80%", 0.4],
      ["Tempo medio di rilascio del permesso di costruire", "<= 60", 0.6],
    ]);
    expect(i11[0].targets).toEqual({ "2025": ">= 80%", "2026": ">= 90%", "2027": "100%" });
    expect(i11[0].baseline).toEqual({ "2024": "60%" });
    expect(indicatorsOf(m, "1.2").map((i) => i.weight)).toEqual([1]);
    expect(indicatorsOf(m, "2.1").map((i) => i.target)).toEqual([">= 65%"]);
    const op = m.operationalObjectives.find((o) => o.code === "1.1");
    expect(op?.dirigente).toBe("Ing. Marco Rossi");
    expect(unitOf(m, "1.1")?.settore).toBe("Settore 3 - Lavori pubblici");
    expect(unitOf(m, "2.1")?.settore).toBe("Settore 5 - Ambiente");
  });
});

describe("PEG by centro di responsabilità, `Obiettivo n. 1.2` blocks", () => {
  const g = tsv([
    "COMUNE DI SAN MARTINO",
    "PIANO ESECUTIVO DI GESTIONE 2025",
    "",
    "CENTRO DI RESPONSABILITÀ: SETTORE 2 - SERVIZI FINANZIARI",
    "Dirigente: Dott. Paolo Verdi",
    "",
    "Obiettivo n. 1.2 - Riduzione dei tempi di pagamento delle fatture",
    "Indicatore\tTarget\tPeso",
    "Indicatore annuale di tempestività dei pagamenti\t<= 0 gg\t60%",
    "Fatture pagate entro 30 giorni\t>= 95%\t40%",
    "",
    "Obiettivo n. 1.3 - Recupero dell'evasione IMU",
    "Indicatore\tTarget\tPeso",
    "Avvisi di accertamento emessi\t>= 300\t100%",
    "",
    "CENTRO DI RESPONSABILITÀ: SETTORE 4 - POLIZIA LOCALE",
    "Dirigente: Comm. Luca Neri",
    "",
    "Obiettivo n. 2.1 - Sicurezza stradale nei pressi delle scuole",
    "Indicatore\tTarget\tPeso",
    "Ore di presidio agli ingressi scolastici\t>= 400\t70%",
    "Controlli della velocità\t>= 50\t30%",
  ]);

  it("reads each block with its code, indicators and weights", () => {
    const m = build([g]);
    expect(m.plan.year).toBe(2025);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["1.2", "Riduzione dei tempi di pagamento delle fatture"],
      ["1.3", "Recupero dell'evasione IMU"],
      ["2.1", "Sicurezza stradale nei pressi delle scuole"],
    ]);
    expect(indicatorsOf(m, "1.2").map((i) => [i.name, i.target, i.weight])).toEqual([
      ["Indicatore annuale di tempestività dei pagamenti", "<= 0 gg", 0.6],
      ["Fatture pagate entro 30 giorni", ">= 95%", 0.4],
    ]);
    expect(indicatorsOf(m, "1.3").map((i) => i.target)).toEqual([">= 300"]);
    expect(indicatorsOf(m, "2.1").map((i) => i.weight)).toEqual([0.7, 0.3]);
  });

  it("a centro di responsabilità line starts the unit of the blocks below it", () => {
    const m = build([g]);
    for (const code of ["1.2", "1.3"]) {
      expect(unitOf(m, code)?.settore).toBe("SETTORE 2 - SERVIZI FINANZIARI");
      expect(unitOf(m, code)?.dirigente).toBe("Dott. Paolo Verdi");
    }
    expect(unitOf(m, "2.1")?.settore).toBe("SETTORE 4 - POLIZIA LOCALE");
    expect(unitOf(m, "2.1")?.dirigente).toBe("Comm. Luca Neri");
    expect(m.operationalObjectives[2].dirigente).toBe("Comm. Luca Neri");
  });
});

describe("scheda obiettivo with result columns (consuntivo and % di raggiungimento)", () => {
  const g = tsv([
    "SCHEDA OBIETTIVO N. 4",
    "Obiettivo\tPotenziamento dei servizi bibliotecari",
    "Descrizione obiettivo\tAmpliare l'orario di apertura e l'offerta di prestiti della biblioteca civica",
    "Risultato atteso\tMaggiore fruizione della biblioteca da parte dei cittadini",
    "Responsabile\tDott.ssa Carla Gialli",
    "",
    "Indicatore di risultato\tValore obiettivo\tPeso ponderale\tConsuntivo al 31/12\t% di raggiungimento",
    "Ore settimanali di apertura\t>= 36\t50%\t38\t100%",
    "Prestiti annui\t>= 12.000\t30%\t10.800\t90%",
    "Iniziative di promozione della lettura\t>= 10\t20%\t12\t100%",
  ]);

  it("reads title, description, responsabile and each indicator with its actual", () => {
    const m = build([g], 2025);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["4", "Potenziamento dei servizi bibliotecari"],
    ]);
    const op = m.operationalObjectives[0];
    expect(op.description).toBe(
      "Ampliare l'orario di apertura e l'offerta di prestiti della biblioteca civica"
    );
    expect(op.dirigente).toBe("Dott.ssa Carla Gialli");
    expect(m.indicators.map((i) => [i.name, i.target, i.weight, i.actual])).toEqual([
      ["Ore settimanali di apertura", ">= 36", 0.5, "38"],
      ["Prestiti annui", ">= 12.000", 0.3, "10.800"],
      ["Iniziative di promozione della lettura", ">= 10", 0.2, "12"],
    ]);
    expect(m.indicators[0].actualSource).toBe("piano.txt!D8");
  });
});

describe("relazione sulla performance: target, valore raggiunto, scostamento, grado", () => {
  const g = tsv([
    "Relazione sulla performance 2024 - Unione dei Comuni della Valle",
    "Obiettivo\tIndicatore\tTarget\tValore raggiunto\tScostamento\tGrado di raggiungimento",
    "OB 3 - Gestione associata della centrale unica di committenza\tGare concluse\t>= 20\t24\t+4\t100%",
    "\tTempo medio di aggiudicazione (giorni)\t<= 90\t104\t+14\t87%",
    "OB 4 - Sportello unico per le attività produttive\tPratiche SUAP evase nei termini\t>= 95%\t97%\t+2%\t100%",
  ]);

  it("codes from `OB 3 -` titles, actuals from `Valore raggiunto`, not from the scostamento", () => {
    const m = build([g]);
    expect(m.plan.year).toBe(2024);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["3", "Gestione associata della centrale unica di committenza"],
      ["4", "Sportello unico per le attività produttive"],
    ]);
    expect(m.indicators.map((i) => [i.objectiveCode, i.name, i.target, i.actual])).toEqual([
      ["3", "Gare concluse", ">= 20", "24"],
      ["3", "Tempo medio di aggiudicazione (giorni)", "<= 90", "104"],
      ["4", "Pratiche SUAP evase nei termini", ">= 95%", "97%"],
    ]);
    expect(m.indicators.map((i) => i.weight)).toEqual([null, null, null]);
  });
});

describe("matrix with the header over two rows and merged group headers", () => {
  const rows: CellValue[][] = [
    ["Obiettivi di PEG 2026", null, null, null, null, null, null, null, null],
    ["N.", "Obiettivo", "Indicatore", "Target", null, null, "Peso", "Rendicontazione", null],
    [null, null, null, "2025", "2026", "2027", null, "Valore al 31/12", "Note"],
    [
      "5",
      "Riqualificazione dei parchi urbani",
      "Aree verdi riqualificate",
      "2",
      "4",
      "6",
      "0,5",
      "3",
      "lavori in corso",
    ],
    [
      null,
      null,
      "Nuove alberature messe a dimora",
      "100",
      "150",
      "200",
      "0,5",
      null,
      "gara da bandire",
    ],
    [
      "6",
      "Efficientamento energetico degli edifici",
      "Consumo di energia elettrica (kWh)",
      "-5%",
      "-10%",
      "-15%",
      "1",
      "-12%",
      null,
    ],
  ];
  const g: Grid = {
    sheet: "PEG",
    rows,
    merges: [
      { top: 1, left: 3, bottom: 1, right: 5 },
      { top: 1, left: 7, bottom: 1, right: 8 },
    ],
  };

  it("targets by year under the group, actuals from the sub-label, notes are not actuals", () => {
    const m = build([g]);
    expect(m.plan.year).toBe(2026);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["5", "Riqualificazione dei parchi urbani"],
      ["6", "Efficientamento energetico degli edifici"],
    ]);
    expect(m.indicators.map((i) => [i.name, i.target, i.weight, i.actual])).toEqual([
      ["Aree verdi riqualificate", "4", 0.5, "3"],
      ["Nuove alberature messe a dimora", "150", 0.5, null],
      ["Consumo di energia elettrica (kWh)", "-10%", 1, "-12%"],
    ]);
    expect(m.indicators[0].targets).toEqual({ "2025": "2", "2026": "4", "2027": "6" });
  });
});

describe("ASP scheda di budget: columns in unusual order, weights as coefficients", () => {
  const g = tsv([
    "Azienda Servizi alla Persona - Schede di budget 2025",
    "Coefficiente di ponderazione\tStandard atteso\tIndicatore\tObiettivo di budget\tCodice\tU.O.C.",
    "0,6\t>= 90%\tPIAI redatti entro 30 giorni dall'ingresso\tPresa in carico degli ospiti\tB1\tServizi residenziali",
    "0,4\t<= 2%\tCadute con esito traumatico\tPresa in carico degli ospiti\tB1\tServizi residenziali",
    "1\t>= 95%\tUtenti soddisfatti del servizio pasti\tQualità della ristorazione\tB2\tServizi alberghieri",
  ]);

  it("reads codes, titles, standards as targets, coefficients as fractions, the U.O.C. as unit", () => {
    const m = build([g]);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["B1", "Presa in carico degli ospiti"],
      ["B2", "Qualità della ristorazione"],
    ]);
    expect(m.indicators.map((i) => [i.objectiveCode, i.name, i.target, i.weight])).toEqual([
      ["B1", "PIAI redatti entro 30 giorni dall'ingresso", ">= 90%", 0.6],
      ["B1", "Cadute con esito traumatico", "<= 2%", 0.4],
      ["B2", "Utenti soddisfatti del servizio pasti", ">= 95%", 1],
    ]);
    expect(unitOf(m, "B1")?.servizio).toBe("Servizi residenziali");
    expect(unitOf(m, "B2")?.servizio).toBe("Servizi alberghieri");
  });
});

describe("units as section rows, numbered objectives `1.` over `1.1`", () => {
  const g = tsv([
    "SETTORE 3 - LAVORI PUBBLICI",
    "Dirigente: Ing. Giorgio Blu",
    "",
    "1. MANUTENZIONE DEL PATRIMONIO COMUNALE",
    "1.1 Manutenzione straordinaria delle scuole",
    "Indicatore\tTarget\tPeso",
    "Interventi completati\t>= 8\t20",
    "Spesa impegnata sul programmato\t>= 90%\t80",
    "",
    "1.2 Illuminazione pubblica a LED",
    "Indicatore\tTarget\tPeso",
    "Punti luce sostituiti\t>= 500\t100",
    "",
    "SETTORE 5 - SERVIZI SOCIALI",
    "Dirigente: Dott.ssa Maria Viola",
    "",
    "2. INCLUSIONE SOCIALE",
    "2.1 Sostegno alle famiglie in difficoltà",
    "Indicatore\tTarget\tPeso",
    "Nuclei presi in carico\t>= 120\t100",
  ]);

  it("strategic `1.` with operational `1.1` and `1.2` below, weights `20` as 0.2", () => {
    const m = build([g], 2025);
    expect(m.strategicObjectives.map((s) => [s.code, s.title])).toEqual([
      ["1", "MANUTENZIONE DEL PATRIMONIO COMUNALE"],
      ["2", "INCLUSIONE SOCIALE"],
    ]);
    expect(m.operationalObjectives.map((o) => [o.code, o.title, o.strategicCode])).toEqual([
      ["1.1", "Manutenzione straordinaria delle scuole", "1"],
      ["1.2", "Illuminazione pubblica a LED", "1"],
      ["2.1", "Sostegno alle famiglie in difficoltà", "2"],
    ]);
    expect(indicatorsOf(m, "1.1").map((i) => [i.name, i.target, i.weight])).toEqual([
      ["Interventi completati", ">= 8", 0.2],
      ["Spesa impegnata sul programmato", ">= 90%", 0.8],
    ]);
    expect(indicatorsOf(m, "2.1").map((i) => i.weight)).toEqual([1]);
  });

  it("the unit and its dirigente go to the objectives of their section", () => {
    const m = build([g], 2025);
    expect(unitOf(m, "1.1")?.settore).toBe("SETTORE 3 - LAVORI PUBBLICI");
    expect(unitOf(m, "1.2")?.dirigente).toBe("Ing. Giorgio Blu");
    expect(unitOf(m, "2.1")?.settore).toBe("SETTORE 5 - SERVIZI SOCIALI");
    expect(unitOf(m, "2.1")?.dirigente).toBe("Dott.ssa Maria Viola");
  });
});

describe("`Ob. op. 2.4` block titles with a strategic heading", () => {
  const g = tsv([
    "Obiettivo strategico: Valorizzare il patrimonio culturale della città",
    "",
    "Ob. op. 2.4 - Apertura serale del museo civico",
    "Indicatore\tValore atteso\tPeso",
    "Aperture serali realizzate\t>= 20\t50%",
    "Visitatori nelle aperture serali\t>= 1.500\t50%",
    "",
    "Ob. op. 2.5 - Catalogazione digitale del fondo fotografico",
    "Indicatore\tValore atteso\tPeso",
    "Fotografie catalogate\t>= 3.000\t100%",
  ]);

  it("codes 2.4 and 2.5 under the strategic objective", () => {
    const m = build([g], 2025);
    expect(m.strategicObjectives.map((s) => s.title)).toEqual([
      "Valorizzare il patrimonio culturale della città",
    ]);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["2.4", "Apertura serale del museo civico"],
      ["2.5", "Catalogazione digitale del fondo fotografico"],
    ]);
    const sid = m.strategicObjectives[0].code ?? m.strategicObjectives[0].id;
    expect(m.operationalObjectives.map((o) => o.strategicCode)).toEqual([sid, sid]);
    expect(indicatorsOf(m, "2.4").map((i) => [i.name, i.target, i.weight])).toEqual([
      ["Aperture serali realizzate", ">= 20", 0.5],
      ["Visitatori nelle aperture serali", ">= 1.500", 0.5],
    ]);
  });
});

describe("PDF paste of a matrix: spacer rows, page footers, repeated page header, notes", () => {
  const head = "Codice\tObiettivo operativo\tIndicatore\tTarget\tPeso";
  const g = tsv([
    "Comune di Monteverde - Piano della performance 2025",
    "",
    head,
    "OP1\tGestione documentale digitale\tDocumenti protocollati in digitale\t100%\t50%",
    "\t\tFascicoli informatici aperti\t>= 1.000\t50%",
    "",
    "OP2\tRiscossione coattiva\tIncassi da ruoli pregressi\t>= 150.000 euro\t100%",
    "Pagina 1 di 2",
    "Comune di Monteverde - Piano della performance 2025",
    head,
    "OP3\tServizio di trasporto scolastico\tStudenti trasportati\t>= 300\t60%",
    "\t\tReclami ricevuti\t<= 5\t40%",
    "Pagina 2 di 2",
    "",
    "Note: i target sono riferiti al 31 dicembre 2025; i pesi sono espressi in percentuale.",
  ]);

  it("three objectives, no page line or note read as an objective or indicator", () => {
    const m = build([g]);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["OP1", "Gestione documentale digitale"],
      ["OP2", "Riscossione coattiva"],
      ["OP3", "Servizio di trasporto scolastico"],
    ]);
    expect(m.indicators.map((i) => [i.objectiveCode, i.name, i.target, i.weight])).toEqual([
      ["OP1", "Documenti protocollati in digitale", "100%", 0.5],
      ["OP1", "Fascicoli informatici aperti", ">= 1.000", 0.5],
      ["OP2", "Incassi da ruoli pregressi", ">= 150.000 euro", 1],
      ["OP3", "Studenti trasportati", ">= 300", 0.6],
      ["OP3", "Reclami ricevuti", "<= 5", 0.4],
    ]);
  });

  it("a page break inside an objective keeps its indicators together", () => {
    const split = tsv([
      head,
      "OP7\tSportello polifunzionale\tPratiche evase allo sportello\t>= 2.000\t40%",
      "Pagina 3 di 9",
      head,
      "\t\tTempo medio di attesa (minuti)\t<= 15\t60%",
      "OP8\tAnagrafe digitale\tCertificati rilasciati online\t>= 70%\t100%",
    ]);
    const m = build([split], 2025);
    expect(m.operationalObjectives.map((o) => o.code)).toEqual(["OP7", "OP8"]);
    expect(indicatorsOf(m, "OP7").map((i) => [i.name, i.weight])).toEqual([
      ["Pratiche evase allo sportello", 0.4],
      ["Tempo medio di attesa (minuti)", 0.6],
    ]);
  });
});

describe("text pasted from a PDF in one column", () => {
  const g = tsv([
    "UNIONE DEI COMUNI DEL TAVOLIERE",
    "Piano della performance 2025",
    "OBIETTIVO N. 5 - Transizione digitale dei servizi demografici",
    "Responsabile: Dott. Franco Rosa",
    "Indicatori Target Peso",
    "Certificati anagrafici rilasciati online >= 70% 40%",
    "Carte d'identità elettroniche emesse >= 2.500 30%",
    "Tempo medio di attesa allo sportello <= 15 minuti 30%",
    "TOTALE 100%",
  ]);

  it("each line gives name, target as written and weight; the TOTALE is declared", () => {
    const m = build([g]);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["5", "Transizione digitale dei servizi demografici"],
    ]);
    expect(m.operationalObjectives[0].dirigente).toBe("Dott. Franco Rosa");
    expect(m.operationalObjectives[0].declaredWeightTotal).toBe(1);
    expect(m.indicators.map((i) => [i.name, i.target, i.weight])).toEqual([
      ["Certificati anagrafici rilasciati online", ">= 70%", 0.4],
      ["Carte d'identità elettroniche emesse", ">= 2.500", 0.3],
      ["Tempo medio di attesa allo sportello", "<= 15 minuti", 0.3],
    ]);
  });
});

describe("sheets that are not plans", () => {
  function expectNothing(g: Grid) {
    const m = build([g]);
    expect(m.operationalObjectives).toEqual([]);
    expect(m.strategicObjectives).toEqual([]);
    expect(m.indicators).toEqual([]);
    expect(m.findings).toContainEqual(
      expect.objectContaining({
        severity: "info",
        code: "LAYOUT_NOT_RECOGNIZED",
        message: expect.stringMatching(
          new RegExp(
            `^Nessuna scheda riconosciuta nel foglio "${g.sheet}" \\(celle A1:[A-Z]+\\d+\\)$`
          )
        ),
      })
    );
  }

  it("a budget table (capitoli, stanziamenti, impegni)", () => {
    expectNothing(
      tsv(
        [
          "Bilancio di previsione 2025 - Spese",
          "Capitolo\tDescrizione\tStanziamento\tImpegnato\tPagato",
          "1010\tStipendi personale uffici generali\t250.000,00\t248.100,00\t230.000,00",
          "1020\tUtenze e canoni\t80.000,00\t75.400,00\t60.000,00",
          "TOTALE\t\t330.000,00\t323.500,00\t290.000,00",
        ],
        "Spese"
      )
    );
  });

  it("a budget table by missione and programma with previsioni by year", () => {
    expectNothing(
      tsv(
        [
          "Missione\tProgramma\tTitolo\tPrevisione 2025\tPrevisione 2026\tImpegnato 2024",
          "01\t02\tSpese correnti\t1.200.000\t1.150.000\t1.180.000",
          "04\t06\tSpese in conto capitale\t350.000\t200.000\t410.000",
          "12\t07\tSpese correnti\t90.000\t95.000\t88.000",
        ],
        "Previsioni"
      )
    );
  });

  it("a staff list", () => {
    expectNothing(
      tsv(
        [
          "Dotazione organica al 31/12/2024",
          "Matricola\tCognome\tNome\tCategoria\tProfilo\tSettore\tResponsabile",
          "1021\tRossi\tMario\tD\tIstruttore direttivo\tRagioneria\tsì",
          "1044\tBianchi\tAnna\tC\tIstruttore amministrativo\tAnagrafe\tno",
          "1102\tVerdi\tLuca\tB\tOperaio\tLavori pubblici\tno",
        ],
        "Personale"
      )
    );
  });

  it("a random notes sheet", () => {
    expectNothing(
      tsv(
        [
          "Appunti riunione del 12 marzo",
          "- sentire il segretario per il regolamento",
          "1. Verificare i target con i dirigenti entro aprile",
          "2. Inviare al Nucleo di valutazione",
          "Ricordarsi: peso e target da condividere",
        ],
        "Appunti"
      )
    );
  });
});

describe("PIAO matrix with group headers over code/description pairs (merged cells)", () => {
  const rows: CellValue[][] = [
    ["OBIETTIVO OPERATIVO", null, "INDICATORE", null, "TARGET", null, null, "PESO"],
    ["Codice", "Descrizione", "Descrizione", "Unità di misura", "2025", "2026", "2027", null],
    [
      "3.2.1",
      "Riduzione dell'arretrato delle pratiche di condono",
      "Pratiche di condono definite",
      "n.",
      ">= 150",
      ">= 200",
      ">= 250",
      "20%",
    ],
    [null, null, "Arretrato residuo al 31/12", "n.", "<= 400", "<= 200", "0", "80%"],
    [
      "3.2.2",
      "Vigilanza sull'attività edilizia",
      "Sopralluoghi effettuati",
      "n.",
      ">= 120",
      ">= 120",
      ">= 120",
      "100%",
    ],
  ];
  const g: Grid = {
    sheet: "Sezione 2.2",
    rows,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 6 },
      { top: 0, left: 7, bottom: 1, right: 7 },
    ],
  };

  it("`Codice` and `Descrizione` under OBIETTIVO OPERATIVO are its code and title; under INDICATORE, its name", () => {
    const m = build([g], 2025);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["3.2.1", "Riduzione dell'arretrato delle pratiche di condono"],
      ["3.2.2", "Vigilanza sull'attività edilizia"],
    ]);
    expect(m.indicators.map((i) => [i.objectiveCode, i.name, i.unit, i.target, i.weight])).toEqual([
      ["3.2.1", "Pratiche di condono definite", "n.", ">= 150", 0.2],
      ["3.2.1", "Arretrato residuo al 31/12", "n.", "<= 400", 0.8],
      ["3.2.2", "Sopralluoghi effettuati", "n.", ">= 120", 1],
    ]);
    expect(m.indicators[1].targets).toEqual({ "2025": "<= 400", "2026": "<= 200", "2027": "0" });
  });
});

describe("more sheets that are not plans", () => {
  it("a PEG financial table (titolo, previsioni by year, responsabile) has no objectives", () => {
    const g = tsv(
      [
        "Capitolo\tTitolo\tPrevisione 2025\tPrevisione 2026\tResponsabile",
        "1010\tSpese correnti per il personale\t1.200.000,00\t1.150.000,00\tRossi",
        "2040\tAcquisto di attrezzature\t35.000,00\t20.000,00\tBianchi",
      ],
      "Risorse PEG"
    );
    const m = build([g]);
    expect(m.operationalObjectives).toEqual([]);
    expect(m.indicators).toEqual([]);
    expect(m.findings.map((f) => f.code)).toContain("LAYOUT_NOT_RECOGNIZED");
  });
});

describe("scheda written as `key | value` rows with codes inside the titles", () => {
  const g = tsv([
    "SCHEDA OBIETTIVO",
    "Settore\tServizi demografici",
    "Responsabile\tDott. Ugo Sala",
    "Obiettivo strategico\t2 - Una città semplice",
    "Obiettivo operativo\t2.3 - Anagrafe senza code",
    "Peso obiettivo\t15",
    "Descrizione\tPrenotazione online degli appuntamenti e rilascio immediato dei certificati",
    "",
    "Indicatore\tFormula\tTarget 2025\tPeso",
    "Appuntamenti prenotati online\tprenotazioni online / totale\t>= 60%\t0,5",
    "Attesa media allo sportello\tminuti\t<= 10\t0,5",
  ]);

  it("strategic 2 over operational 2.3, objective weight, settore and responsabile", () => {
    const m = build([g], 2025);
    expect(m.strategicObjectives.map((s) => [s.code, s.title])).toEqual([
      ["2", "Una città semplice"],
    ]);
    expect(
      m.operationalObjectives.map((o) => [o.code, o.title, o.strategicCode, o.weight])
    ).toEqual([["2.3", "Anagrafe senza code", "2", 15]]);
    const op = m.operationalObjectives[0];
    expect(op.description).toBe(
      "Prenotazione online degli appuntamenti e rilascio immediato dei certificati"
    );
    expect(op.dirigente).toBe("Dott. Ugo Sala");
    expect(unitOf(m, "2.3")?.settore).toBe("Servizi demografici");
    expect(m.indicators.map((i) => [i.name, i.target, i.weight])).toEqual([
      ["Appuntamenti prenotati online", ">= 60%", 0.5],
      ["Attesa media allo sportello", "<= 10", 0.5],
    ]);
  });
});

describe("data rows that look like labels", () => {
  it("`Indicatore 1.5 …` with unit `N.` and target `SI` is a row of the table, not a new header", () => {
    const g = tsv([
      "Codice\tObiettivo operativo\tIndicatore\tUnità di misura\tValore atteso\tPeso",
      "OP1\tSemplificare le pratiche\tIndicatore 1.4 sulle pratiche gestite\tN.\t>= 10\t50%",
      "\t\tIndicatore 1.5 sulle pratiche gestite\tN.\tSI\t50%",
      "OP2\tRidurre i tempi\tIndicatore 2.1 sui tempi\tgg.\t<= 30\t100%",
    ]);
    const m = build([g], 2025);
    expect(m.operationalObjectives.map((o) => o.code)).toEqual(["OP1", "OP2"]);
    expect(indicatorsOf(m, "OP1").map((i) => [i.name, i.unit, i.target])).toEqual([
      ["Indicatore 1.4 sulle pratiche gestite", "N.", ">= 10"],
      ["Indicatore 1.5 sulle pratiche gestite", "N.", "SI"],
    ]);
  });
});

describe("strategic section rows over a matrix of operational objectives", () => {
  const g = tsv([
    "OBIETTIVO STRATEGICO 1 - CITTÀ SICURA",
    "Cod.\tObiettivo operativo\tIndicatore\tTarget\tPeso\tResponsabile",
    "1.1\tPresidio del territorio nelle ore serali\tPattuglie serali effettuate\t>= 200\t100%\tComm. Neri",
    "1.2\tEducazione stradale nelle scuole\tClassi coinvolte\t>= 30\t100%\tComm. Neri",
    "",
    "OBIETTIVO STRATEGICO 2 - CITTÀ CHE CURA",
    "Cod.\tObiettivo operativo\tIndicatore\tTarget\tPeso\tResponsabile",
    "2.1\tAssistenza domiciliare agli anziani\tOre di assistenza erogate\t>= 5.000\t100%\tDott.ssa Viola",
  ]);

  it("each operational code under the strategic objective its number belongs to", () => {
    const m = build([g], 2025);
    expect(m.strategicObjectives.map((s) => [s.code, s.title])).toEqual([
      ["1", "CITTÀ SICURA"],
      ["2", "CITTÀ CHE CURA"],
    ]);
    expect(m.operationalObjectives.map((o) => [o.code, o.strategicCode, o.dirigente])).toEqual([
      ["1.1", "1", "Comm. Neri"],
      ["1.2", "1", "Comm. Neri"],
      ["2.1", "2", "Dott.ssa Viola"],
    ]);
    expect(m.indicators.map((i) => [i.objectiveCode, i.target, i.weight])).toEqual([
      ["1.1", ">= 200", 1],
      ["1.2", ">= 30", 1],
      ["2.1", ">= 5.000", 1],
    ]);
  });
});

describe("the same group header pasted as text (merges lost)", () => {
  it("`Obiettivo operativo` over `Codice | Descrizione`, `Target` over three years", () => {
    const g = tsv([
      "Obiettivo operativo\t\tIndicatore\tTarget\t\t\tPeso",
      "Codice\tDescrizione\t\t2025\t2026\t2027\t",
      "4.1\tContrasto all'evasione dei tributi locali\tAccertamenti emessi\t>= 800\t>= 900\t>= 1.000\t100",
      "4.2\tRiscossione delle entrate patrimoniali\tIncassato su accertato\t>= 85%\t>= 88%\t>= 90%\t100",
    ]);
    const m = build([g], 2026);
    expect(m.operationalObjectives.map((o) => [o.code, o.title])).toEqual([
      ["4.1", "Contrasto all'evasione dei tributi locali"],
      ["4.2", "Riscossione delle entrate patrimoniali"],
    ]);
    expect(m.indicators.map((i) => [i.name, i.target, i.weight])).toEqual([
      ["Accertamenti emessi", ">= 900", 1],
      ["Incassato su accertato", ">= 88%", 1],
    ]);
  });
});

describe("csv export (`;`) of a matrix whose strategic rows carry only a code and a title", () => {
  it("`1` rows without indicators are strategic, `1.1` rows their operational objectives", () => {
    const csv = [
      "Codice;Obiettivo;Indicatore;Target;Peso",
      "1;Città sostenibile;;;",
      '1.1;Mobilità dolce;"Km di piste ciclabili realizzati";">= 5";0,6',
      '1.1;Mobilità dolce;"Stalli per biciclette installati";">= 100";0,4',
      "2;Città della cultura;;;",
      '2.1;Stagione teatrale;"Spettatori";">= 8.000";1',
    ].join("\n");
    const m = build([textToGrid(csv, "export.csv", { format: "csv" })], 2025);
    expect(m.strategicObjectives.map((s) => [s.code, s.title])).toEqual([
      ["1", "Città sostenibile"],
      ["2", "Città della cultura"],
    ]);
    expect(m.operationalObjectives.map((o) => [o.code, o.title, o.strategicCode])).toEqual([
      ["1.1", "Mobilità dolce", "1"],
      ["2.1", "Stagione teatrale", "2"],
    ]);
    expect(m.indicators.map((i) => [i.objectiveCode, i.name, i.target, i.weight])).toEqual([
      ["1.1", "Km di piste ciclabili realizzati", ">= 5", 0.6],
      ["1.1", "Stalli per biciclette installati", ">= 100", 0.4],
      ["2.1", "Spettatori", ">= 8.000", 1],
    ]);
  });
});
