/**
 * More target and actual forms, as other Italian comuni write them in their PEG / Piano della
 * performance (docs/targets.md): the rule each target is read into, and the status and
 * achievement a controllo di gestione officer would give each actual.
 */
import { evaluateTarget, readTarget, renderRule, type TargetContext } from "../../src/core/targets";
import type { TargetRule } from "../../src/core/model";

const Y: TargetContext = { year: 2025 };

function read(t: string, ctx: TargetContext = Y): TargetRule {
  return readTarget(t, ctx);
}

function ev(
  target: string,
  actual: string | number | boolean | Date | null,
  ctx: TargetContext = {}
): { status: string; achievement: number | null } {
  const c = { ...Y, ...ctx };
  const r = evaluateTarget(readTarget(target, c), actual, c);
  return {
    status: r.status,
    achievement: r.achievement === null ? null : Math.round(r.achievement * 1e4) / 1e4,
  };
}

const PCT_DOWN = { op: "relative", unit: "percent", relative: { mode: "percent", sign: -1 } };
const PCT_UP = { op: "relative", unit: "percent", relative: { mode: "percent", sign: 1 } };
const BASE_UP = { op: "relative", value: 0, relative: { mode: "absolute", sign: 1 } };
const BASE_DOWN = { op: "relative", value: 0, relative: { mode: "absolute", sign: -1 } };
const DONE = { op: "done", unit: "boolean" };
const ZERO = { op: "<=", value: 0, direction: "lower" };

