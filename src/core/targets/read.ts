/**
 * Reading a target text into a rule (docs/targets.md). Small readers, one per form, composed by
 * `readTargetText` (after `cleanText`: html, LaTeX, operators; `forYear`: one target per year;
 * `splitParts`: `1) … 2) …`, `a) …`, bullets, `;`):
 *
 * - whole-segment forms (`./forms/index.ts`, their order and why there): placeholders, no target
 *   (`Anno zero`), garbled, done (`SI`, `Realizzazione`, `On`/`Off`), none at all, negative
 * - `readDeadlines`    `Entro il 30/9`, `31.12`, `ENTRO SETTEMBRE`, `da … a …`        -> deadline
 * - `readRelative`     `+5% rispetto all'esercizio precedente`, `riduzione del 10%`   -> relative
 * - `readComparisons`  `>=2`, `Almeno 3`, `non più di 30 gg`, `tra 10 e 20`, `75%`, `10`
 *                      (a bare number is `>=` and `assumed`; lower is better for delays, costs…)
 * - `readTrend`        `mantenimento`, `≥ baseline`, `Riduzione del numero di sinistri` -> relative
 * - frequencies        `ANNUALE`, `Report trimestrale`, `1 fase annuale`              -> qualitative
 * - `readFallback`     activity nouns, sentences -> qualitative; a bare noun phrase -> unparsed
 *
 * A target of several parts or of several claims in one sentence (`Entro il 31/12 Livello di
 * gradimento 3,5/4`, `Firma di almeno 10 patti entro il 31 dicembre`) becomes `all` with one
 * sub-rule per claim, each with the noun its number is matched by.
 */
import type { TargetRule } from "../model";
import { findDateRange, isoDate, type DateSpan } from "../dates";
import { findNumbers, isRatioSpan, type FoundNumber } from "../numbers";
import { TARGET_FILLER_WORDS } from "../words";
import {
  findTargetDates,
  isBracketedDeadline,
  normalizeOperatorWords,
  readPlaceholder,
  readSegmentForm,
  rule,
  type Claim,
  type Segment,
} from "./forms";
import { cleanText, fold, splitParts, stripListMarker } from "./text";

export interface ReadContext {
  year?: number;
}

/** Limits that keep absurd inputs fast: no real target comes near them. */
const MAX_READ = 4000;
const MAX_NUMBERS_PER_PART = 40;
const MAX_RULES = 24;

// ---------------------------------------------------------------------------------------------
// Keyword sets (on folded text: lower case, no accents)

