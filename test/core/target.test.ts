/** The target engine on the forms Italian plans use, beyond the fixture file. */
import { evaluateTarget, readTarget, renderRule, type TargetContext } from "../../src/core/targets";
import { cleanText, splitParts, stripListMarker } from "../../src/core/targets/text";
import type { TargetRule } from "../../src/core/model";

const Y = { year: 2025 };

function read(t: string, ctx: TargetContext = Y): TargetRule {
  return readTarget(t, ctx);
}

function ev(
  target: string,
  actual: string | number | boolean | Date | null,
  ctx: TargetContext = Y
): { status: string; achievement: number | null } {
  const r = evaluateTarget(readTarget(target, ctx), actual, ctx);
  return {
    status: r.status,
    achievement: r.achievement === null ? null : Math.round(r.achievement * 1e6) / 1e6,
  };
}

describe("reading: how a target is rendered back", () => {
  it.each([
    // comparisons
    [">=2", "≥ 2"],
    ["=>15", "≥ 15"],
    ["≥ 4", "≥ 4"],
    ["> 95 %", "> 95%"],
    ["<=0", "≤ 0"],
    ["=< 5", "≤ 5"],
    ["< 30", "< 30"],
    ["=7", "= 7"],
    ["> = 5", "≥ 5"],
    ["≧ 3", "≥ 3"],
    ["&ge; 10", "≥ 10"],
    ["$\\geq 80\\%$", "≥ 80%"],
    ["n. giorni $\\leq 0$ Rispetto termine di 30 gg come media tempi", "≤ 0 gg"],
    ["<b>>= 3</b>", "≥ 3"],
    // words
    ["Almeno 3", "≥ 3"],
    ["almeno 100 pasti", "≥ 100"],
    ["Progetti presentati Almeno 3", "≥ 3"],
    ["Con almeno 2 Enti", "≥ 2"],
    ["minimo 2", "≥ 2"],
    ["Min. 80%", "≥ 80%"],
    ["non meno di 5", "≥ 5"],
    ["non inferiore a 5", "≥ 5"],
    ["non inferiore al 90%", "≥ 90%"],
    ["non inferiore all'85%", "≥ 85%"],
    ["almeno il 90%", "≥ 90%"],
    ["Almeno l'80%", "≥ 80%"],
    ["pari al 100%", "≥ 100%"],
    ["pari all'80%", "≥ 80%"],
    ["superiore all'80%", "> 80%"],
    ["maggiore o uguale a 10", "≥ 10"],
    ["massimo 10", "≤ 10"],
    ["Max 5 giorni", "≤ 5 gg"],
    ["non più di 30 gg", "≤ 30 gg"],
    ["non piu' di 30 gg", "≤ 30 gg"],
    ["al massimo 2", "≤ 2"],
    ["non superiore a 15 giorni", "≤ 15 gg"],
    ["inferiore al 5%", "< 5%"],
    ["meno di 3", "< 3"],
    ["oltre 100", "> 100"],
    ["3 o più", "≥ 3"],
    ["entro 60 giorni", "≤ 60 gg"],
    ["Entro 30 gg dalla richiesta", "≤ 30 gg"],
    ["≤ 30 gg", "≤ 30 gg"],
    ["< 5 giorni", "< 5 gg"],
    ["Tempi medi di evasione ≤ 30 giorni", "≤ 30 gg"],
    ["Tempo medio di pagamento 30 giorni", "≤ 30 gg"],
    ["30 giorni", "≤ 30 gg"],
    ["Riduzione dei tempi di rilascio a 30 giorni", "≤ 30 gg"],
    ["Indicatore di tempestività dei pagamenti ≤ 0", "≤ 0"],
    ["Tasso di assenteismo 5%", "≤ 5%"],
    ["Nessun reclamo", "≤ 0"],
    ["zero infortuni", "≤ 0"],
    ["0", "≤ 0"],
    // between
    ["tra 10 e 20", "tra 10 e 20"],
    ["compreso tra 80% e 90%", "tra 80% e 90%"],
    ["Da 10 a 20 controlli", "tra 10 e 20"],
    ["10-20", "tra 10 e 20"],
    // words as numbers
    ["Almeno due", "≥ 2"],
    ["Almeno tre", "≥ 3"],
    ["almeno un evento", "≥ 1"],
    [">= 3 (tre)", "≥ 3"],
    ["≥ 2 (due)", "≥ 2"],
    ["tre", "≥ 3"],
    ["Almeno venti", "≥ 20"],
    ["almeno cinque (5) incontri", "≥ 5"],
    ["Almeno una volta l'anno", "≥ 1"],
    ["Entrate ≥ 1,2 milioni di euro", "≥ € 1.200.000"],
    ["50mila euro", "≥ € 50.000"],
    // percentages, amounts, ratios
    ["100%", "≥ 100%"],
    ["100 %", "≥ 100%"],
    ["Tasso di risposta 75%", "≥ 75%"],
    ["Almeno 70% degli operatori coinvolti", "≥ 70%"],
    ["50% n. dipendenti dell'Area", "≥ 50%"],
    ["100% delle pratiche", "≥ 100%"],
    ["≥ 90% delle istanze evase entro 30 gg", "≥ 90%"],
    ["Tasso di copertura 80% (40 su 50)", "≥ 80%"],
    ["euro 50.000", "≥ € 50.000"],
    ["€ 10.000,00", "≥ € 10.000"],
    ["Entrate ≥ € 100.000", "≥ € 100.000"],
    ["ottenimento di risorse pari ad € 1.200.000 per l'avvio di uno SPRAR", "≥ € 1.200.000"],
    ["Risparmio di € 50.000", "≥ € 50.000"],
    ["Livello di gradimento 3,5/4", "≥ 3,5/4"],
    ["Gradimento ≥ 4/5", "≥ 4/5"],
    ["Customer satisfaction ≥ 3,5 su 5", "≥ 3,5/5"],
    ["80 punti su 100", "≥ 80/100"],
    ["Punteggio ≥ 80/100", "≥ 80/100"],
    ["24/24", "≥ 24/24"],
    ["≤ 5 (cinque) giorni", "≤ 5 gg"],
    ["da 3 a 5 giorni", "tra 3 e 5 gg"],
    ["Fino a 10", "≤ 10"],
    ["Oltre il 90%", "> 90%"],
    ["Più di 5", "> 5"],
    ["Non oltre 30 giorni", "≤ 30 gg"],
    ["Almeno il 50% + 1", "≥ 50%"],
    ["≥ 2 incontri/anno", "≥ 2"],
    ["Almeno 3 eventi entro il 2025", "≥ 3 eventi e entro 31/12/2025"],
    ["Entro il 30 settembre 2025 almeno 2 corsi", "entro 30/09/2025 e ≥ 2 corsi"],
    ["1.000 utenti", "≥ 1.000"],
    // bare numbers
    ["10", "≥ 10"],
    ["8,00", "≥ 8"],
    ["n. 12", "≥ 12"],
    ["N. 5 corsi di formazione", "≥ 5"],
    ["8 inserimenti in attività di volontariato", "≥ 8"],
    ["2 volte l'anno", "≥ 2"],
    // done
    ["SI", "SÌ"],
    ["Sì", "SÌ"],
    ["si", "SÌ"],
    ["X", "SÌ"],
    ["SI/NO", "SÌ"],
    ["Realizzazione: SI", "SÌ"],
    ["fatto/non fatto", "SÌ"],
    // deadlines
    ["Entro il 30/9", "entro 30/09/2025"],
    ["31.12", "entro 31/12/2025"],
    ["31/01/2025", "entro 31/01/2025"],
    ["30.06.2025", "entro 30/06/2025"],
    ["<b>30.06.2025</b>", "entro 30/06/2025"],
    ["entro aprile 2025", "entro 30/04/2025"],
    ["ENTRO SETTEMBRE", "entro 30/09/2025"],
    ["Entro 29/2", "entro 28/02/2025"],
    ["31 dicembre", "entro 31/12/2025"],
    ["entro il mese di marzo", "entro 31/03/2025"],
    ["30 giugno 2025", "entro 30/06/2025"],
    ["Giugno", "entro 30/06/2025"],
    ["Scadenza 30/09", "entro 30/09/2025"],
    ["entro fine anno", "entro 31/12/2025"],
    ["entro l'anno", "entro 31/12/2025"],
    ["Entro fine 2026", "entro 31/12/2026"],
    ["entro il 2026", "entro 31/12/2026"],
    ["Entro il primo semestre", "entro 30/06/2025"],
    ["Entro il 1° semestre 2026", "entro 30/06/2026"],
    ["Sì entro il 30/06/2025", "entro 30/06/2025"],
    ["Approvazione del regolamento entro il 31/12/2025", "entro 31/12/2025"],
    ["da 01/01/2025 a giugno 2025", "dal 01/01/2025 entro 30/06/2025"],
    ["Da gennaio a dicembre", "dal 01/01/2025 entro 31/12/2025"],
    ["30/06/2025 - 31/12/2025", "dal 30/06/2025 entro 31/12/2025"],
    ["2025: ≥ 90%; 2026: ≥ 95%", "≥ 90%"],
    ["30%-40%", "tra 30% e 40%"],
    ["ott-25", "entro 31/10/2025"],
    ["entro dic-2026", "entro 31/12/2026"],
    ["80% dei dipendenti formati entro il 31/12", "≥ 80% dipendenti formati e entro 31/12/2025"],
    // relative
    ["+5% rispetto all'esercizio precedente", "+5% rispetto al valore base"],
    ["+ 5% rispetto all'esercizio precedente", "+5% rispetto al valore base"],
    ["+-10% rispetto 2023", "±10% rispetto al valore base"],
    ["±10% rispetto al 2024", "±10% rispetto al valore base"],
    ["riduzione del 10%", "-10% rispetto al valore base"],
    ["-10% rispetto al 2024", "-10% rispetto al valore base"],
    ["incremento del 5% rispetto al 2024", "+5% rispetto al valore base"],
    ["Incremento del numero di utenti del 10%", "+10% rispetto al valore base"],
    ["Aumento di 10 unità rispetto all'anno precedente", "+10 rispetto al valore base"],
    ["Valore 2024 + 5%", "+5% rispetto al valore base"],
    ["mantenimento", "≥ valore base"],
    ["Mantenimento standard anno precedente", "≥ valore base"],
    ["Valore ≥ anno precedente", "≥ valore base"],
    ["in aumento rispetto al 2024", "≥ valore base"],
    ["in diminuzione rispetto al 2024", "≤ valore base"],
    ["≥ baseline", "≥ valore base"],
    ["= baseline", "= valore base"],
    ["< baseline", "≤ valore base"],
    ["Incremento", "≥ valore base"],
    ["Riduzione", "≤ valore base"],
    ["Baseline + 5%", "+5% rispetto al valore base"],
    ["baseline - 5%", "-5% rispetto al valore base"],
    ["+ 10% rispetto alla baseline", "+10% rispetto al valore base"],
    ["Riduzione del numero di sinistri", "≤ valore base"],
    ["Incremento delle entrate", "≥ valore base"],
    ["Miglioramento rispetto all'anno precedente", "≥ valore base"],
    ["Pari all'anno precedente", "≥ valore base"],
    ["Riduzione della spesa corrente del 2%", "-2% rispetto al valore base"],
    // compound
    ["Entro il 31/12 Livello di gradimento 3,5/4", "entro 31/12/2025 e ≥ 3,5/4 livello gradimento"],
    ["1) almeno 100 pasti 2) almeno 200 famiglie", "≥ 100 pasti e ≥ 200 famiglie"],
    ["a) almeno 10 controlli b) almeno 5 verbali", "≥ 10 controlli e ≥ 5 verbali"],
    ["almeno 3 incontri; almeno 2 report", "≥ 3 incontri e ≥ 2 report"],
    ["Almeno 3 incontri e 2 report", "≥ 3 incontri e ≥ 2 report"],
    ["Massimo 2 reclami e 1 ricorso", "≤ 2 reclami e ≤ 1 ricorso"],
    [
      "Firma di almeno 10 patti di collaborazione entro il 31 dicembre 2017",
      "≥ 10 patti e entro 31/12/2017",
    ],
    // qualitative
    ["ANNUALE", "da valutare"],
    ["<b>1 fase annuale</b>", "da valutare"],
    ["Report trimestrale", "da valutare"],
    ["Almeno bimensile", "da valutare"],
    ["Monitoraggio del servizio", "da valutare"],
    ["Applicazione", "da valutare"],
    ["Revisione strumenti", "da valutare"],
    ["Aggiornamento annuale", "da valutare"],
    ["Da definire in base alla valutazione dei PEI", "da valutare"],
    ["non previsto", "da valutare"],
    ["N.D.", "da valutare"],
    ["N.d", "da valutare"],
    ["n.a.", "da valutare"],
    ["n.q.", "da valutare"],
    ["dal 2024 - 2026", "da valutare"],
    ["-", "da valutare"],
    ["Come da cronoprogramma", "da valutare"],
    ["Rispetto dei termini di legge", "da valutare"],
    ["Nel Bilancio di Previsione 2026", "da valutare"],
    ["Tempestivo", "da valutare"],
    ["Spesa ≤ budget", "da valutare"],
    ["Invio entro il 10 del mese successivo", "da valutare"],
    ["Dal 1° gennaio", "da valutare"],
    ["1 volta all'anno", "da valutare"],
    ["Ad inizio anno stimare gli istituti che si intende omogeneizzare", "da valutare"],
    ["Miglioramento del servizio", "da valutare"],
    ["Sempre", "da valutare"],
    ["Indice di soddisfazione >= 3 (scala 1-5)", "≥ 3"],
    ["Aumento della percentuale di raccolta differenziata al 70%", "≥ 70%"],
    // unparsed
    [">>", "non leggibile"],
    ["operatori coinvolti", "non leggibile"],
    ["", "non leggibile"],
    [">=", "non leggibile"],
  ])("%j -> %s", (t, shown) => {
    expect(renderRule(read(t))).toBe(shown);
  });
});