describe("reading more forms: op, value and unit", () => {
  it.each<[string, Record<string, unknown>]>([
    // relative to the baseline
    ["Riduzione del 10% rispetto al 2024", { ...PCT_DOWN, value: 10 }],
    ["Incremento del 5%", { ...PCT_UP, value: 5 }],
    ["Riduzione di almeno il 5%", { ...PCT_DOWN, value: 5 }],
    ["Riduzione ≥ 10%", { ...PCT_DOWN, value: 10 }],
    ["Incremento ≥ 5%", { ...PCT_UP, value: 5 }],
    ["Mantenimento del livello 2024", BASE_UP],
    ["> 2024", BASE_UP],
    ["Superiore al 2024", BASE_UP],
    ["almeno pari al 2024", BASE_UP],
    ["Pari al 2024", BASE_UP],
    ["Migliorare il dato 2024", BASE_UP],
    ["≤ 2024", BASE_DOWN],
    ["Non superiore al valore 2024", BASE_DOWN],
    ["Nessun incremento della spesa", BASE_DOWN],
    ["Numero di reclami ≤ anno precedente", BASE_DOWN],
    ["+ 10 iscritti", { op: "relative", value: 10, relative: { mode: "absolute", sign: 1 } }],
    // a number after the year's place is a quantity again
    ["> 2024 utenti", { op: ">", value: 2024, unit: "count" }],
    // operators typed with a space inside
    ["= > 15", { op: ">=", value: 15 }],
    ["= < 30 gg", { op: "<=", value: 30, unit: "days" }],
    ["> = 80%", { op: ">=", value: 80, unit: "percent" }],
    // limits in days
    ["non superiore a 30 giorni", { op: "<=", value: 30, unit: "days" }],
    ["Entro 30 gg dalla richiesta", { op: "<=", value: 30, unit: "days" }],
    ["Entro 2 mesi", { op: "<=", value: 60, unit: "days" }],
    ["Entro 6 mesi dall'approvazione", { op: "<=", value: 180, unit: "days" }],
    ["da 2 a 3 mesi", { op: "between", value: 60, valueMax: 90, unit: "days" }],
    ["Tempo medio di pagamento ≤ 0 gg", { op: "<=", value: 0, unit: "days" }],
    // payments' timeliness and zero targets
    ["Indicatore di tempestività dei pagamenti < 0", { op: "<", value: 0 }],
    ["Indicatore di tempestività dei pagamenti negativo", { op: "<", value: 0 }],
    ["ITP: valore negativo", { op: "<", value: 0 }],
    ["Indicatore di tempestività dei pagamenti inferiore a zero", { op: "<", value: 0 }],
    ["Nessun rilievo", ZERO],
    ["0 contenziosi", ZERO],
    ["Zero reclami", ZERO],
    ["Azzeramento dei contenziosi", ZERO],
    ["Pari a zero", ZERO],
    // deadlines
    ["Approvazione entro il 30 giugno", { op: "deadline", date: "2025-06-30" }],
    ["Entro il 31 dicembre 2025", { op: "deadline", date: "2025-12-31" }],
    ["Entro il termine del 30/06/2025", { op: "deadline", date: "2025-06-30" }],
    ["Entro il II semestre", { op: "deadline", date: "2025-12-31" }],
    ["I trimestre 2025", { op: "deadline", date: "2025-03-31" }],
    ["entro il secondo quadrimestre", { op: "deadline", date: "2025-08-31" }],
    ["I sem. 2025", { op: "deadline", date: "2025-06-30" }],
    ["entro il 1° sem.", { op: "deadline", date: "2025-06-30" }],
    ["Entro la fine del primo semestre", { op: "deadline", date: "2025-06-30" }],
    ["Entro metà anno", { op: "deadline", date: "2025-06-30" }],
    ["entro il 31 dic. 2025", { op: "deadline", date: "2025-12-31" }],
    // counts and percentages
    ["n. 2 report", { op: ">=", value: 2, unit: "count", assumed: true }],
    ["Almeno 2 incontri annui", { op: ">=", value: 2, unit: "count" }],
    ["100% delle pratiche", { op: ">=", value: 100, unit: "percent" }],
    ["≥ 90%", { op: ">=", value: 90, unit: "percent" }],
    ["Almeno l'80%", { op: ">=", value: 80, unit: "percent" }],
    ["pari o superiore al 95%", { op: ">=", value: 95, unit: "percent" }],
    ["Percentuale ≥ 80", { op: ">=", value: 80, unit: "percent" }],
    ["Tasso di copertura ≥ 80", { op: ">=", value: 80, unit: "percent" }],
    // clearing a backlog is higher-is-better, a backlog alone lower-is-better
    ["Smaltimento arretrato: 100%", { op: ">=", value: 100, unit: "percent" }],
    ["Recupero evasione fiscale € 50.000", { op: ">=", value: 50000, unit: "euro" }],
    ["Pratiche arretrate 10", { op: "<=", value: 10 }],
    ["Almeno € 10.000", { op: ">=", value: 10000, unit: "euro" }],
    ["Minimo 5", { op: ">=", value: 5 }],
    ["Min 5", { op: ">=", value: 5 }],
    ["Max 3", { op: "<=", value: 3, direction: "lower" }],
    ["max. 3", { op: "<=", value: 3 }],
    // ranges, also written as a lower and an upper bound
    ["Tra 10 e 20", { op: "between", value: 10, valueMax: 20 }],
    ["da 10 a 20", { op: "between", value: 10, valueMax: 20 }],
    ["Min. 3 - Max 5", { op: "between", value: 3, valueMax: 5 }],
    ["Minimo 3, massimo 5", { op: "between", value: 3, valueMax: 5 }],
    ["non meno di 10 e non più di 20", { op: "between", value: 10, valueMax: 20 }],
    ["≥ 3 e ≤ 5", { op: "between", value: 3, valueMax: 5 }],
    ["da un minimo di 3 ad un massimo di 5", { op: "between", value: 3, valueMax: 5 }],
    // from the present level to the target level
    ["da 40 a 30 gg", { op: "<=", value: 30, unit: "days" }],
    ["Riduzione dei tempi da 40 a 30 gg", { op: "<=", value: 30, unit: "days" }],
    ["Aumento da 100 a 120 utenti", { op: ">=", value: 120 }],
    ["Incremento da 60% a 70%", { op: ">=", value: 70, unit: "percent" }],
    ["Da 5 a 10 eventi", { op: "between", value: 5, valueMax: 10 }],
    // one target per year, or a baseline and a target, in one cell
    ["70% (2025) - 80% (2026)", { op: ">=", value: 70, unit: "percent" }],
    ["Baseline 2024: 40 gg - Target: 30 gg", { op: "<=", value: 30, unit: "days" }],
    // done / not done
    ["Si/No", DONE],
    ["SI'", DONE],
    ["Realizzazione SI/NO", DONE],
    ["Attivazione del servizio: SI/NO", DONE],
    ["Rispetto della scadenza", DONE],
    ["Rispetto delle scadenze previste", DONE],
    ["0/1", DONE],
    ["1 = SI; 0 = NO", DONE],
    ["Rispetto del termine del 30/06/2025", { op: "deadline", date: "2025-06-30" }],
  ])("%j", (t, expected) => {
    expect(read(t)).toMatchObject(expected);
  });

  it("keeps bounds on different things as separate rules", () => {
    const r = read("Almeno 3 incontri e massimo 2 reclami");
    expect(r.op).toBe("all");
    expect(r.rules!.map((x) => [x.op, x.value])).toEqual([
      [">=", 3],
      ["<=", 2],
    ]);
    // a lower bound above the upper one is no range
    expect(read("Almeno 5 - massimo 3").op).toBe("all");
  });

  it("takes the plan year's target when each is followed by its year", () => {
    expect(read("70% (2025) - 80% (2026)", { year: 2026 })).toMatchObject({ op: ">=", value: 80 });
    expect(read("70% (2025) - 80% (2026)", { year: 2030 })).toMatchObject({ op: ">=", value: 70 });
  });

  it("reads a part of a count (`di cui`) as its own rule, named by the words after it", () => {
    const r = read("Almeno 10 controlli di cui 5 in orario notturno");
    expect(r.rules!.map((x) => [x.op, x.value, x.noun])).toEqual([
      [">=", 10, "controlli"],
      [">=", 5, "orario notturno"],
    ]);
  });

  it("renders the new forms in short Italian", () => {
    expect(renderRule(read("Min. 3 - Max 5"))).toBe("tra 3 e 5");
    expect(renderRule(read("Max 3"))).toBe("≤ 3");
    expect(renderRule(read("Percentuale ≥ 80"))).toBe("≥ 80%");
    expect(renderRule(read("> 2024"))).toBe("≥ valore base");
    expect(renderRule(read("Entro 2 mesi"))).toBe("≤ 60 gg");
    expect(renderRule(read("Rispetto della scadenza"))).toBe("SÌ");
  });

  it("leaves sentences without a measure to a person", () => {
    expect(read("Rispetto dei termini di legge").op).toBe("qualitative");
    expect(read("Esito positivo").op).toBe("qualitative");
  });
});