const DONE_HEAD_RE = /^(?:si|x)\b\s*[-:,(]/;

const FREQUENCY_RE =
  /(?:^|[^\p{L}])(?:annual[ei]|semestral[ei]|trimestral[ei]|quadrimestral[ei]|bimestral[ei]|bimensil[ei]|mensil[ei]|settimanal[ei]|quindicinal[ei]|giornalier[oaie]|quotidian[oaie]|periodic[oaie]|periodicamente|biennal[ei]|triennal[ei]|annualmente|mensilmente|trimestralmente|semestralmente|settimanalmente|cadenza|costante(?:mente)?|continuativ[oaie]|continu[oaie]|permanent[ei]|ogni anno|ogni mese|all'anno|l'anno)(?![\p{L}])(?!\s*(?:precedente|scors[oa]|corrente|in corso|di riferimento|base|successiv[oa]|\d))/u;
const ACTIVITY_START_RE =
  /^(?:monitoraggi[oi]|applicazione|revisione|aggiornament[oi]|attuazione|realizzazione|predisposizione|redazione|approvazione|adozione|verific[ah]e?|analisi|studio|definizione|elaborazione|avvio|attivazione|implementazione|gestione|organizzazione|miglioramento|consolidamento|completamento|supporto|coordinamento|partecipazione|promozione|sviluppo|valorizzazione|ricognizione|mappatura|pubblicazione|rendicontazione|report\w*|relazion[ei]|presentazione|individuazione|programmazione|pianificazione|progettazione|formazione|rilevazion[ei]|controll[oi]|standardizzazione|omogeneizzazione|digitalizzazione|riorganizzazione|razionalizzazione|integrazione|stesura|istruttori[ae]|trasmissione|invio|raccolta|ottimizzazione|potenziamento|prosecuzione|proseguimento|svolgimento|erogazione|mantenimento|garantire|assicurare|effettuare|attivit\w*|azion[ei]|incontr[oi]|riunion[ei]|tavol[oi]|sperimentazione|ricerca|censimento|aggiudicazione|affidamento|acquisizione|stipula|sottoscrizione|conclusione|chiusura|apertura|inserimento|costituzione|istituzione|nomina|convocazione|comunicazione|diffusione|informazione|sensibilizzazione|revisione|semplificazione|dematerializzazione|informatizzazione|riduzione|incremento|rispetto|adeguamento|recupero|bonifica|manutenzione|pulizia|vigilanza|assistenza|consulenza|collaborazione|condivisione|confronto|coinvolgimento|valutazione|misurazione|certificazione|nel\b|ad\b|in\b|entro\b|con\b|per\b|come\b|secondo\b|sulla base\b|in base\b)/;
const QUALITATIVE_ANY_RE =
  /(?:^|[^\p{L}])(?:report|relazione|documento|delibera|deliberazione|determina|regolamento|piano|bilancio|rendiconto|progetto|procedura|protocollo|convenzione|accordo|atto|atti|provvedimento|verbale|elenco|banca dati|database|sistema|portale|sito|modulistica|circolare|direttiva|linee guida|vademecum|questionario|indagine|graduatoria|bando|avviso|gara|contratto)(?![\p{L}])/u;
const QUALITATIVE_WORD_RE =
  /(?:^|[^\p{L}])(?:tempestiv\p{L}*|puntual\p{L}*|regolar\p{L}*|complet[oaie]|adeguat\p{L}*|conform\p{L}*|positiv[oaie]|efficac\p{L}*|ottimal\p{L}*|soddisfacent\p{L}*|sufficient\p{L}*|buon[oaie]?|ottim[oaie]|elevat[oaie]|alt[oaie]|medi[oaie]|bass[oaie]|miglior\p{L}*|rispett\p{L}*|garantit\p{L}*|assicurat\p{L}*|effettuat\p{L}*|realizzat\p{L}*|attivat\p{L}*|svolt[oaie]|in linea|nei termini|a regime|on line|online|digitale|sempre|tutt[ieao]|ogni)(?![\p{L}])/u;
const OPERATOR_WORD_RE =
  /[<>=]|(?:^|[^\p{L}])(?:almeno|minimo|massimo|non inferiore|non superiore|non piu'?|non meno|superiore|inferiore|maggiore|minore|pari|entro|oltre)(?![\p{L}])/u;
const INFINITIVE_RE = /(?:^|\s)\p{L}{3,}(?:are|ere|ire)(?:\s|$)/u;
const YEAR_WORD_RE = /(?:^|[^\d])(?:19|20)\d{2}(?!\d)/;

const REFERENCE_BEFORE_RE =
  /(?:\bart\.?|\bartt\.?|\barticol[oi]|\bcomm[ai]|\blegge|\bl\.|\bd\.?\s?lgs\.?|\bdlgs|\bdpr|\bd\.p\.r\.?|\bdecreto|\bregolamento|\breg\.|\bdelibera\w*|\bdetermin\w*|\bcircolare|\bcap\.?|\bcapitol[oi]|\bmission[ei]|\bprogramm[ai]|\bcodice|\bcod\.|\bprot\.?|\bprotocollo|\ballegat[oi]|\bfase|\bfasi|\bobiettiv[oi]|\bob\.|\bpunt[oi]|\bpar\.|\bparagraf[oi]|\blett\.?|\bmod\.|\bmodello|\bscheda|\bd\.m\.|\bdm|\bl\.r\.|\blr|\bd\.g\.r\.|\bdgr|\bdcc|\bdgc|\bmisura|\bazione|\blinea|\bsezione|\btabella|\btab\.|\bpag\.?|\bversione|\bvers\.|\bv\.|\bcig|\bcup|\bai sensi|\bex\b|\bcivico|\bvia|\bpiazza|\blotto|\bstralcio|\bpiano|\bpeg|\bdup|\bpiao|\bogni)\s*(?:n\.?|nr\.?|n°|n\.ro)?\s*$/;
const REFERENCE_AFTER_RE =
  /^(?:\s*[°º]|\s+(?:del|di ogni|di ciascun)\s+mese|\s*\/\s*(?:\d{2}|\d{4})(?!\d)|\s+del\s+(?:\d|(?:19|20)\d{2})|\s*bis\b|\s*ter\b)/;

// Operators written before a number (folded text), each anchored at the end of the text before it.
const FILL =
  "(?:\\s*(?:il|lo|la|i|gli|le|l'|un|una|n\\.|nr\\.|n°|num\\.|numero(?: di)?|un totale di|complessiv[io]|€|euro|eur|ad|a|al|almeno|pari a|pari al|quota|soglia|valore|livello|:))*\\s*$";
function opRe(alts: string): RegExp {
  return new RegExp("(?:^|[^\\p{L}])(?:" + alts + ")" + FILL, "u");
}
const OPS: { op: TargetRule["op"] | "pari"; re: RegExp }[] = [
  {
    op: ">=",
    re: opRe(
      ">=|maggiore o uguale (?:a|al|ad|alla|ai)|superiore o uguale (?:a|al|ad|alla|ai)|uguale o superiore (?:a|al|ad|alla|ai)|pari o superiore (?:a|al|ad|alla|ai)|non inferiore (?:a|al|ad|alla|ai|alle|all'|agli)|non meno di|non meno del|almeno|minimo(?: di| del)?|min\\.?|come minimo|a partire da|da un minimo di|non al di sotto (?:di|del|dei)|o piu'?|e oltre"
    ),
  },
  {
    op: "<=",
    re: opRe(
      "<=|minore o uguale (?:a|al|ad|alla|ai)|inferiore o uguale (?:a|al|ad|alla|ai)|uguale o inferiore (?:a|al|ad|alla|ai)|pari o inferiore (?:a|al|ad|alla|ai)|non superiore (?:a|al|ad|alla|ai|alle|all'|agli)|non (?:piu'?|oltre) (?:di|del|dei|delle|il|i|le)?|al massimo|massimo(?: di| del)?|max\\.?|fino a(?:l|d|i)?|entro(?: i| il| le)?|non eccedente|un massimo di|entro un massimo di|non oltre|tetto"
    ),
  },
  {
    op: ">",
    re: opRe(
      ">|superiore (?:a|al|ad|alla|ai|all'|agli)|maggiore (?:di|del|dei|a|al|ai)|oltre(?: il| i| le)?|piu'? di|piu'? del|sopra(?: il| al| i)?|al di sopra (?:di|del|dei)"
    ),
  },
  {
    op: "<",
    re: opRe(
      "<|inferiore (?:a|al|ad|alla|ai|all'|agli)|minore (?:di|del|dei|a|al|ai)|meno di|meno del|sotto(?: il| al| i)?|al di sotto (?:di|del|dei)"
    ),
  },
  {
    // `riduzione dei tempi a 30 giorni`: a level to reach, not a change.
    op: "<=",
    re: /(?:^|[^\p{L}])(?:riduzione|ridurre|diminuzione|diminuire|contenimento|contenere|abbattimento|abbattere)(?![\p{L}])[^;]{0,40}?\s(?:a|al|ai|sotto|fino a|fino al|entro)\s*(?:n\.\s*)?$/u,
  },
  {
    op: ">=",
    re: /(?:^|[^\p{L}])(?:aumento|aumentare|incremento|incrementare|portare|innalzamento|innalzare|crescita)(?![\p{L}])[^;]{0,40}?\s(?:a|al|ai|fino a|fino al|sopra)\s*(?:n\.\s*)?$/u,
  },
  { op: "=", re: opRe("=|uguale (?:a|al|ad)|esattamente|coincidente con") },
  {
    op: "pari",
    re: opRe(
      "pari (?:a|al|ad|allo|alla|ai|agli|alle)|corrispondente (?:a|al)|equivalente (?:a|al)"
    ),
  },
];
const OP_AFTER_RE =
  /^\s*(?:(?:o|e|ed)\s+(?:piu'?|oltre|superiore|maggiore|sopra)|\(?\s*(?:minimo|almeno)\s*\)?|\+)(?![\p{L}])/u;
const OP_AFTER_LOWER_RE =
  /^\s*(?:(?:o|e|ed)\s+(?:meno|inferiore|minore|sotto)|\(?\s*massimo\s*\)?)(?![\p{L}])/u;

const CONJ_GAP_RE =
  /^\s*(?:%\s*)?(?:[\p{L}']+\s+){0,5}?(?:e|ed|,|e di|e almeno|,?\s*di cui(?: almeno)?)\s*$/u;
/** `da 40 a 30 gg`, `Aumento da 100 a 120 utenti`: from the present level to the target one. */
const FROM_BEFORE_RE = /(?:^|[^\p{L}])da\s*$/u;
const FROM_MID_RE = /^\s*(?:%\s*)?(?:a|ad)\s*$/;
const CHANGE_WORD_RE =
  /(?:^|[^\p{L}])(?:aument\p{L}*|increment\p{L}*|crescit\p{L}*|passaggio|portare|innalz\p{L}*|riduzion\p{L}*|ridurre|diminu\p{L}*|abbatt\p{L}*)(?![\p{L}])/u;
const BETWEEN_BEFORE_RE =
  /(?:^|[^\p{L}])(?:tra|fra|compres[oaie] tra|compres[oaie] fra|range|intervallo|oscillazione tra|da)\s*(?:il|i|lo|la|le|l')?\s*$/u;
const BETWEEN_MID_RE = /^\s*(?:e|ed|a|al|ai|-|–|÷|\/)\s*(?:il|i|l')?\s*$/;
const BETWEEN_DASH_RE = /^\s*(?:-|–|÷)\s*$/;

const INCREASE_RE =
  /(?:^|[^\p{L}])(?:increment[oai]|incrementare|aument[oai]|aumentare|crescita|crescere|miglioramento|migliorare|innalzamento|potenziamento|maggiorazione|variazione positiva)(?:\s+(?:complessiv[oa]|minim[oa]|almeno))?\s*(?:del|di|dell'|pari al|pari a|almeno del|almeno di|minimo del|non inferiore al|di almeno|del almeno|di un|di una|nella misura del)?\s*(?:almeno\s+)?(?:il\s+)?(?:n\.\s*)?$/u;
const DECREASE_RE =
  /(?:^|[^\p{L}])(?:riduzione|ridurre|riduce|diminuzione|diminuire|calo|contenimento|contenere|abbattimento|abbattere|decremento|contrazione|variazione negativa)(?:\s+(?:complessiv[oa]|minim[oa]|almeno))?\s*(?:del|di|dell'|pari al|pari a|almeno del|almeno di|minimo del|non inferiore al|di almeno|del almeno|di un|di una|nella misura del)?\s*(?:almeno\s+)?(?:il\s+)?(?:n\.\s*)?$/u;
/** `+ 10 iscritti`, `+10`: nothing but the signed number (and its noun) is a change. */
const PLUS_COUNT_RE = /^\s*$/;
const CHANGE_WORD_HINT_RE = /riduz|ridur|dimin|increm|aument|cresc|miglior|conten|abbatt/;
/** `Riduzione ≥ 10%`, `incremento pari o superiore al 5%`: an operator on the change itself. */
const CHANGE_OP_TAIL_RE =
  /\s*(?:>=|>|:|(?:pari o |uguale o )?(?:superiore|maggiore) (?:a|al|del)|non inferiore (?:a|al))\s*$/;
const LOOSE_INC_RE =
  /(?:^|[^\p{L}])(?:increment|aument|crescit|miglior|innalz|potenziament)\p{L}*(?![\p{L}])[^;]{0,50}?\s(?:del|di|pari al|dell')\s*(?:almeno\s+)?(?:il\s+)?$/u;
const LOOSE_DEC_RE =
  /(?:^|[^\p{L}])(?:riduzion|ridurre|diminuzion|diminuire|calo|contenimento|abbattimento|decrement|contrazion)\p{L}*(?![\p{L}])[^;]{0,50}?\s(?:del|di|pari al|dell')\s*(?:almeno\s+)?(?:il\s+)?$/u;
const CHANGE_AFTER_RE =
  /^\s*(?:in\s+(piu'?|meno)|di\s+(incremento|aumento|crescita|riduzione|diminuzione))/;
const RISPETTO_AFTER_RE =
  /^[^;]{0,40}?(?:rispetto|in piu'? rispetto|su base annua|vs\.?|sul(?:l')?(?:\s+anno)?|sull'anno|anno su anno|in relazione|nei confronti)(?:\s|$|[^\p{L}])/u;
const RISPETTO_BASE_RE =
  /(?:rispetto|vs\.?|confronto)\s*(?:a|al|all'|ai|alla|allo|agli|alle|con|del|dell')?\s*(?:l'|il|lo|la|i|gli|le)?\s*(?:anno|esercizio|annualita|valore|dato|periodo|media|livello|consuntivo|baseline|base|precedent|storico|(?:19|20)\d{2})/;
const MAINTAIN_RE =
  /(?:^|[^\p{L}])(?:mantenimento|mantenere|confermare|conferma|invariat[oaie]|stabil[ei]|in linea con|non inferiore (?:all'anno|al valore|al dato|alla media|ai valori|al livello|all'esercizio|al (?:19|20)\d{2})|(?:>=|almeno pari|pari o superiore|uguale o superiore|non inferiore|pari|uguale)\s*(?:a|al|all'|ai|alla)?\s*(?:l'|il|la)?\s*(?:anno|esercizio|valore|dato|livello|media|baseline|base)\s*(?:precedente|storico|base|attuale)?)(?![\p{L}])/u;
const QUANTITY_NOUNS =
  "numero|entrate|spesa|spese|tempi|tempo|tasso|percentuale|incassi|costi|costo|importo|volume|quota|utenti|iscritti|accessi|presenze|giorni|ore|residui|riscossion[ei]|gettito|consumi|rifiuti|pratiche|domande|richieste|contenziosi|reclami|sinistri|infortuni|assenze|debiti|ritardi|giacenze|arretrati|visitatori|prestiti|interventi|controlli|sanzioni|accertamenti|incidenti";
/** `Riduzione del numero di sinistri`, `Incremento delle entrate`: a change with no number. */
const UP_WORD_RE = new RegExp(
  "(?:^|[^\\p{L}])(?:incremento|aumento|crescita|incrementare|aumentare|potenziamento)\\s+(?:del|della|dei|delle|degli|dello|dell')\\s*(?:\\p{L}+\\s+){0,2}?(?:" +
    QUANTITY_NOUNS +
    ")(?![\\p{L}])",
  "u"
);
const DOWN_WORD_RE = new RegExp(
  "(?:^|[^\\p{L}])(?:riduzione|diminuzione|contenimento|abbattimento|ridurre|diminuire|contenere|abbattere|contrazione)\\s+(?:del|della|dei|delle|degli|dello|dell')\\s*(?:\\p{L}+\\s+){0,2}?(?:" +
    QUANTITY_NOUNS +
    ")(?![\\p{L}])",
  "u"
);
const IMPROVE_VS_BASE_RE =
  /(?:^|[^\p{L}])(?:miglioramento|incremento|aumento|crescita)(?![\p{L}])[^;]{0,40}?rispetto\s*(?:a|al|all'|ai)?\s*(?:l'|il)?\s*(?:anno|esercizio|valore|dato|periodo|(?:19|20)\d{2})/u;
const WORSEN_VS_BASE_RE =
  /(?:^|[^\p{L}])(?:riduzione|diminuzione|calo|contenimento)(?![\p{L}])[^;]{0,40}?rispetto\s*(?:a|al|all'|ai)?\s*(?:l'|il)?\s*(?:anno|esercizio|valore|dato|periodo|(?:19|20)\d{2})/u;
const EQUAL_BASE_RE =
  /^(?:=|uguale a(?:l(?:la)?)?|pari a(?:l(?:la)?)?)\s*(?:la\s+)?(?:baseline|valore base|base)$/;
const UP_TREND_RE =
  /(?:^|[^\p{L}])(?:in (?:aumento|crescita|miglioramento)|trend positivo|crescente|>\s*(?:(?:anno|esercizio|valore|dato)\s*(?:precedente|storico|base)|baseline|base)|^(?:incremento|aumento|crescita|miglioramento|incrementare|aumentare|migliorare)\.?$)(?![\p{L}])/u;
const DOWN_TREND_RE =
  /(?:^|[^\p{L}])(?:in (?:diminuzione|riduzione|calo)|trend negativo|decrescente|<=?\s*(?:(?:anno|esercizio|valore|dato)\s*(?:precedente|storico|base)|baseline|base)|^(?:riduzione|diminuzione|contenimento|ridurre|diminuire|contenere)\.?$)(?![\p{L}])/u;

const LOWER_WORDS_RE =
  /(?:^|[^\p{L}])(?:ritard\w*|tempi|tempo|durata|attesa|giacenz\w*|arretrat\w*|reclam\w*|ricors\w*|contenzios\w*|error\w*|rilievi|contestazion\w*|sanzion\w*|infortun\w*|sinistr\w*|assenz\w*|assenteismo|scart\w*|disserviz\w*|guast\w*|incident\w*|esposti|lamentel\w*|anomali\w*|non conformita|costo|costi|spesa|spese|debit\w*|residu\w*|insolut\w*|morosita|evasione fiscale|turn ?over|giorni di chiusura|chiusura)(?![\p{L}])/u;
const CLEAR_WORDS_RE =
  /(?:^|[^\p{L}])(?:smaltiment\p{L}*|smaltire|recuper\p{L}*|riscoss\p{L}*|incass\p{L}*|eliminazion\p{L}*|eliminare|estinzion\p{L}*|contrasto|lotta|definizion\p{L}*)(?![\p{L}])/u;
const RESPECT_WORDS_RE =
  /(?:^|[^\p{L}])(?:rispetto|riduzione|rispettare)\s+(?:de[il]|delle|della|dei|degli|i|il|le)?\s*(?:tempi|termini|tempo|scadenz\w*)/u;
const HIGHER_DAYS_RE =
  /(?:^|[^\p{L}])(?:apertur\p{L}*|apert[oaie]|servizio|attivit\p{L}*|formazione|giornate|presenz\p{L}*|copertura|erogazione|disponibilit\p{L}*|almeno|minimo)(?![\p{L}])/u;
const PERCENT_HINT_RE = /percentual|tasso|per cento/;
const PERCENT_CONTEXT_RE =
  /(?:^|[^\p{L}])(?:percentuale|tasso|per cento|incidenza percentuale)(?![\p{L}])[^\d;]*$/u;
const DAYS_CONTEXT_RE = /(?:^|[^\p{L}])(?:giorni|gg|giornate lavorative)\.?\s*$/u;
const YEAR_END_RE =
  /(?:^|[^\p{L}])(?:entro|a|al|per|prima del(?:la)?)?\s*(?:la\s+)?(?:fine|termine|chiusura)\s+(?:(?:dell'|del\s+)?(?:anno|esercizio|annualita)(?:\s+((?:19|20)\d{2}))?|(?:del\s+)?((?:19|20)\d{2})(?!\d))|(?:^|[^\p{L}])entro\s+(?:l'anno|l'esercizio|l'annualita|il\s+((?:19|20)\d{2})|((?:19|20)\d{2}))(?![\p{L}\d])/u;
const DEADLINE_BEFORE_RE =
  /(?:^|[^\p{L}'])(?:entro|scadenza|scade|termine|non oltre|al piu'? tardi|prima d(?:el|i|ella)|by|fine|a|al|il|per il|in data|data|fino al|realizzazione|attuazione|approvazione|adozione|completamento|conclusione|avvio|attivazione|pubblicazione|presentazione|trasmissione|invio|consegna)\s*(?:il|l'|la|del|di|mese di|fine|:|-)?\s*$/u;
const NOT_DEADLINE_BEFORE_RE =
  /(?:\bdel|\bdal|\bdall'|\bn\.|\bnr\.|\bn°|rispetto al|approvat\w* (?:il|in data)|vigente|in vigore|\bdalla)\s*$/;
/** `entro il termine del 30/06`, `non oltre la data del 31/12`: the `del` names the deadline. */
const TERM_OF_RE =
  /(?:(?:entro|non oltre|scadenza|rispetto)\s+(?:il\s+|la\s+|del\s+|della\s+)?(?:termine|data|giorno)\s+(?:ultimo\s+)?del|(?:^|\s)(?:la\s+)?fine\s+del)\s*$/;
/** `entro metà anno`, `a metà del 2026`: the 30th of June. */
const MID_YEAR_RE =
  /(?:^|[^\p{L}])met[aà]\s+(?:(?:dell'|del(?:l')?\s*)?(?:anno|esercizio)(?:\s+((?:19|20)\d{2}))?|del\s+((?:19|20)\d{2}))(?![\p{L}\d])/u;
const DATE_FILLER_RE =
  /(?:entro|il|la|lo|l'|di|del|della|mese|fine|a|al|data|scadenza|termine|ore|:|-|–|\.|,|\(|\)|\s)+/g;

// Also elided forms and the words of comparisons (`maggiore`, `max`, `atteso`).
const STOP_WORDS = new Set<string>([
  ...TARGET_FILLER_WORDS,
  "dell'",
  "l'",
  "e",
  "o",
  "a",
  "n",
  "maggiore",
  "minore",
  "uguale",
  "atteso",
  "max",
  "min",
  "sulla",
  "sui",
]);

// ---------------------------------------------------------------------------------------------

function words(s: string): string[] {
  return s.match(/[\p{L}][\p{L}']*/gu) ?? [];
}

function contentWords(s: string): string[] {
  return words(fold(s)).filter((w) => !STOP_WORDS.has(w) && w.length > 1);
}

function nounFor(seg: Segment, n: FoundNumber, from: number): string | undefined {
  if (n.noun) return n.noun;
  // `10 controlli di cui 5 in orario notturno`: the part is named by the words after it.
  if (/di cui\s*(?:almeno\s*)?$/.test(seg.lc.slice(from, n.index))) {
    const after = contentWords(seg.text.slice(n.end, n.end + 40).split(/[;,.()]/)[0]);
    if (after.length) return after.slice(0, 3).join(" ");
  }
  const before = contentWords(seg.text.slice(from, n.index));
  if (before.length === 0) return undefined;
  return before.slice(-5).join(" ");
}

/** Relative claims: `+5% rispetto all'esercizio precedente`, `riduzione del 10%`, `mantenimento`. */
export function readRelative(seg: Segment, nums: FoundNumber[], used: Set<FoundNumber>): Claim[] {
  const out: Claim[] = [];
  for (const n of nums) {
    if (used.has(n) || n.year) continue;
    let before = seg.lc.slice(Math.max(0, n.index - 60), n.index);
    if (CHANGE_WORD_HINT_RE.test(before)) before = before.replace(CHANGE_OP_TAIL_RE, " del ");
    const after = seg.lc.slice(n.end, n.end + 60);
    let sign: 1 | -1 | 0 | null = null;
    const pct = n.unit === "percent";
    const inc =
      INCREASE_RE.test(before) || (pct && LOOSE_INC_RE.test(before) && !LOOSE_DEC_RE.test(before));
    const dec = !inc && (DECREASE_RE.test(before) || (pct && LOOSE_DEC_RE.test(before)));
    const rispetto =
      RISPETTO_AFTER_RE.test(after) && RISPETTO_BASE_RE.test(seg.lc.slice(n.end, n.end + 80));
    const ca = CHANGE_AFTER_RE.exec(after);
    if (n.sign === "±") sign = 0;
    else if (
      n.sign === "+" &&
      (n.unit === "percent" || rispetto || inc || PLUS_COUNT_RE.test(seg.lc.slice(0, n.index)))
    )
      sign = 1;
    else if (n.sign === "-" && (n.unit === "percent" || rispetto || dec)) sign = -1;
    else if (inc) sign = 1;
    else if (dec) sign = -1;
    else if (ca) {
      const w = ca[1] ?? ca[2] ?? "";
      sign = /meno|riduzione|diminuzione/.test(w) ? -1 : 1;
    } else if (
      rispetto &&
      n.unit === "percent" &&
      /(?:variazione|scostamento|oscillazione)\s*(?:del|di|max|massim[oa])?\s*$/.test(before)
    )
      sign = 0;
    if (sign === null) continue;
    used.add(n);
    const mode = n.unit === "percent" ? "percent" : "absolute";
    const end = ca ? n.end + ca[0].length : n.end;
    out.push({
      rule: rule(seg.text.slice(Math.max(0, n.index - 40), end).trim(), "relative", {
        value: Math.abs(n.value),
        unit: mode === "percent" ? "percent" : "count",
        relative: { mode, sign },
        direction: sign === 1 ? "higher" : sign === -1 ? "lower" : "equal",
      }),
      start: n.index,
      end,
      explicit: true,
    });
  }
  return out;
}

const YEAR_BASE_RE =
  /^(?:(?:valore|dato|risultato|indicatore|target)\s*:?\s*)?(>=|<=|>|<|=|(?:non\s+)?(?:superiore|inferiore|maggiore|minore)|(?:almeno|uguale|pari)(?:\s+o\s+(?:superiore|inferiore|maggiore|minore))?(?:\s+pari)?|miglior(?:are|amento)(?:\s+rispetto)?|migliore)\s*(?:a|al|all'|ai|alla|allo|di|del|dell'|il|lo|l')?\s*(?:(?:valore|dato|livello|risultato|consuntivo|media|anno|esercizio)\s*(?:(?:del(?:l')?|di)\s*)?(?:(?:anno|esercizio)\s+)?)?((?:19|20)\d{2})[.!]?$/;

/**
 * A comparison with a past year's value: `> 2024`, `Superiore al 2024`, `≤ valore 2024`,
 * `Pari al 2024`, `Migliorare il dato 2024` -> relative to the baseline (`>` is read as `≥`).
 */
export function readYearBase(seg: Segment): Claim | null {
  const lc = seg.lc.trim();
  if (lc.length > 60) return null;
  const m = YEAR_BASE_RE.exec(lc);
  if (!m) return null;
  const w = m[1];
  const down =
    w === "<" ||
    w === "<=" ||
    /^non\s+(?:superiore|maggiore)|^(?:inferiore|minore)|o\s+(?:inferiore|minore)$/.test(w);
  return versusBaseline(seg, down ? -1 : 1);
}

/** The whole segment as "above (1) / below (-1) the baseline", no amount given. */
function versusBaseline(seg: Segment, sign: 1 | -1): Claim {
  return {
    rule: rule(seg.text, "relative", {
      value: 0,
      unit: "count",
      relative: { mode: "absolute", sign },
      direction: sign === 1 ? "higher" : "lower",
    }),
    start: 0,
    end: seg.text.length,
    explicit: true,
  };
}

/** A relative target without a number: `mantenimento`, `in aumento rispetto al 2024`. */
function readTrend(seg: Segment): Claim | null {
  const lc = seg.lc;
  let sign: 1 | -1 | null = null;
  const yb = readYearBase(seg);
  if (yb) return yb;
  if (EQUAL_BASE_RE.test(lc.trim())) {
    return {
      rule: rule(seg.text, "relative", {
        value: 0,
        unit: "count",
        relative: { mode: "absolute", sign: 0 },
        direction: "equal",
      }),
      start: 0,
      end: seg.text.length,
      explicit: true,
    };
  }
  if (DOWN_TREND_RE.test(lc) || DOWN_WORD_RE.test(lc) || WORSEN_VS_BASE_RE.test(lc)) sign = -1;
  else if (
    UP_TREND_RE.test(lc) ||
    MAINTAIN_RE.test(lc) ||
    UP_WORD_RE.test(lc) ||
    IMPROVE_VS_BASE_RE.test(lc)
  )
    sign = 1;
  if (sign === null) return null;
  return versusBaseline(seg, sign);
}

/** A deadline said in words (`metà anno`, `fine anno`): the matched words, on a fixed day of year y. */
function wordedDeadline(
  seg: Segment,
  m: RegExpExecArray,
  y: number,
  month: number,
  day: number
): Claim {
  return {
    rule: rule(seg.text.slice(m.index, m.index + m[0].length).trim(), "deadline", {
      date: isoDate(y, month, day),
      unit: "date",
    }),
    start: m.index,
    end: m.index + m[0].length,
    explicit: true,
  };
}

/** Deadlines: `Entro il 30/9`, `31.12`, `ENTRO SETTEMBRE`, `da 01/01/2025 a giugno 2025`, `entro fine anno`. */
export function readDeadlines(seg: Segment, found?: DateSpan[]): Claim[] {
  const out: Claim[] = [];
  const spans = (found ?? findTargetDates(seg.text, seg.year))
    .filter((d) => !isRatioSpan(seg.text, d))
    .slice(0, MAX_RULES);
  const used = new Set<number>();
  if (spans.length > 0) {
    const range = findDateRange(spans, seg.text);
    if (range) {
      const [a, b] = range;
      let from = a.start;
      if (!a.hasYear && b.hasYear)
        from = isoDate(b.y, a.m, a.precision === "month" ? 1 : (a.d ?? 1));
      const start = Math.max(
        0,
        seg.lc.lastIndexOf(" da", a.index) >= a.index - 8 ? a.index - 5 : a.index
      );
      out.push({
        rule: rule(seg.text.slice(start, b.end).trim(), "deadline", {
          date: b.date,
          from,
          unit: "date",
        }),
        start: a.index,
        end: b.end,
        explicit: true,
      });
      used.add(a.index).add(b.index);
    }
    for (const s of spans) {
      if (used.has(s.index)) continue;
      const before = seg.lc.slice(Math.max(0, s.index - 30), s.index);
      let deadline: boolean;
      if (TERM_OF_RE.test(before) || isBracketedDeadline(seg.text, s)) deadline = true;
      else if (NOT_DEADLINE_BEFORE_RE.test(before)) deadline = false;
      else if (DEADLINE_BEFORE_RE.test(before)) deadline = true;
      else if (s.precision === "day") deadline = true;
      else {
        const rest = (seg.lc.slice(0, s.index) + " " + seg.lc.slice(s.end)).replace(
          DATE_FILLER_RE,
          ""
        );
        deadline = rest.length === 0;
      }
      if (!deadline) continue;
      const m =
        /(?:entro|scadenza|termine|non oltre|fine)\s*(?:il|l'|la|del|di|mese di|fine)?\s*$/.exec(
          before
        );
      const start = m ? s.index - (before.length - m.index) : s.index;
      out.push({
        rule: rule(seg.text.slice(start, s.end).trim(), "deadline", { date: s.date, unit: "date" }),
        start,
        end: s.end,
        explicit: true,
      });
    }
  }
  if (out.length === 0) {
    const mid = MID_YEAR_RE.exec(seg.lc);
    const y = mid ? Number(mid[1] ?? mid[2] ?? seg.year) : NaN;
    if (mid && Number.isInteger(y)) out.push(wordedDeadline(seg, mid, y, 6, 30));
  }
  if (out.length === 0) {
    const ye = YEAR_END_RE.exec(seg.lc);
    const y = ye ? Number(ye[1] ?? ye[2] ?? ye[3] ?? ye[4] ?? seg.year) : NaN;
    if (ye && Number.isInteger(y)) out.push(wordedDeadline(seg, ye, y, 12, 31));
  }
  return out;
}

const OP_HINT_RE =
  /[<>=]|almen|min|max|massim|non |superior|inferior|maggior|minor|oltre|piu|sopra|sotto|meno|fino|entro|pari|ugual|esattamente|coincid|corrispond|equivalent|tetto|partire|riduz|ridur|dimin|conten|abbatt|aument|increment|portare|innalz|crescit/;

function opBefore(before: string): { op: TargetRule["op"] | "pari"; at: number } | null {
  if (!OP_HINT_RE.test(before)) return null;
  let best: { op: TargetRule["op"] | "pari"; at: number } | null = null;
  for (const o of OPS) {
    const m = o.re.exec(before);
    if (m && (best === null || m.index < best.at)) best = { op: o.op, at: m.index };
  }
  return best;
}

/** A number that names something (`art. 5`, `L. 241/90`, `delibera n. 12 del …`), not a quantity. */
export function isReferenceNumber(lc: string, n: FoundNumber): boolean {
  if (n.word) return false;
  const before = lc.slice(Math.max(0, n.index - 24), n.index);
  if (REFERENCE_BEFORE_RE.test(before)) return true;
  if (n.unit === "ratio" && n.max !== undefined && n.value > n.max) return true;
  if (!n.unit && REFERENCE_AFTER_RE.test(lc.slice(n.end, n.end + 12))) return true;
  return false;
}

function isReference(seg: Segment, n: FoundNumber): boolean {
  return isReferenceNumber(seg.lc, n);
}

function unitOf(seg: Segment, n: FoundNumber, from: number): TargetRule["unit"] {
  switch (n.unit) {
    case "percent":
      return "percent";
    case "euro":
      return "euro";
    case "days":
    case "months":
      return "days";
    case "ratio":
      return "ratio";
    default:
      break;
  }
  const before = seg.lc.slice(Math.max(from, n.index - 30), n.index);
  const stripped = before.replace(
    /\s*(?:<=|>=|<|>|=|almeno|massimo|non piu'? di|pari a|:)\s*$/,
    ""
  );
  if (DAYS_CONTEXT_RE.test(stripped)) return "days";
  // `Percentuale ≥ 80`, `Tasso di copertura 65`: a percentage written without `%`.
  if (
    n.value > 0 &&
    n.value <= 100 &&
    !n.noun &&
    PERCENT_HINT_RE.test(seg.lc) &&
    PERCENT_CONTEXT_RE.test(seg.lc.slice(from, n.index))
  )
    return "percent";
  if (n.noun && /^(?:giorni|gg)\b/.test(n.noun)) return "days";
  // `≤ 5 (cinque) giorni`
  if (/^\s*\([^()]{1,20}\)\s*(?:giorni|gg)(?![\p{L}])/u.test(seg.lc.slice(n.end, n.end + 40)))
    return "days";
  return "count";
}

const DAYS_PER_MONTH = 30;

/** `entro 2 mesi` is a time limit of 60 days (the rule has no month unit). */
function inDays(n: FoundNumber): number {
  return n.unit === "months" ? n.value * DAYS_PER_MONTH : n.value;
}

function lowerContext(seg: Segment, n: FoundNumber, from: number): boolean {
  const near = seg.lc.slice(Math.max(from, n.index - 60), Math.min(seg.lc.length, n.end + 40));
  if (RESPECT_WORDS_RE.test(near)) return false;
  const low = LOWER_WORDS_RE.exec(near);
  if (low) {
    // `Smaltimento arretrato`, `Recupero evasione fiscale`: what is cleared, higher is better.
    const head = CLEAR_WORDS_RE.exec(near);
    return !(head && head.index <= low.index);
  }
  return false;
}

/** Comparisons, percentages, between and bare numbers (`>=2`, `Almeno 3`, `75%`, `tra 10 e 20`, `10`). */
export function readComparisons(
  seg: Segment,
  nums: FoundNumber[],
  used: Set<FoundNumber>,
  stops: number[]
): Claim[] {
  const out: Claim[] = [];
  const candidates = nums.filter((n) => !used.has(n) && !n.year && !isReference(seg, n));
  for (let i = 0; i < candidates.length; i++) {
    const n = candidates[i];
    if (used.has(n)) continue;
    // The text that can hold this number's operator: from the end of the previous claim or number.
    let from = 0;
    for (const s of stops) if (s <= n.index && s > from) from = s;
    for (const m of nums) if (m !== n && m.end <= n.index && m.end > from) from = m.end;
    const before = seg.lc.slice(Math.max(from, n.index - 60), n.index);
    const after = seg.lc.slice(n.end, n.end + 30);
    const next = candidates[i + 1];
    const fromTo = next && !used.has(next) ? readFromTo(seg, n, next, before, from) : null;
    if (fromTo) {
      used.add(n).add(next);
      out.push(fromTo);
      continue;
    }
    // Between: `tra 10 e 20`, `da 10 a 20`, `10-20`.
    if (next && !used.has(next) && next.value >= n.value && !n.sign) {
      const mid = seg.lc.slice(n.end, next.index);
      if (
        BETWEEN_MID_RE.test(mid) &&
        (BETWEEN_BEFORE_RE.test(before) || BETWEEN_DASH_RE.test(mid))
      ) {
        used.add(n).add(next);
        const worded = BETWEEN_BEFORE_RE.test(before);
        const unitN =
          n.unit === "percent" || next.unit === "percent" ? "percent" : unitOf(seg, next, from);
        const bm = BETWEEN_BEFORE_RE.exec(before);
        const start = bm ? n.index - (before.length - bm.index) : n.index;
        out.push({
          rule: rule(seg.text.slice(Math.max(0, start), next.end).trim(), "between", {
            value: next.unit === "months" ? n.value * DAYS_PER_MONTH : n.value,
            valueMax: inDays(next),
            unit: unitN,
            direction: "equal",
            ...(next.noun ? { noun: next.noun } : {}),
          }),
          start,
          end: next.end,
          // `tra 10 e 20` is a target; a bare `1-5` may only describe a scale.
          explicit: worded,
        });
        continue;
      }
    }
    const ob = opBefore(before);
    let op: TargetRule["op"] | "pari" | null = ob ? ob.op : null;
    let start = ob ? n.index - (before.length - ob.at) : n.index;
    if (!op) {
      if (OP_AFTER_RE.test(after)) op = ">=";
      else if (OP_AFTER_LOWER_RE.test(after)) op = "<=";
      start = n.index;
    }
    // `Almeno 3 incontri e 2 report`: the operator reaches the next number of the list.
    if (!op && out.length > 0) {
      const prev = out[out.length - 1];
      const p = prev.rule.op;
      if (
        prev.explicit &&
        (p === ">=" || p === ">" || p === "<=" || p === "<") &&
        prev.end <= n.index
      ) {
        if (CONJ_GAP_RE.test(seg.lc.slice(prev.end, n.index))) op = p;
      }
    }
    const explicit = op !== null;
    const unit = unitOf(seg, n, from);
    const lower = lowerContext(seg, n, from);
    let assumed = false;
    // `pari a zero`: none at all, a ceiling.
    if (op === "pari") op = lower || n.value === 0 ? "<=" : ">=";
    if (op === null) {
      // `0`, `0 reclami`: zero is a ceiling; `30 gg` alone is a time limit.
      const ceiling = n.value === 0 || (unit === "days" && !HIGHER_DAYS_RE.test(seg.lc));
      op = lower || ceiling ? "<=" : ">=";
      assumed = !(unit === "percent" || unit === "ratio");
    }
    used.add(n);
    const noun = nounFor(seg, n, from);
    const r = rule(seg.text.slice(Math.max(0, Math.min(start, n.index)), n.end).trim(), op, {
      value: inDays(n),
      unit,
      direction: op === ">=" || op === ">" ? "higher" : op === "=" ? "equal" : "lower",
    });
    if (unit === "ratio" && n.max !== undefined) r.valueMax = n.max;
    if (assumed) r.assumed = true;
    if (noun) r.noun = noun;
    out.push({
      rule: r,
      start: Math.min(start, n.index),
      end: n.end,
      explicit,
      percentLike: !explicit && (unit === "percent" || unit === "ratio"),
    });
  }
  return out;
}

const LOWER_BOUND_OPS = new Set<TargetRule["op"]>([">=", ">"]);
const UPPER_BOUND_OPS = new Set<TargetRule["op"]>(["<=", "<"]);
/** What may stand between the two bounds of one range: `, `, ` - `, ` e `, ` ad un `. */
const BOUNDS_GAP_RE = /^[\s,;/\-–]*(?:(?:e|ed|ma|ad|a)(?:\s+|$))?(?:(?:un|non)(?:\s+|$))?$/;

/**
 * `Minimo 3 - massimo 5`, `non meno di 10 e non più di 20`, `≥ 3 e ≤ 5`: a lower and an upper
 * bound on the same quantity, next to each other, are one range (`between`).
 */
export function mergeBounds(seg: Segment, claims: Claim[]): Claim[] {
  const out: Claim[] = [];
  for (let i = 0; i < claims.length; i++) {
    const a = claims[i];
    const b = claims[i + 1];
    if (b && a.explicit && b.explicit && a.end <= b.start) {
      const lowFirst = LOWER_BOUND_OPS.has(a.rule.op) && UPPER_BOUND_OPS.has(b.rule.op);
      const highFirst = UPPER_BOUND_OPS.has(a.rule.op) && LOWER_BOUND_OPS.has(b.rule.op);
      const lo = lowFirst ? a.rule : b.rule;
      const hi = lowFirst ? b.rule : a.rule;
      if (
        (lowFirst || highFirst) &&
        lo.unit === hi.unit &&
        typeof lo.value === "number" &&
        typeof hi.value === "number" &&
        lo.value <= hi.value &&
        BOUNDS_GAP_RE.test(seg.lc.slice(a.end, b.start))
      ) {
        const r = rule(seg.text.slice(a.start, b.end).trim(), "between", {
          value: lo.value,
          valueMax: hi.value,
          unit: lo.unit,
          direction: "equal",
        });
        const noun = b.rule.noun ?? a.rule.noun;
        if (noun) r.noun = noun;
        out.push({ rule: r, start: a.start, end: b.end, explicit: true });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * `da 40 a 30 gg`, `Riduzione da 40 a 30 giorni`, `Aumento da 100 a 120 utenti`: a change from the
 * present level to the target level, which is the rule (`≤ 30 gg`, `≥ 120`). Without a change word
 * and going up, `da 10 a 20` stays a range.
 */
function readFromTo(
  seg: Segment,
  n: FoundNumber,
  next: FoundNumber,
  before: string,
  from: number
): Claim | null {
  if (n.sign || next.sign || !FROM_BEFORE_RE.test(before)) return null;
  if (!FROM_MID_RE.test(seg.lc.slice(n.end, next.index))) return null;
  if (n.unit && next.unit && n.unit !== next.unit) return null;
  const down = next.value < n.value;
  if (!down && (next.value === n.value || !CHANGE_WORD_RE.test(before))) return null;
  const op = down ? "<=" : ">=";
  const unit =
    next.unit === "percent" || n.unit === "percent" ? "percent" : unitOf(seg, next, from);
  const start = n.index - (before.length - (FROM_BEFORE_RE.exec(before)?.index ?? before.length));
  const r = rule(seg.text.slice(Math.max(0, start), next.end).trim(), op, {
    value: inDays(next),
    unit,
    direction: down ? "lower" : "higher",
  });
  if (next.noun) r.noun = next.noun;
  return { rule: r, start: Math.max(0, start), end: next.end, explicit: true };
}

function hasFrequency(seg: Segment): boolean {
  return FREQUENCY_RE.test(seg.lc);
}

/** No claim: qualitative when it reads as an activity or a sentence, unparsed for a bare noun phrase. */
export function readFallback(seg: Segment, hadNumbers: boolean): TargetRule {
  const lc = seg.lc.trim();
  const ws = words(lc);
  if (
    hadNumbers ||
    hasFrequency(seg) ||
    ACTIVITY_START_RE.test(lc) ||
    QUALITATIVE_ANY_RE.test(lc) ||
    QUALITATIVE_WORD_RE.test(lc) ||
    OPERATOR_WORD_RE.test(lc) ||
    YEAR_WORD_RE.test(lc) ||
    ws.length >= 4 ||
    (ws.length >= 2 && INFINITIVE_RE.test(lc))
  ) {
    return rule(seg.text, "qualitative");
  }
  return rule(seg.text, "unparsed");
}

function readSegment(written: string, year: number | undefined): TargetRule {
  const text = normalizeOperatorWords(written);
  const seg: Segment = { text, lc: fold(text), year };
  const direct = readSegmentForm(seg);
  if (direct) return direct;

  const hasDigit = /\d/.test(text);
  const dates = findTargetDates(text, year);
  let nums = hasDigit || /[\p{L}]/u.test(text) ? findNumbers(text, { words: true, dates }) : [];
  if (nums.length > MAX_NUMBERS_PER_PART) nums = nums.slice(0, MAX_NUMBERS_PER_PART);
  const used = new Set<FoundNumber>();
  const deadlines = readDeadlines(seg, dates);
  const relatives = nums.length ? readRelative(seg, nums, used) : [];
  const stops: number[] = [];
  for (const c of deadlines) stops.push(c.end);
  for (const c of relatives) stops.push(c.end);
  let numeric = nums.length ? readComparisons(seg, nums, used, stops) : [];

  // `90% delle istanze evase entro 30 gg`: the days qualify the percentage.
  const firstPct = numeric.find((c) => c.rule.unit === "percent");
  if (firstPct)
    numeric = numeric.filter(
      (c) =>
        !(
          c.rule.unit === "days" &&
          c.start > firstPct.start &&
          !/;|\se\s/.test(seg.lc.slice(firstPct.end, c.start))
        )
    );
  // `Tasso di copertura 80% (40 su 50)`: numbers in brackets explain the others.
  if (numeric.length > 1 && text.indexOf("(") >= 0) {
    const inParens = (at: number): boolean => {
      const open = text.lastIndexOf("(", at);
      return open >= 0 && text.lastIndexOf(")", at) < open;
    };
    const outside = numeric.filter((c) => !inParens(c.start));
    if (outside.length > 0 && outside.length < numeric.length)
      numeric = numeric.filter((c) => c.explicit || !inParens(c.start));
  }
  // Explicit comparisons win over bare numbers in the same sentence (`<= 0 … termine di 30 gg`);
  // an implicit percentage wins over a bare count.
  if (numeric.some((c) => c.explicit)) numeric = numeric.filter((c) => c.explicit);
  else if (numeric.some((c) => c.percentLike)) numeric = numeric.filter((c) => c.percentLike);
  else if (relatives.length > 0 || deadlines.length > 0) {
    // A bare number next to a deadline is kept (`Entro il 30/6 n. 2 report`), unless it is 0/1.
    numeric = numeric.filter(
      (c) => !(c.rule.assumed && (c.rule.value ?? 0) <= 1 && hasFrequency(seg))
    );
  } else if (
    hasFrequency(seg) &&
    numeric.every((c) => c.rule.assumed && (c.rule.value ?? 0) <= 1)
  ) {
    // `1 fase annuale`, `Report trimestrale`: a frequency, not a quantity.
    return rule(text, "qualitative");
  }

  if (numeric.length > 1) numeric = mergeBounds(seg, numeric);
  let claims = [...deadlines, ...relatives, ...numeric];
  if (claims.length === 0) {
    const trend = readTrend(seg);
    if (trend) claims = [trend];
  }
  if (claims.length === 0) {
    if (DONE_HEAD_RE.test(seg.lc))
      return rule(text, "done", { unit: "boolean", direction: "higher" });
    return readFallback(seg, (nums.some((n) => !n.year) && hasDigit) || dates.length > 0);
  }
  claims.sort((a, b) => a.start - b.start);
  if (claims.length > MAX_RULES) claims = claims.slice(0, MAX_RULES);
  if (claims.length === 1) return { ...claims[0].rule, text };
  // Each sub-rule keeps the words since the previous claim, so its noun can be matched.
  let prev = 0;
  const subs = claims.map((c) => {
    const piece = unbracketed(text.slice(prev, Math.max(c.end, prev)).trim());
    prev = Math.max(prev, c.end);
    const r = { ...c.rule };
    if (piece) r.text = piece;
    if (!r.noun && r.op !== "deadline" && r.op !== "done") {
      const cw = contentWords(piece);
      if (cw.length) r.noun = cw.slice(-5).join(" ");
    }
    return r;
  });
  return { text, op: "all", rules: subs };
}

/** `(giu. 2026`, `pratiche (entro 09/2025` (a piece cut inside brackets): without the open one. */
function unbracketed(piece: string): string {
  const open = piece.lastIndexOf("(");
  if (open < 0 || piece.indexOf(")", open) >= 0) return piece;
  return (piece.slice(0, open) + " " + piece.slice(open + 1)).replace(/\s+/g, " ").trim();
}

function measurable(r: TargetRule): boolean {
  return r.op !== "qualitative" && r.op !== "unparsed";
}

const YEAR_LABEL_RE =
  /(?:^|[\s;,(])(?:target\s+|anno\s+|valore\s+atteso\s+|obiettivo\s+)?((?:19|20)\d{2})\s*(?::|=(?!=)|[-–](?=\s)|(?=[<>]=?\s*\d))\s*/gi;

/**
 * `2025: ≥ 90%; 2026: ≥ 95%`, `2025 >= 40 2026 >= 50`: a cell with a target per year gives the plan
 * year's (or the first).
 */
export function forYear(text: string, year: number | undefined): string {
  if (text.length > 2000 || !/(?:19|20)\d{2}\s*(?:[:=–-]|[<>]=?\s*\d)/.test(text)) return text;
  const labels: { y: number; at: number; end: number }[] = [];
  YEAR_LABEL_RE.lastIndex = 0;
  for (let m = YEAR_LABEL_RE.exec(text); m; m = YEAR_LABEL_RE.exec(text)) {
    labels.push({ y: +m[1], at: m.index, end: m.index + m[0].length });
  }
  if (labels.length < 2 || new Set(labels.map((l) => l.y)).size < 2) return text;
  const pick = labels.findIndex((l) => l.y === year);
  const i = pick >= 0 ? pick : 0;
  const end = i + 1 < labels.length ? labels[i + 1].at : text.length;
  const section = text.slice(labels[i].end, end).replace(/^[\s;,]+|[\s;,]+$/g, "");
  return section || text;
}

/** `0/1`, `1 = SI; 0 = NO`, `SI = 1, NO = 0`: a yes / no indicator written as its coding. */
const BINARY_LEGEND_RE =
  /^(?:0\s*[/-]\s*1|1\s*[/-]\s*0|1\s*[=:]\s*si'?\s*[;,/-]?\s*0\s*[=:]\s*no|0\s*[=:]\s*no\s*[;,/-]?\s*1\s*[=:]\s*si'?|si'?\s*[=:]\s*1\s*[;,/-]?\s*no\s*[=:]\s*0)[.]?$/;
const YEAR_SUFFIX_RE = /\(\s*(?:anno\s+)?((?:19|20)\d{2})\s*\)/g;

/**
 * `70% (2025) - 80% (2026)`: the year after each target, in brackets; the plan year's part (or the
 * first). Also `forYear` for `2025: 70% - 2026: 80%`.
 */
export function forYearSuffix(text: string, year: number | undefined): string {
  if (text.length > 2000 || text.indexOf("(") < 0) return text;
  const labels: { y: number; at: number; end: number }[] = [];
  YEAR_SUFFIX_RE.lastIndex = 0;
  for (let m = YEAR_SUFFIX_RE.exec(text); m; m = YEAR_SUFFIX_RE.exec(text))
    labels.push({ y: +m[1], at: m.index, end: m.index + m[0].length });
  if (labels.length < 2 || new Set(labels.map((l) => l.y)).size < labels.length) return text;
  const pick = labels.findIndex((l) => l.y === year);
  const i = pick >= 0 ? pick : 0;
  const start = i > 0 ? labels[i - 1].end : 0;
  const section = text.slice(start, labels[i].at).replace(/^[\s;,/–-]+|[\s;,/–-]+$/g, "");
  return section || text;
}

const TARGET_LABEL_RE =
  /(?:^|[\s;,(–-])(?:target|obiettivo|valore (?:atteso|obiettivo|target)|risultato atteso)(?:\s+(?:19|20)\d{2})?\s*[:=]\s*/i;
const BASELINE_HINT_RE = /baseline|valore|dato|situazione|storico/i;
const BASELINE_LABEL_RE =
  /(?:^|[\s;,(–-])(?:baseline|valore (?:di partenza|iniziale|storico|di riferimento)|dato (?:storico|di partenza|iniziale)|situazione (?:iniziale|di partenza)|storico)(?:\s+(?:19|20)\d{2})?\s*[:=]/i;

/**
 * `Baseline 2024: 40 gg - Target: 30 gg`: a cell with the present value and the target; the part
 * after the target label (up to the baseline label when it comes later).
 */
export function targetSection(text: string): string {
  if (text.length > 2000) return text;
  if (!BASELINE_HINT_RE.test(text)) return text;
  const b = BASELINE_LABEL_RE.exec(text);
  if (!b) return text;
  const t = TARGET_LABEL_RE.exec(text);
  if (!t) return text;
  const from = t.index + t[0].length;
  const end = b.index > t.index ? b.index : text.length;
  const section = text.slice(from, end).replace(/^[\s;,/–-]+|[\s;,/(–-]+$/g, "");
  return section || text;
}

/** The text as written: trimmed, without a leading list marker (`1)`, `a.`, `•`). */
function asWritten(raw: unknown): string {
  let s = typeof raw === "string" ? raw : raw === null || raw === undefined ? "" : String(raw);
  if (s.length > 20000) s = s.slice(0, 20000);
  return stripListMarker(s.trim());
}

/** Read a target text into a rule. Never throws. */
export function readTargetText(raw: unknown, ctx: ReadContext = {}): TargetRule {
  const y = typeof ctx.year === "string" ? Number(ctx.year) : ctx.year;
  // No year given: dates written without one are not completed (core never reads the clock).
  const year = typeof y === "number" && Number.isInteger(y) && y > 0 && y < 10000 ? y : undefined;
  const written = asWritten(raw);
  const cleaned = cleanText(raw);
  if (cleaned.length > MAX_READ) {
    // Beyond any real target: read the beginning only.
    const head = readTargetText(cleaned.slice(0, MAX_READ), ctx);
    return { ...head, text: written };
  }
  const display = stripListMarker(cleaned.replace(/\s*\n\s*/g, " "));
  if (!cleaned) return { text: written, op: "unparsed" };
  const placeholder = readPlaceholder({ text: display, lc: fold(display), year });
  if (placeholder) return { ...placeholder, text: written };
  if (BINARY_LEGEND_RE.test(fold(display).trim()))
    return { text: written, op: "done", unit: "boolean", direction: "higher" };
  const parts = splitParts(targetSection(forYearSuffix(forYear(cleaned, year), year)));
  if (parts.length === 0) return { text: written, op: "unparsed" };
  if (parts.length === 1) return { ...readSegment(parts[0], year), text: written };
  const read = parts.map((p) => readSegment(p, year));
  const subs: TargetRule[] = [];
  for (const r of read) {
    if (!measurable(r)) continue;
    if (r.op === "all" && r.rules)
      subs.push(
        ...r.rules.map((s) =>
          s.noun === undefined && r.noun !== undefined ? { ...s, noun: r.noun } : s
        )
      );
    else subs.push(r);
  }
  if (subs.length === 0) {
    return {
      text: written,
      op: read.some((r) => r.op === "qualitative") ? "qualitative" : "unparsed",
    };
  }
  if (subs.length === 1) return { ...subs[0], text: written };
  return { text: written, op: "all", rules: subs.slice(0, MAX_RULES) };
}
