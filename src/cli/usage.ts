/** Help texts of the `peg` command, Italian by default, English with `--lang en`. */

const IT: Record<string, string> = {
  main: `peg — PEG Performance: legge i Piani della performance / PEG / PIAO e ne verifica obiettivi, indicatori e pesi.

Uso:
  peg structure FILE... [--out USCITA.xlsx] [--json] [--year ANNO] [--as-of AAAA-MM-GG] [--config FILE]
  peg inspect FILE... [--json] [--config FILE]
  peg audit FILE... [--json] [--as-of AAAA-MM-GG] [--year ANNO] [--config FILE]
  peg summary FILE... --out USCITA.docx|USCITA.html|USCITA.xlsx [--con-nomi] [--con-file] [--year ANNO] [--as-of AAAA-MM-GG]
  peg target "TESTO" [--actual CONSUNTIVO] [--baseline BASE] [--year ANNO] [--as-of AAAA-MM-GG] [--json]
  peg target --batch FILE.tsv

File accettati: .xlsx, .xlsm, .csv, .tsv, .txt (i file .xls e .ods vanno salvati come .xlsx).
Impostazioni: peg.config.json accanto al (primo) file, oppure --config FILE.
I file di ingresso non vengono mai modificati.

Codici di uscita: 0 esito regolare; 1 (audit) almeno un errore nel piano; 2 errore nei file o negli argomenti,
o nessun piano letto nei file (vedi come sono stati letti con peg inspect).
Aiuto su un comando: peg COMANDO --help.  English: --lang en
`,
  structure: `peg structure FILE... [opzioni]
  Legge il piano e ne ricava obiettivi strategici e operativi, indicatori, pesi e report.

  --json              stampa il modello PEG in JSON
  --out USCITA.xlsx   scrive una copia della cartella con i fogli strutturati (gli originali non cambiano)
  --year ANNO         anno del piano (completa date come "Entro il 30/9")
  --as-of AAAA-MM-GG  data della verifica: le scadenze passate senza consuntivo risultano scadute
  --config FILE       impostazioni (altrimenti peg.config.json accanto al file)
`,
  inspect: `peg inspect FILE... [opzioni]
  Dice come è stato letto ogni foglio: disposizione riconosciuta, affidabilità, riga di intestazione,
  ruolo di ogni colonna (con il testo dell'intestazione), obiettivi e indicatori, celle non lette.

  --json              stampa { "sheets": [...] }; salvato come { "layouts": [...] } e corretto nei
                      ruoli, si ridà con --config per leggere i fogli con le colonne indicate
  --config FILE       impostazioni, anche "layouts" (altrimenti peg.config.json accanto al file)
  --year ANNO         anno del piano
  --as-of AAAA-MM-GG  data della verifica
`,
  audit: `peg audit FILE... [opzioni]
  Verifica il piano: pesi che non sommano a 100%, punteggi errati, target mancati o scaduti, codici duplicati...
  Un prospetto per file, raggruppato per obiettivo, e una riga di totale.

  --json              stampa le segnalazioni in JSON
  --as-of AAAA-MM-GG  data della verifica
  --year ANNO         anno del piano
  --config FILE       impostazioni (altrimenti peg.config.json accanto al primo file)

  Uscita: 0 nessun errore; 1 almeno una segnalazione di livello "errore"; 2 file o argomenti non validi.
`,
  summary: `peg summary FILE... --out USCITA.docx|USCITA.html|USCITA.xlsx [opzioni]
  Scrive il riepilogo consolidato per la deliberazione (Word, pagina web o Excel), pronto da allegare.
  File di enti o anni diversi: una sezione per ciascuno, con un avviso.

  --con-nomi          riporta i nomi di dirigenti e responsabili (senza: solo dati aggregati,
                      come chiede il Garante per la pubblicazione)
  --con-file          riporta sotto il titolo i nomi dei file letti
  --year ANNO         anno del piano
  --as-of AAAA-MM-GG  data della verifica
  --config FILE       impostazioni (altrimenti peg.config.json accanto al primo file)
`,
  target: `peg target "TESTO" [opzioni]
  Mostra come viene letto un target e l'esito rispetto al consuntivo, in una frase:
    peg target "Almeno 3" --actual 2   ->   ≥ 3: non raggiunto, grado 67 %

  --json              stampa invece il JSON {rule, status, achievement}

  --actual VALORE     consuntivo (es. "74 pasti erogati", "SI", "15/09/2025")
  --baseline VALORE   valore di partenza per target relativi ("+5% rispetto all'esercizio precedente")
  --year ANNO         anno del piano (completa date senza anno)
  --as-of AAAA-MM-GG  data della verifica (scadenze passate senza consuntivo: "overdue")

peg target --batch FILE.tsv
  FILE ha l'intestazione target<TAB>actual<TAB>baseline<TAB>year<TAB>as_of (altre colonne ammesse,
  in qualunque ordine; cella vuota = nessun valore). Stampa un oggetto JSON per riga, nell'ordine.
`,
};

