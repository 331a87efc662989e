/**
 * The header lexicon of flat tables (docs/recognition.md): what a column heading says about the
 * column's role, with how sure the words are. Headings are compared folded (no accents, lower
 * case), with database names split (`ObiettivoOperativo`, `valore_atteso`) and one or two header
 * rows joined (`OBIETTIVO OPERATIVO` over `Codice | Descrizione`). Every entry comes from plans of
 * at least two bodies (test/corpus, test/fixtures).
 */
import type { ColumnRole } from "../reading";
import { fold } from "../text";

interface Entry {
  re: RegExp;
  role: ColumnRole;
  confidence: number;
}

// Order matters: the first entry that matches wins, so the specific ones come first.
const ENTRIES: Entry[] = [
  // Columns that describe, not measure.
  {
    re: /^(fonte|fonti)\b|stakeholder|portatori di interess|^scostament|^deviation|^modalita di rilevazione|^strumento di (rilevazione|verifica)/,
    role: "note",
    confidence: 0.8,
  },
  {
    re: /^(formula|metodo di calcolo|modalita di calcolo|algoritmo|criterio di (calcolo|misurazione))/,
    role: "note",
    confidence: 0.8,
  },
  {
    re: /^(note|nota|osservazioni|commenti?|motivazion|criticita|azioni correttive)\b/,
    role: "note",
    confidence: 0.7,
  },
  // The year a target is due: before every `anno` and `target` rule.
  {
    re: /^anno (di )?(riferimento|scadenza|target|obiettivo|conseguimento|raggiungimento)|^scadenza (anno|target)|^target year|^anno$/,
    role: "targetYear",
    confidence: 0.5,
  },
  // Declared achievement: before actual (`% raggiunto`) and target.
  {
    re: /(^|\b)(% ?|percentuale |grado |livello |tasso |stato )(di )?(raggiungimento|realizzazione|attuazione|conseguimento|avanzamento)\b|^avanzamento|^% ?ragg|^raggiungimento( %| obiettivo)?$|^achievement/,
    role: "declaredAchievement",
    confidence: 0.85,
  },
  // Weights.
  {
    re: /^peso (dell )?(obiettiv|ob\b)|^peso ob|^ponderazione (dell )?obiettiv|^peso (strategico|relativo obiettivo)/,
    role: "objectiveWeight",
    confidence: 0.9,
  },
  { re: /^peso (dell )?indicator|^peso ind\b/, role: "weight", confidence: 0.95 },
  {
    re: /^(peso|pesi|pesatura|ponderazione|incidenza|weight)( ?%| \(%\)| percentuale)?$/,
    role: "weight",
    confidence: 0.8,
  },
  // Units of measure and kinds of indicator.
  {
    re: /unita( di)? misura|^u\.? ?m\.?$|^unit(a|y)( of measure)?$|^misura$/,
    role: "measureUnit",
    confidence: 0.85,
  },
  {
    re: /^(dimensione|tipologia( (di )?indicatore)?|tipo( di)? indicatore|natura( indicatore)?|prospettiva|ambito di (misurazione|valutazione))$/,
    role: "dimension",
    confidence: 0.7,
  },
  // Baselines: before target (`valore di riferimento`) and actual (`risultato 2023`).
  {
    re: /baseline|^valore (di partenza|iniziale|storico|attuale|di riferimento|di base|base)|riferimento di partenza|media (anni|ultimo|degli anni) (precedent|triennio)|^(dato |valore )?storic|^anno precedente|^situazione (iniziale|attuale|di partenza)|^punto di partenza|^t0$/,
    role: "baseline",
    confidence: 0.85,
  },
  // Targets: before actual, since `risultato atteso` is a target.
  {
    re: /^(target|targets|valore (atteso|obiettivo|target|programmato|previsto)|valore-obiettivo|risultato atteso|risultati attesi|atteso|attesi|atteso nell ?anno|livello atteso|standard( atteso)?|soglia|traguardo|previsione|previsto|obiettivo (atteso|quantitativo)|expected|valore attesi)\b/,
    role: "target",
    confidence: 0.9,
  },
  {
    re: /\b(target|atteso|attesa|valori? attes[io]|valore obiettivo)\b/,
    role: "target",
    confidence: 0.7,
  },
  // Actuals.
  {
    re: /^(consuntiv|valore (consuntivo|rilevato|effettivo|raggiunto|conseguito|realizzato|a consuntivo|al 31)|risultato (raggiunto|conseguito|ottenuto|finale|rilevato|al 31)|valore ?in ?rendiconto|rendicontazione|rendicontato|realizzato|raggiunto|conseguito|ottenuto|dato (rilevato|consuntivo)|misurazione|actual)/,
    role: "actual",
    confidence: 0.85,
  },
  { re: /^risultat[oi]( \d{4})?$/, role: "actual", confidence: 0.6 },
  // Codes.
  {
    re: /^(cod(ice|\.)?|id|n\.?|nr\.?|num(ero)?) ?(indicator|kpi|ind\b)/,
    role: "indicatorCode",
    confidence: 0.9,
  },
  {
    re: /^(cod(ice|\.)?|id|n\.?|nr\.?) ?(ob(iettivo|\.)? ?)?(strateg|generale|area strateg|linea|asse|ambito)/,
    role: "strategicCode",
    confidence: 0.9,
  },
  {
    re: /^(cod(ice|\.)?|id|n\.?|nr\.?) ?(ob(iettivo|\.)? ?)?(operativ|gestional|specific|esecutiv|peg|annual|di performance)/,
    role: "operationalCode",
    confidence: 0.9,
  },
  {
    re: /^(cod(ice|\.)?|id|n\.?|n°|nr\.?|num(ero)?|#|progr(essivo)?\.?)( ob(iettivo|\.)?| obb?\.?)?$/,
    role: "operationalCode",
    confidence: 0.6,
  },
  // Indicators.
  {
    re: /^((descrizione|nome|denominazione|titolo) (dell )?)?(indicator|kpi)|^misurator|^indicators?\b|^parametr[oi]( di (misurazione|valutazione))?$|^indice$/,
    role: "indicator",
    confidence: 0.9,
  },
  // Objectives: strategic before operational, since `obiettivo strategico` holds `obiettivo`.
  {
    re: /obiettiv[oi] (strategic|generale|general|triennal|di mandato)|strategic (goal|objective)|^(area|linea|asse|ambito|indirizzo|priorita|macro ?area|missione strategica) (strategic|di mandato|programmatic|di intervento)|^linee? (strategic|di mandato|programmatic)|^indirizz[oi] strategic|^(macro ?area|asse|ambito strategico|area strategica|priorita politica|linea strategica)$/,
    role: "strategicTitle",
    confidence: 0.85,
  },
  {
    re: /obiettiv[oi] (operativ|gestional|specific|esecutiv|di peg|di performance|annual|di budget|aziendal|di gestione|di struttura|organizzativ|di settore|di servizio|individual)|operational (goal|objective)|^descrizione (dell )?obiettivo|^(titolo|denominazione|descrizione) (obiettivo|progetto)|^obiettiv[oi]( \d{4})?$|^objective$|^goal$|^progett[oi]$|^finalita$|^(azione|azioni|intervento|interventi|attivita)( (previst[ae]|strategic[ae]))?$|^misura$/,
    role: "operationalTitle",
    confidence: 0.8,
  },
  // People before units: `responsabile` alone is a person; `struttura responsabile` a unit.
  {
    re: /^(struttura|unita|ufficio|settore|servizio|area|u\.?o\.?c?)( organizzativ[ae])? (responsabil|assegnatari|competent|coinvolt|titolare|di riferimento)/,
    role: "orgUnit",
    confidence: 0.85,
  },
  {
    re: /^(responsabil[ei]|dirigent[ei]|direttor[ei]|titolare|referente( tecnico)?|p\.?o\.?|posizione organizzativa|e\.?q\.?|incaricat[oi])\b/,
    role: "owner",
    confidence: 0.8,
  },
  {
    re: /^(settore|settori|servizio|servizi|area|aree|ufficio|uffici|struttura|strutture|dipartimento|direzione|reparto|u\.?o\.?c?\.?|unita organizzativa|centro di (costo|responsabilita)|cdr|cdc|c\.d\.r\.?|cdr responsabile|struttura assegnataria|strutturaassegnataria)\b/,
    role: "orgUnit",
    confidence: 0.8,
  },
  {
    re: /^(denominazione|nome|descrizione) (della |dell )?(struttura|unita organizzativa|settore|servizio|ufficio|direzione|area)$/,
    role: "orgUnit",
    confidence: 0.8,
  },
  // Descriptions of a generic objective column.
  {
    re: /^(descrizione|denominazione|titolo|oggetto)$/,
    role: "operationalTitle",
    confidence: 0.45,
  },
];

/** `ObiettivoOperativo`, `valore_atteso`, `Peso (%)` -> `obiettivo operativo`, `valore atteso`, `peso (%)`. */
export function headingWords(text: string): string {
  const split = text
    .replace(/([a-zà-ÿ])([A-Z])/g, "$1 $2")
    .replace(/[_\n\r\t]+/g, " ")
    .replace(/['’`]/g, " ");
  return fold(split)
    .replace(/\s+/g, " ")
    .replace(/[\s:*.]+$/, "")
    .trim();
}

export interface RoleGuess {
  role: ColumnRole;
  confidence: number;
}

const cache = new Map<string, RoleGuess | null>();

/** The role a column heading names, or null when the words say nothing known. */
export function roleOfHeading(text: string): RoleGuess | null {
  if (text.length === 0 || text.length > 90) return null;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const h = headingWords(text);
  let out: RoleGuess | null = null;
  for (const e of ENTRIES) {
    if (e.re.test(h)) {
      out = { role: e.role, confidence: e.confidence };
      break;
    }
  }
  if (cache.size > 5000) cache.clear();
  cache.set(text, out);
  return out;
}