describe("reading: the rule's fields", () => {
  it("keeps the text, trimmed and without list markers", () => {
    expect(read("  >=2  ").text).toBe(">=2");
    expect(read("1) Almeno 3").text).toBe("Almeno 3");
    expect(read("a. Almeno 3 eventi").text).toBe("Almeno 3 eventi");
    expect(read("• Almeno 3").text).toBe("Almeno 3");
    expect(read("=>15").text).toBe("=>15");
    expect(read("≥ 4").text).toBe("≥ 4");
    expect(read("<b>30.06.2025</b>").text).toBe("<b>30.06.2025</b>");
  });
  it("marks a bare number as assumed", () => {
    expect(read("10")).toMatchObject({
      op: ">=",
      value: 10,
      assumed: true,
      unit: "count",
      direction: "higher",
    });
    expect(read("Almeno 10").assumed).toBeUndefined();
    expect(read("75%").assumed).toBeUndefined();
  });
  it("gives units and directions", () => {
    expect(read("non più di 30 gg")).toMatchObject({
      op: "<=",
      value: 30,
      unit: "days",
      direction: "lower",
    });
    expect(read("> 95 %")).toMatchObject({
      op: ">",
      value: 95,
      unit: "percent",
      direction: "higher",
    });
    expect(read("=7")).toMatchObject({ op: "=", value: 7, direction: "equal" });
    expect(read("€ 1.200.000")).toMatchObject({ value: 1200000, unit: "euro" });
    expect(read("Ritardo medio 5 giorni")).toMatchObject({ op: "<=", direction: "lower" });
    expect(read("3,5/4")).toMatchObject({ value: 3.5, valueMax: 4, unit: "ratio" });
    expect(read("tra 10 e 20")).toMatchObject({ op: "between", value: 10, valueMax: 20 });
  });
  it("reads deadlines with the plan year", () => {
    expect(read("Entro il 30/9", { year: 2024 })).toMatchObject({
      op: "deadline",
      date: "2024-09-30",
      unit: "date",
    });
    expect(read("Entro 29/2", { year: 2024 }).date).toBe("2024-02-29");
    expect(read("da 01/01/2025 a giugno 2025")).toMatchObject({
      date: "2025-06-30",
      from: "2025-01-01",
    });
  });
  it("reads relative targets", () => {
    expect(read("+5% rispetto all'esercizio precedente")).toMatchObject({
      op: "relative",
      value: 5,
      relative: { mode: "percent", sign: 1 },
    });
    expect(read("+-10% rispetto 2023").relative).toEqual({ mode: "percent", sign: 0 });
    expect(read("riduzione del 10%")).toMatchObject({
      relative: { mode: "percent", sign: -1 },
      direction: "lower",
    });
  });
  it("reads compound targets with a noun per part", () => {
    const r = read(
      "1) Erogazione di almeno 100 pasti gratuiti annui . 2) Almeno 200 famiglie beneficiarie"
    );
    expect(r.op).toBe("all");
    expect(r.rules).toHaveLength(2);
    expect(r.rules![0]).toMatchObject({ op: ">=", value: 100, noun: "pasti gratuiti annui" });
    expect(r.rules![1]).toMatchObject({ op: ">=", value: 200, noun: "famiglie beneficiarie" });
    const d = read("Entro il 31/12 Livello di gradimento 3,5/4");
    expect(d.rules!.map((x) => x.op)).toEqual(["deadline", ">="]);
  });
  it("reads years, laws and articles as context, not targets", () => {
    expect(
      read("Per il 2017 si pensa ad una sperimentazione su 3 nuclei famigliari")
    ).toMatchObject({
      op: ">=",
      value: 3,
    });
    expect(read("Applicazione art. 5 della L. 241/90 in almeno 10 casi")).toMatchObject({
      op: ">=",
      value: 10,
    });
    expect(read("Delibera n. 12 del 2024: almeno 4 incontri")).toMatchObject({
      op: ">=",
      value: 4,
    });
  });
  it("never throws on odd input", () => {
    for (const t of [null, undefined, 42, {}, [], "\u0000", "<<<>>>", "$$", "&#99999999;"]) {
      expect(() => readTarget(t as unknown as string)).not.toThrow();
    }
  });
});