const EN: Record<string, string> = {
  main: `peg — PEG Performance: reads Italian performance plans (Piano della performance / PEG / PIAO) and checks
objectives, indicators and weights.

Usage:
  peg structure FILE... [--out OUT.xlsx] [--json] [--year YEAR] [--as-of YYYY-MM-DD] [--config FILE]
  peg inspect FILE... [--json] [--config FILE]
  peg audit FILE... [--json] [--as-of YYYY-MM-DD] [--year YEAR] [--config FILE]
  peg summary FILE... --out OUT.docx|OUT.html|OUT.xlsx [--con-nomi] [--con-file] [--year YEAR] [--as-of YYYY-MM-DD]
  peg target "TEXT" [--actual ACTUAL] [--baseline BASE] [--year YEAR] [--as-of YYYY-MM-DD] [--json]
  peg target --batch FILE.tsv

Accepted files: .xlsx, .xlsm, .csv, .tsv, .txt (save .xls and .ods files as .xlsx).
Settings: peg.config.json beside the (first) file, or --config FILE. Input files are never modified.

Exit codes: 0 success; 1 (audit) at least one error-level finding; 2 bad files or arguments, or
no plan read in the files (see how they were read with peg inspect).
Help on a command: peg COMMAND --help. Messages about files are in Italian.
`,
  structure: `peg structure FILE... [options]
  Reads the plan into strategic and operational objectives, indicators, weights and reports.

  --json              print the PEG model as JSON
  --out OUT.xlsx      write a copy of the workbook with the structured sheets (inputs never change)
  --year YEAR         plan year (completes dates such as "Entro il 30/9")
  --as-of YYYY-MM-DD  date of the check: deadlines passed with no actual are overdue
  --config FILE       settings (else peg.config.json beside the file)
`,
  inspect: `peg inspect FILE... [options]
  Says how every sheet was read: layout, confidence, header row, each column's role (with its header
  text), objectives and indicators, cells that went into nothing.

  --json              print { "sheets": [...] }; saved as { "layouts": [...] } with roles corrected,
                      give it back with --config to read the sheets with those columns
  --config FILE       settings, "layouts" included (else peg.config.json beside the file)
  --year YEAR         plan year
  --as-of YYYY-MM-DD  date of the check
`,
  audit: `peg audit FILE... [options]
  Checks the plan; one report per file, grouped by objective, and a total line.

  --json              print findings as JSON
  --as-of YYYY-MM-DD  date of the check
  --year YEAR         plan year
  --config FILE       settings (else peg.config.json beside the first file)

  Exit: 0 clean; 1 an error-level finding; 2 bad files or arguments.
`,
  summary: `peg summary FILE... --out OUT.docx|OUT.html|OUT.xlsx [options]
  Writes the consolidated summary for a deliberation (Word, web page or Excel).

  --con-nomi          include the names of dirigenti and responsabili (default: aggregates only)
  --con-file          list the files read under the title
  --year YEAR         plan year
  --as-of YYYY-MM-DD  date of the check
  --config FILE       settings (else peg.config.json beside the first file)
`,
  target: `peg target "TEXT" [options]
  Shows how a target is read and evaluated, in one (Italian) sentence:
    peg target "Almeno 3" --actual 2   ->   ≥ 3: non raggiunto, grado 67 %

  --json              print the JSON {rule, status, achievement} instead

  --actual VALUE      actual value (consuntivo)
  --baseline VALUE    baseline for relative targets
  --year YEAR         plan year
  --as-of YYYY-MM-DD  date of the check

peg target --batch FILE.tsv
  FILE has the header target<TAB>actual<TAB>baseline<TAB>year<TAB>as_of (more columns allowed, any
  order, empty cell = none). Prints one JSON object per data row, in order.
`,
};

export function usage(topic: string, lang: "it" | "en" = "it"): string {
  const table = lang === "en" ? EN : IT;
  return Object.prototype.hasOwnProperty.call(table, topic) ? table[topic] : table.main;
}