describe("evaluating more forms", () => {
  it.each<[string, string | number | null, TargetContext | null, string, number | null]>([
    // relative to the baseline
    ["Riduzione del 10% rispetto al 2024", "85", { baseline: "100" }, "met", 1],
    ["Riduzione del 10% rispetto al 2024", "95", { baseline: "100" }, "missed", 0.9474],
    ["Riduzione del 10% rispetto al 2024", "1.100", { baseline: "1.250" }, "met", 1],
    ["Riduzione del 10% rispetto al 2024", "-12%", null, "met", 1],
    ["Incremento del 5%", "105", { baseline: "100" }, "met", 1],
    ["Incremento del 5%", "102", { baseline: "100" }, "missed", 0.9714],
    ["Incremento del 5%", "+3%", null, "missed", 0.6],
    ["Incremento del 5%", "5,2%", null, "met", 1],
    ["Mantenimento del livello 2024", "100", { baseline: "100" }, "met", 1],
    ["Mantenimento del livello 2024", "95", { baseline: "100" }, "missed", 0.95],
    ["Mantenimento del livello 2024", "livello mantenuto", null, "met", 1],
    ["Mantenimento", "SI", null, "met", 1],
    ["Mantenimento", "100", null, "qualitative", null],
    ["> 2024", "2100", { baseline: "2000" }, "met", 1],
    ["> 2024", "1900", { baseline: "2000" }, "missed", 0.95],
    ["Non superiore al valore 2024", "110", { baseline: "100" }, "missed", 0.9091],
    ["≤ 2024", "90", { baseline: "100" }, "met", 1],
    ["Aumento di 2 punti percentuali", "+3 punti", null, "met", 1],
    ["+ 10 iscritti", "105", { baseline: "100" }, "missed", 0.9545],
    ["+ 10 iscritti", "+12", null, "met", 1],
    ["Nessun incremento della spesa", "105", { baseline: "100" }, "missed", 0.9524],
    ["Incremento di 5 punti percentuali rispetto al 2024", "66%", { baseline: "60%" }, "met", 1],
    ["Riduzione ≥ 10%", "-12%", null, "met", 1],
    ["Riduzione ≥ 10%", "-8%", null, "missed", 0.8],
    // limits in days
    ["non superiore a 30 giorni", "28 giorni", null, "met", 1],
    ["non superiore a 30 giorni", "40", null, "missed", 0.75],
    ["Entro 30 gg dalla richiesta", "25 gg", null, "met", 1],
    ["Entro 30 gg dalla richiesta", "35", null, "missed", 0.8571],
    ["Entro 2 mesi", "45 giorni", null, "met", 1],
    ["Entro 60 giorni", "3 mesi", null, "missed", 0.6667],
    ["Tempo medio di pagamento ≤ 0 gg", "-5", null, "met", 1],
    ["Tempo medio di pagamento ≤ 0 gg", "3 gg", null, "missed", 0],
    // timeliness of payments: strictly below zero
    ["Indicatore di tempestività dei pagamenti < 0", "-12,5", null, "met", 1],
    ["Indicatore di tempestività dei pagamenti < 0", "0", null, "missed", 0],
    ["Indicatore di tempestività dei pagamenti < 0", "2,3", null, "missed", 0],
    ["Indicatore di tempestività dei pagamenti negativo", "-4,5", null, "met", 1],
    // zero targets
    ["Nessun rilievo", "0", null, "met", 1],
    ["Nessun rilievo", "Nessun rilievo da parte del Revisore", null, "met", 1],
    ["Nessun rilievo", "2 rilievi", null, "missed", 0],
    ["0 contenziosi", "nessuno", null, "met", 1],
    ["0 contenziosi", "1", null, "missed", 0],
    ["Zero reclami", "zero", null, "met", 1],
    ["Zero reclami", "3 reclami", null, "missed", 0],
    ["Pari a zero", "2", null, "missed", 0],
    // deadlines against dates and periods (a period ends on its last day)
    ["Approvazione entro il 30 giugno", "15/06/2025", null, "met", 1],
    ["Approvazione entro il 30 giugno", "10/07/2025", null, "missed", 0],
    ["Approvazione entro il 30 giugno", "giugno 2025", null, "met", 1],
    ["Approvazione entro il 30 giugno", "approvato a luglio", null, "missed", 0],
    ["Approvazione entro il 30 giugno", null, { asOf: "2025-07-01" }, "overdue", null],
    ["Approvazione entro il 30 giugno", null, { asOf: "2025-06-15" }, "pending", null],
    ["Entro il 31 dicembre 2025", "20/12/2025", null, "met", 1],
    ["Entro il 31 dicembre 2025", "approvato il 15/01/2026", null, "missed", 0],
    ["Entro il 31/12/2025", "Approvato con DGC n. 200 del 30/12/2025", null, "met", 1],
    ["Entro il 30/06/2025", "II semestre", null, "missed", 0],
    ["Entro il 30/06/2025", "I semestre", null, "met", 1],
    ["Entro il 31/03/2025", "I trimestre 2025", null, "met", 1],
    ["entro il 30/09/2025", "IV trimestre", null, "missed", 0],
    ["Entro il II semestre", "15/11/2025", null, "met", 1],
    ["Entro il termine del 30/06/2025", "20/06/2025", null, "met", 1],
    ["Entro il 31/12", "nei termini", null, "met", 1],
    ["Entro il 30/09", "in ritardo", null, "missed", 0],
    // a day written as a decimal, or only a year
    ["Entro il 31/12", "31.12", null, "met", 1],
    ["Entro il 30/06", "15.7", null, "missed", 0],
    ["Entro il 31/12", "anno 2025", null, "met", 1],
    ["Entro il 31/12", "nel 2026", null, "missed", 0],
    ["Entro il 30/06/2025", "2024", null, "met", 1],
    ["Entro il 30/06/2025", "2025", null, "qualitative", null],
    ["Entro il 30/09", "fuori termine", null, "missed", 0],
    ["Entro il 30/09", "realizzato, non in ritardo", null, "met", 1],
    ["Entro il 30/06/2025", "Approvato con D.G.C. n. 123 del 27.06.2025", null, "met", 1],
    ["entro il 1° sem.", "01/07/2025", null, "missed", 0],
    ["Entro metà anno", "30/06/2025", null, "met", 1],
    // counts
    ["n. 2 report", "2", null, "met", 1],
    ["n. 2 report", "1 report", null, "missed", 0.5],
    ["Almeno 2 incontri annui", "n. 2 incontri (marzo e ottobre)", null, "met", 1],
    ["Almeno 2 incontri annui", "1", null, "missed", 0.5],
    ["Minimo 5", "4", null, "missed", 0.8],
    ["Max 3", "3", null, "met", 1],
    ["Max 3", "4", null, "missed", 0.75],
    ["Almeno 3", "3/5", null, "met", 1],
    ["Almeno 3 eventi", "Sono stati realizzati quattro eventi", null, "met", 1],
    ["Almeno 3 eventi", "2 eventi realizzati, 1 rinviato al 2026", null, "missed", 0.6667],
    ["Almeno 3 incontri", "realizzati 2 incontri su 3 previsti", null, "missed", 0.6667],
    ["Almeno 2 incontri", "Sì (3 incontri)", null, "met", 1],
    ["Riduzione da 40 a 30 giorni", "32", null, "missed", 0.9375],
    ["Aumento da 100 a 120 utenti", "115", null, "missed", 0.9583],
    ["Baseline 2024: 40 gg - Target: 30 gg", "28", null, "met", 1],
    // ranges
    ["Tra 10 e 20", "12", null, "met", 1],
    ["Tra 10 e 20", "22", null, "missed", 0.9091],
    ["da 10 a 20", "8", null, "missed", 0.8],
    ["Min. 3 - Max 5", "4", null, "met", 1],
    ["non meno di 10 e non più di 20", "15", null, "met", 1],
    ["Minimo 5 - massimo 10", "12", null, "missed", 0.8333],
    // percentages, however the actual is written
    ["100% delle pratiche", "100%", null, "met", 1],
    ["100% delle pratiche", "95 %", null, "missed", 0.95],
    ["100%", "tutte", null, "met", 1],
    ["≥ 90%", "85 %", null, "missed", 0.9444],
    ["≥ 90%", "0,85", null, "missed", 0.9444],
    [">=80%", "0,85", null, "met", 1],
    [">=80%", "85 %", null, "met", 1],
    ["≥ 80%", "4/5", null, "met", 1],
    ["≥ 90%", "4/5", null, "missed", 0.8889],
    ["≥ 80%", "3/4", null, "missed", 0.9375],
    ["100%", "12/12", null, "met", 1],
    ["100%", "12/12 pratiche", null, "met", 1],
    ["≥ 80%", "4 di 5", null, "met", 1],
    ["Almeno l'80%", "79%", null, "missed", 0.9875],
    ["pari o superiore al 95%", "0,96", null, "met", 1],
    ["Percentuale ≥ 80", "0,85", null, "met", 1],
    ["Percentuale di raccolta differenziata: 65", "0,7", null, "met", 1],
    ["> 95 %", "95%", null, "missed", 1],
    ["< 5", "5", null, "missed", 1],
    // amounts
    ["Almeno € 10.000", "€ 12.500,00", null, "met", 1],
    ["Almeno € 10.000", "€ 8.000,00", null, "missed", 0.8],
    ["Almeno € 10.000", "10.000,00 euro", null, "met", 1],
    ["Costo ≤ 1.500 euro", "1.650 €", null, "missed", 0.9091],
    // done / not done
    ["Si/No", "Sì", null, "met", 1],
    ["Si/No", "SI'", null, "met", 1],
    ["Si/No", "fatto", null, "met", 1],
    ["Si/No", "Realizzato", null, "met", 1],
    ["Si/No", "No", null, "missed", 0],
    ["SI'", "si'", null, "met", 1],
    ["SI", "NO - rinviato al 2026", null, "missed", 0],
    ["Realizzazione SI/NO", "SI", null, "met", 1],
    ["Attivazione del servizio: SI/NO", "NO", null, "missed", 0],
    ["Rispetto della scadenza", "rispettata", null, "met", 1],
    ["Rispetto della scadenza", "SI", null, "met", 1],
    ["Rispetto delle scadenze", "NO", null, "missed", 0],
    ["1 = SI; 0 = NO", "1", null, "met", 1],
    ["0/1", "0", null, "missed", 0],
    // no actual yet, in words
    ["≥ 3", "Dato non disponibile", null, "pending", null],
    ["≥ 90%", "dato non pervenuto", null, "pending", null],
    ["Entro il 30/06", "non ancora disponibile", { asOf: "2025-07-10" }, "overdue", null],
  ])("%j with %j (%j) -> %s %p", (t, a, ctx, status, ach) => {
    const got = ev(t, a, ctx ?? {});
    expect(got.status).toBe(status);
    if (ach === null) expect(got.achievement).toBeNull();
    else expect(got.achievement).toBeCloseTo(ach, 4);
  });

  it("matches the numbers of a written actual to the parts of a compound target", () => {
    expect(
      ev("Almeno 10 controlli di cui 5 in orario notturno", "12 controlli, 4 notturni")
    ).toEqual({ status: "partial", achievement: 0.9 });
    expect(ev("≥ 90% e tempi ≤ 30 gg", "92%; 28 gg")).toEqual({ status: "met", achievement: 1 });
    expect(ev("Numero utenti ≥ 500 / soddisfazione ≥ 80%", "520 utenti, 85% soddisfatti")).toEqual({
      status: "met",
      achievement: 1,
    });
    const t = "1) almeno 100 pasti 2) almeno 200 famiglie";
    expect(ev(t, "74 pasti erogati e 210 famiglie")).toEqual({
      status: "partial",
      achievement: 0.87,
    });
    expect(ev(t, "pasti: 120, famiglie: 150")).toEqual({ status: "partial", achievement: 0.875 });
    expect(
      ev("a) n. 3 corsi; b) 80% di partecipanti soddisfatti", "3 corsi, 85% soddisfatti")
    ).toEqual({ status: "met", achievement: 1 });
    expect(
      ev("Almeno 3 incontri; verbale entro il 31/12", "4 incontri, verbale del 15/12/2025")
    ).toEqual({ status: "met", achievement: 1 });
    expect(ev("Almeno 3 incontri e massimo 2 reclami", "3 incontri e 4 reclami")).toEqual({
      status: "partial",
      achievement: 0.75,
    });
  });

  it("reads a/b as a date against a deadline and as a ratio against a measure", () => {
    // 4/5 is the 4th of May for a deadline, 80% for a percentage, 4 done for a count
    expect(ev("Entro il 30/06", "4/5").status).toBe("met");
    expect(ev("Entro il 30/04", "4/5").status).toBe("missed");
    expect(ev("≥ 80%", "4/5").status).toBe("met");
    expect(ev("≥ 4", "4/5").status).toBe("met");
    expect(ev("Almeno 5", "4/5")).toEqual({ status: "missed", achievement: 0.8 });
    // the part above the whole is no ratio
    expect(ev("≥ 80%", "15/12").status).toBe("qualitative");
  });
});