describe("evaluation", () => {
  it.each<[string, string | number | null, string, number | null]>([
    ["non inferiore a 5", "6", "met", 1],
    ["non inferiore al 90%", "85%", "missed", 0.944444],
    ["pari al 100%", "100%", "met", 1],
    ["pari al 100% delle pratiche", "0,95", "missed", 0.95],
    ["≥ 95%", 0.97, "met", 1],
    ["≥ 95%", 0.9, "missed", 0.947368],
    ["≥ 95%", "45 su 50", "missed", 0.947368],
    [">= 80%", "80,5 %", "met", 1],
    ["entro 60 giorni", "45", "met", 1],
    ["entro 60 giorni", "75 giorni", "missed", 0.8],
    ["<= 30 gg", "45 gg", "missed", 0.666667],
    ["tra 10 e 20", "15", "met", 1],
    ["tra 10 e 20", "25", "missed", 0.8],
    ["tra 10 e 20", "5", "missed", 0.5],
    ["almeno il 90%", "91%", "met", 1],
    ["100% delle pratiche", "98%", "missed", 0.98],
    ["euro 50.000", "€ 48.000", "missed", 0.96],
    [
      "Almeno 3 pratiche",
      "2 pratiche, approvate con DGC n. 123 del 15/05/2025",
      "missed",
      0.666667,
    ],
    ["Almeno 3", "n. 4", "met", 1],
    ["5", "12 (dodici)", "met", 1],
    ["Almeno 2", "due progetti", "met", 1],
    ["Nessun reclamo", 0, "met", 1],
    ["0 reclami", "1", "missed", 0],
    ["massimo 10", 0, "met", 1],
    ["Gradimento medio 3/4", "3,5", "met", 1],
    ["Customer satisfaction ≥ 3,5 su 5", "3,2", "missed", 0.914286],
    ["Livello di gradimento 3,5/4", "7/8", "met", 1],
    ["-4,71", "-5", "missed", 0],
    ["=7", "7,0", "met", 1],
    ["≥ 15", "Obiettivo raggiunto", "met", 1],
    ["≥ 15", "non raggiunto", "missed", 0],
    ["almeno 1 evento", "fatto", "met", 1],
    ["100%", "realizzato", "met", 1],
    ["≥ 15", "vedi relazione allegata", "qualitative", null],
    ["≥ 15", "in corso", "pending", null],
  ])("%j with %j -> %s %p", (t, a, status, ach) => {
    expect(ev(t, a)).toEqual({ status, achievement: ach });
  });

  it("reads actual cells: numbers, booleans, dates", () => {
    expect(ev("SI", true)).toEqual({ status: "met", achievement: 1 });
    expect(ev("SI", false)).toEqual({ status: "missed", achievement: 0 });
    expect(ev("SI", 1)).toEqual({ status: "met", achievement: 1 });
    expect(ev("SI", 0)).toEqual({ status: "missed", achievement: 0 });
    expect(ev("Entro il 30/9", new Date(Date.UTC(2025, 8, 15)))).toEqual({
      status: "met",
      achievement: 1,
    });
    expect(ev("Entro il 30/9", new Date(2025, 9, 2))).toEqual({ status: "missed", achievement: 0 });
    expect(ev("Entro il 30/9", 45915)).toEqual({ status: "met", achievement: 1 }); // Excel serial of 15/09/2025
    expect(ev("Entro il 30/9", "15/09")).toEqual({ status: "met", achievement: 1 });
    expect(ev(">=2", "")).toEqual({ status: "pending", achievement: null });
    expect(ev(">=2", "   ")).toEqual({ status: "pending", achievement: null });
    expect(ev(">=2", "-")).toEqual({ status: "pending", achievement: null });
  });

  it("reads done / not done", () => {
    for (const yes of [
      "SI",
      "Sì",
      "si",
      "x",
      "fatto",
      "realizzato",
      "Completato",
      "approvato il 10/03/2025",
      "OK",
    ])
      expect(ev("SI", yes).status).toBe("met");
    for (const no of [
      "NO",
      "no",
      "non realizzato",
      "non fatto",
      "Non è stato approvato",
      "parzialmente",
    ])
      expect(ev("SI", no)).toEqual({ status: "missed", achievement: 0 });
    expect(ev("SI", "in corso").status).toBe("pending");
    expect(ev("SI", "avverrà nel 2026")).toEqual({ status: "missed", achievement: 0 });
  });

  it("meets deadlines with a date on or before, or done words", () => {
    expect(ev("Entro il 31/12", "31/12/2025").status).toBe("met");
    expect(ev("Entro il 31/12", "01/01/2026").status).toBe("missed");
    expect(
      ev(
        "Approvazione del regolamento entro il 31/12/2025",
        "Approvato con delibera n. 45 del 10/12/2025"
      ).status
    ).toBe("met");
    expect(ev("Approvazione del regolamento entro il 31/12/2025", "approvato").status).toBe("met");
    expect(ev("Approvazione del regolamento entro il 31/12/2025", "non approvato").status).toBe(
      "missed"
    );
    expect(ev("entro fine anno", "20/12/2025").status).toBe("met");
    expect(
      ev("Avvio entro il 01/03/2025, conclusione entro il 30/09/2025", "30/09/2025").status
    ).toBe("met");
    expect(
      ev("Avvio entro il 01/03/2025, conclusione entro il 30/09/2025", "15/02/2025 e 15/10/2025")
    ).toEqual({
      status: "partial",
      achievement: 0.5,
    });
  });

  it("is overdue only after the deadline and only with an as-of date", () => {
    const t = "Entro il 30/06";
    expect(ev(t, null)).toEqual({ status: "pending", achievement: null });
    expect(ev(t, null, { year: 2025, asOf: "2025-06-30" }).status).toBe("pending");
    expect(ev(t, null, { year: 2025, asOf: "2025-07-01" })).toEqual({
      status: "overdue",
      achievement: null,
    });
    expect(ev(t, "in corso", { year: 2025, asOf: "2025-07-10" }).status).toBe("overdue");
    expect(ev(t, "in corso", { year: 2025, asOf: "2025-05-10" }).status).toBe("pending");
    expect(ev(">= 5", null, { year: 2025, asOf: "2030-01-01" }).status).toBe("pending");
    expect(ev("SI", null, { year: 2025, asOf: "2030-01-01" }).status).toBe("pending");
    expect(ev(t, null, { year: 2025, asOf: "01/07/2025" }).status).toBe("overdue");
    expect(ev(t, null, { year: 2025, asOf: "2025-07-01T09:00:00Z" }).status).toBe("overdue");
    expect(ev(t, null, { year: 2025, asOf: "garbage" }).status).toBe("pending");
  });

  it("evaluates relative targets against the baseline", () => {
    const t = "+5% rispetto all'esercizio precedente";
    expect(ev(t, "210", { year: 2025, baseline: "200" })).toEqual({
      status: "met",
      achievement: 1,
    });
    expect(ev(t, 205, { year: 2025, baseline: 200 })).toEqual({
      status: "missed",
      achievement: 0.97619,
    });
    expect(ev(t, "+6%", Y)).toEqual({ status: "met", achievement: 1 });
    expect(ev(t, "+4%", Y)).toEqual({ status: "missed", achievement: 0.8 });
    expect(ev(t, "210", Y).status).toBe("qualitative"); // no baseline to compare with
    expect(ev(t, null, Y).status).toBe("pending");
    expect(ev("riduzione del 10%", "85", { year: 2025, baseline: "100" }).status).toBe("met");
    expect(ev("riduzione del 10%", "95", { year: 2025, baseline: "100" })).toEqual({
      status: "missed",
      achievement: 0.947368,
    });
    expect(ev("Riduzione del 20% dei tempi medi", "-25%", Y).status).toBe("met");
    expect(ev("Riduzione del 20% dei tempi medi", "25%", Y).status).toBe("met");
    expect(ev("Riduzione del 20% dei tempi medi", "15%", Y)).toEqual({
      status: "missed",
      achievement: 0.75,
    });
    expect(ev("riduzione del 10%", "obiettivo raggiunto", Y).status).toBe("met");
    expect(ev("+-10% rispetto 2023", "105", { year: 2025, baseline: "100" }).status).toBe("met");
    expect(ev("+-10% rispetto 2023", "120", { year: 2025, baseline: "100" }).status).toBe("missed");
    expect(ev("mantenimento", "90", { year: 2025, baseline: "100" })).toEqual({
      status: "missed",
      achievement: 0.9,
    });
    expect(
      ev("Aumento di 10 unità rispetto all'anno precedente", "115", { year: 2025, baseline: "100" })
        .status
    ).toBe("met");
    expect(
      ev("incremento del 5% rispetto al 2024", "110", { year: 2025, baseline: "11,38" }).status
    ).toBe("met");
  });

  it("matches several targets to the numbers of the actual by noun", () => {
    expect(ev("1) almeno 100 pasti 2) almeno 200 famiglie", "210 famiglie e 74 pasti")).toEqual({
      status: "partial",
      achievement: 0.87,
    });
    expect(ev("a) almeno 10 controlli b) almeno 5 verbali", "3 verbali e 12 controlli")).toEqual({
      status: "partial",
      achievement: 0.8,
    });
    expect(ev("almeno 2 enti; almeno 3 comuni", "4 comuni, 1 ente")).toEqual({
      status: "partial",
      achievement: 0.75,
    });
    expect(
      ev("almeno 5 incontri; € 10.000 di contributi", "€ 12.000 di contributi e 5 incontri").status
    ).toBe("met");
    expect(ev("1) almeno 100 pasti 2) almeno 200 famiglie", "famiglie: 210; pasti: 74")).toEqual({
      status: "partial",
      achievement: 0.87,
    });
    expect(ev("1) almeno 100 pasti 2) almeno 200 famiglie", "210 famiglie")).toEqual({
      status: "partial",
      achievement: 0.5,
    });
    expect(ev("Almeno 3 incontri e 2 report", "3 incontri e 1 report")).toEqual({
      status: "partial",
      achievement: 0.75,
    });
    expect(ev("1) almeno 100 pasti 2) almeno 200 famiglie", "74 pasti")).toEqual({
      status: "missed",
      achievement: 0.37,
    });
  });

  it("picks the plan year's target from a cell with one per year", () => {
    const t = "Target 2025: 80% - Target 2026: 85%";
    expect(renderRule(read(t, { year: 2026 }))).toBe("≥ 85%");
    expect(renderRule(read(t, { year: 2025 }))).toBe("≥ 80%");
    expect(renderRule(read(t, { year: 2030 }))).toBe("≥ 80%");
  });

  it("uses a degree of completion stated in words", () => {
    expect(ev("≥ 15", "realizzato al 80%")).toEqual({ status: "missed", achievement: 0.8 });
    expect(ev("SI", "realizzato al 80%")).toEqual({ status: "missed", achievement: 0 });
    expect(ev("Entro il 30/06", "completato al 100%")).toEqual({ status: "met", achievement: 1 });
    expect(ev("Entro il 30/06", "90% di avanzamento")).toEqual({
      status: "missed",
      achievement: 0,
    });
    expect(ev("≥ 90%", "realizzato al 95%")).toEqual({ status: "met", achievement: 1 });
  });

  it("takes 0,92 typed in a percent cell as 92%", () => {
    expect(ev("95%", 0.92)).toEqual({ status: "missed", achievement: 0.968421 });
    expect(ev("95%", 0.97)).toEqual({ status: "met", achievement: 1 });
    expect(ev("95%", 97)).toEqual({ status: "met", achievement: 1 });
    expect(ev("100%", 1)).toEqual({ status: "met", achievement: 1 });
    expect(ev("0,95", "92%")).toEqual({ status: "missed", achievement: 0.968421 });
    expect(ev("1", "100%")).toEqual({ status: "met", achievement: 1 });
  });

  it("keeps qualitative and unparsed whatever the actual", () => {
    expect(ev("Report trimestrale", "4 report")).toEqual({
      status: "qualitative",
      achievement: null,
    });
    expect(ev("operatori coinvolti", "60%")).toEqual({ status: "unparsed", achievement: null });
    expect(ev(">>", 3)).toEqual({ status: "unparsed", achievement: null });
  });

  it("never throws on odd rules", () => {
    const odd = [
      { text: "", op: "all" },
      { text: "", op: "all", rules: [] },
      { text: "", op: ">=" },
      { text: "", op: "deadline" },
      { text: "", op: "relative", value: 5 },
      { text: "", op: "nonsense" },
    ] as unknown as TargetRule[];
    for (const r of odd) {
      const e = evaluateTarget(r, "5", { year: 2025, asOf: "2030-01-01", baseline: "x" });
      expect(e.achievement === null || (e.achievement >= 0 && e.achievement <= 1)).toBe(true);
      expect(typeof renderRule(r)).toBe("string");
    }
    expect(evaluateTarget(null as unknown as TargetRule, "5").status).toBe("unparsed");
  });
});

describe("text helpers", () => {
  it("cleans html, entities, LaTeX and operators", () => {
    expect(cleanText("<b>30.06.2025</b>")).toBe("30.06.2025");
    expect(cleanText("a&nbsp;b &amp; c")).toBe("a b & c");
    expect(cleanText("$\\leq 0$")).toBe("<= 0");
    expect(cleanText("≥ 4 e ≤ 5 e => 3 e =< 2")).toBe(">= 4 e <= 5 e >= 3 e <= 2");
    expect(cleanText("  a \t b  ")).toBe("a b");
  });
  it("strips list markers but not negative numbers", () => {
    expect(stripListMarker("1) almeno 3")).toBe("almeno 3");
    expect(stripListMarker("a) almeno 3")).toBe("almeno 3");
    expect(stripListMarker("2. almeno 3")).toBe("almeno 3");
    expect(stripListMarker("- almeno 3")).toBe("almeno 3");
    expect(stripListMarker("- 4,71")).toBe("- 4,71");
    expect(stripListMarker("1.200 utenti")).toBe("1.200 utenti");
  });
  it("splits numbered, lettered, bulleted and ;-separated parts", () => {
    expect(splitParts("1) a 5 2) b 6")).toEqual(["a 5", "b 6"]);
    expect(splitParts("a) x 1 b) y 2")).toEqual(["x 1", "y 2"]);
    expect(splitParts("1. almeno 3 2. almeno 4")).toEqual(["almeno 3", "almeno 4"]);
    expect(splitParts("almeno 3; almeno 4")).toEqual(["almeno 3", "almeno 4"]);
    expect(splitParts("- almeno 3\n- almeno 4")).toEqual(["almeno 3", "almeno 4"]);
    expect(splitParts("almeno 3 (LVM) e 4")).toEqual(["almeno 3 (LVM) e 4"]);
  });
});
