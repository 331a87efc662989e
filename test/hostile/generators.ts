/**
 * The hostile and broken inputs (issue 7). Each case is generated at test time; nothing opaque is
 * checked in. `expect` says what a correct product does with it:
 *  - "reject": exit 2 with an Italian message naming the file, nothing written;
 *  - "ok": read (exit 0, a model that passes the schema);
 *  - "either": read it or refuse it cleanly, within the limits.
 * `depth` "full" also writes every output (structure --out, summary .xlsx/.html/.docx) and reopens
 * them; "read" (the huge cases) only reads, to keep the suite within CI time.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import {
  buildCfb,
  buildRawZip,
  buildXlsx,
  colName,
  randomBytes,
  type RawCell,
  type XCell,
  type XSheet,
  xlsxParts,
} from "./builders";

export type Expect = "ok" | "reject" | "either";

export interface HostileCase {
  id: string;
  description: string;
  /** File name of the generated input (its extension is what the CLI sees). */
  fileName: string;
  generate(): Promise<Buffer> | Buffer;
  expect: Expect;
  /** When rejected, the Italian message must also match this (e.g. tells to save as .xlsx). */
  messageHint?: RegExp;
  depth: "full" | "read";
  /** Texts planted in fields that are written back out; outputs must keep them literal. */
  payloads?: string[];
  /** The plan in the file has objectives/indicators the recognizer must find (so checks bite). */
  planned?: boolean;
  /** Sheet names the model's source.sheets must list when the file is read. */
  sheets?: string[];
  /** Paths (absolute) that must not exist after the run (zip path traversal). */
  mustNotCreate?: string[];
}

/** Formula-like texts: each must reach every output as text, never as a formula. */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://x","y")',
  "+SUM(1)",
  "-1+2",
  "@SUM(A1)",
  '\t=HYPERLINK("http://x","tab")',
  '\r=HYPERLINK("http://x","cr")',
  "=cmd|' /C calc'!A0",
  "=1+1",
  // Real targets that begin with = or +: they too must stay text.
  "=>15",
  "+5% rispetto all'esercizio precedente",
];

/** Markup-like texts: must reach html/docx escaped, never live. */
export const MARKUP_PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  '<script>alert("peg")</script>',
  '"><svg onload=alert(1)>',
  "</td></tr></table><iframe src=javascript:alert(1)></iframe>",
  "&lt;b&gt;grassetto&lt;/b&gt;",
  "]]><w:r><w:t>iniettato</w:t></w:r>",
];

/** Tokens that betray an input text turned into a formula or a field code. */
export const FORMULA_TOKENS = [
  "HYPERLINK",
  "WEBSERVICE",
  "SUM(1)",
  "1+2",
  "SUM(A1)",
  "cmd|",
  "1+1",
  "http://x",
];

const PLAN_HEADER = [
  "Codice obiettivo",
  "Obiettivo operativo",
  "Dirigente",
  "Indicatore",
  "Peso indicatore",
  "Target 2025",
  "Consuntivo 2025",
  "Report del dirigente",
  "Valutazione di risultato",
  "Valutazione qualitativa",
  "Totale",
];

interface PlanRow {
  code: XCell;
  title: XCell;
  dirigente: XCell;
  indicator: XCell;
  weight: XCell;
  target: XCell;
  actual: XCell;
  report: XCell;
  score?: [XCell, XCell, XCell];
}

/** A plain indicator table, one row per indicator, as many municipalities keep it. */
function planTable(title: XCell, rows: PlanRow[]): XCell[][] {
  return [
    [title],
    [],
    PLAN_HEADER,
    ...rows.map((r) => [
      r.code,
      r.title,
      r.dirigente,
      r.indicator,
      r.weight,
      r.target,
      r.actual,
      r.report,
      ...(r.score ?? [80, 20, 100]),
    ]),
  ];
}

/** A normal small plan: two objectives, four indicators. */
function normalPlanRows(): PlanRow[] {
  return [
    {
      code: "1",
      title: "Potenziare lo sportello sociale",
      dirigente: "Rossi",
      indicator: "n. famiglie con accesso allo sportello",
      weight: 0.5,
      target: "=>15",
      actual: 18,
      report: "Sportello aperto tre giorni a settimana",
    },
    {
      code: "1",
      title: "Potenziare lo sportello sociale",
      dirigente: "Rossi",
      indicator: "Tempo medio di risposta",
      weight: 0.5,
      target: "massimo 10 gg",
      actual: "8",
      report: "Sportello aperto tre giorni a settimana",
    },
    {
      code: "2",
      title: "Digitalizzare le pratiche edilizie",
      dirigente: "Bianchi",
      indicator: "Pratiche presentate online",
      weight: 0.6,
      target: "Almeno 70%",
      actual: "75%",
      report: "Portale attivo da marzo",
    },
    {
      code: "2",
      title: "Digitalizzare le pratiche edilizie",
      dirigente: "Bianchi",
      indicator: "Avvio del portale",
      weight: 0.4,
      target: "Entro il 30/9",
      actual: "SI",
      report: "Portale attivo da marzo",
    },
  ];
}

/** Payloads rotated through every written field, some alone in the cell, some leading a text. */
function injectionRows(payloads: string[]): PlanRow[] {
  const p = (i: number) => payloads[i % payloads.length];
  return payloads.map((_, i) => ({
    code: i === 3 ? p(i) : String(i + 1),
    title: i % 2 ? p(i) : `${p(i)} obiettivo di prova ${i + 1}`,
    dirigente: p(i + 1),
    indicator: i % 2 ? `${p(i + 2)} n. pratiche evase` : p(i + 2),
    weight: i % 3 === 0 ? p(i + 6) : 1 / payloads.length,
    target: p(i + 3),
    actual: p(i + 4),
    report: `${p(i + 5)} relazione del dirigente`,
    score: [80, 20, i % 4 === 0 ? p(i + 7) : 100],
  }));
}

/** The layout of a strategic/operational plan with criteria and a report (as seed-002). */
function strategicSheet(name: string, payloads: string[]): XSheet {
  const p = (i: number) => payloads[i % payloads.length];
  const rows: XCell[][] = [
    [
      "codice ob strategico",
      "Obiettivi strategici",
      "Codice ob operativo",
      "obiettivi operativi",
      "Obiettivi operativi collegati",
      "Dirigente",
      "NOTE",
      "Indicatori proposti",
      "STRATEGICITA'",
      "COMPLESSITA'",
      "IMPATTO e/o INNOVATIVITA'",
      "ECONOMICITA'",
      "PESO DELL'OBIETTIVO",
      "REPORT DEL DIRIGENTE",
      null,
      null,
    ],
    [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      "valutazione di risultato",
      "valutazione qualitative",
      "tabella",
    ],
  ];
  payloads.forEach((_, i) => {
    rows.push([
      `${i + 1}_1201_0`,
      `${p(i)} Programmare i bilanci dell'ente`,
      `${i + 1}_1201_0401`,
      p(i + 1),
      `${p(i + 2)} Rafforzare le politiche sociali`,
      p(i + 3),
      `${p(i + 4)} Indicatori di risultato: 1) Erogazione di almeno 100 pasti 2) ${p(i + 5)}`,
      p(i + 6),
      "A",
      "M",
      "A",
      "B",
      27,
      80,
      20,
      100,
    ]);
  });
  return { name, rows, merges: ["N1:P1"] };
}

/** A small well-formed plan (two objectives, four indicators). */
export async function validPlanXlsx(): Promise<Buffer> {
  return buildXlsx([
    {
      name: "Piano 2025",
      rows: planTable("PIANO DELLA PERFORMANCE 2025", normalPlanRows()),
      merges: ["A1:K1"],
    },
  ]);
}

function tsv(rows: XCell[][]): string {
  return (
    rows
      .map((r) =>
        r.map((c) => (c == null ? "" : typeof c === "object" ? "" : String(c))).join("\t")
      )
      .join("\r\n") + "\r\n"
  );
}

/** Cell quoted for a .tsv: tabs, CRs and quotes inside a field need quoting. */
function tsvQuoted(rows: XCell[][]): string {
  const q = (c: XCell) => {
    if (c == null || typeof c === "object") return "";
    const s = String(c);
    return /[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(q).join("\t")).join("\r\n") + "\r\n";
}

const raw = (xml: string): RawCell => ({ raw: xml });

/** Windows-1252 encoding of a Latin text (enough for Italian: accents and the euro sign). */
function win1252(s: string): Buffer {
  const special = new Map<string, number>([
    ["€", 0x80],
    ["’", 0x92],
    ["“", 0x93],
    ["”", 0x94],
    ["–", 0x96],
  ]);
  const out = Buffer.alloc(s.length);
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const code = special.get(ch) ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`win1252: ${ch}`);
    out[i] = code;
  }
  return out;
}

const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

export const HOSTILE_CASES: HostileCase[] = [
  // --- empty and garbage --------------------------------------------------------------------
  {
    id: "zero-byte-xlsx",
    description: "0-byte .xlsx",
    fileName: "vuoto.xlsx",
    generate: () => Buffer.alloc(0),
    expect: "reject",
    depth: "full",
  },
  {
    id: "zero-byte-csv",
    description: "0-byte .csv",
    fileName: "vuoto.csv",
    generate: () => Buffer.alloc(0),
    expect: "either",
    depth: "full",
  },
  {
    id: "zero-byte-txt",
    description: "0-byte .txt",
    fileName: "vuoto.txt",
    generate: () => Buffer.alloc(0),
    expect: "either",
    depth: "full",
  },
  {
    id: "blank-txt",
    description: "only blanks, tabs and line ends",
    fileName: "bianco.txt",
    generate: () => Buffer.from(" \r\n\t\t\n\n   \r\r\n\t"),
    expect: "either",
    depth: "full",
  },
  {
    id: "random-xlsx",
    description: "64 KiB of random bytes named .xlsx",
    fileName: "casuale.xlsx",
    generate: () => randomBytes(65536, 7),
    expect: "reject",
    depth: "full",
  },
  {
    id: "random-csv",
    description: "64 KiB of random bytes named .csv",
    fileName: "casuale.csv",
    generate: () => randomBytes(65536, 11),
    expect: "either",
    depth: "full",
  },
  {
    id: "truncated-xlsx",
    description: "a valid plan cut mid-download (first 60% of the bytes)",
    fileName: "troncato.xlsx",
    generate: async () => {
      const b = await validPlanXlsx();
      return b.subarray(0, Math.floor(b.length * 0.6));
    },
    expect: "reject",
    depth: "full",
  },
  {
    id: "zip-not-workbook",
    description: "a valid zip holding no workbook, named .xlsx",
    fileName: "archivio.xlsx",
    generate: async () => {
      const z = new JSZip();
      z.file("leggimi.txt", "non sono una cartella di lavoro");
      return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    },
    expect: "reject",
    depth: "full",
  },
  // --- wrong formats --------------------------------------------------------------------------
  {
    id: "xls-renamed",
    description: ".xls (OLE2 compound file with a BIFF8 Workbook stream) renamed .xlsx",
    fileName: "vecchio.xlsx",
    generate: () =>
      buildCfb([
        {
          name: "Workbook",
          data: Buffer.concat([
            Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]),
            randomBytes(5000, 3),
          ]),
        },
      ]),
    expect: "reject",
    messageHint: /xlsx/i,
    depth: "full",
  },
  {
    id: "xls-real",
    description: "an .xls file with its own extension",
    fileName: "vecchio.xls",
    generate: () =>
      buildCfb([
        {
          name: "Workbook",
          data: Buffer.concat([
            Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]),
            randomBytes(5000, 4),
          ]),
        },
      ]),
    expect: "reject",
    messageHint: /xlsx/i,
    depth: "read",
  },
  {
    id: "ods-renamed",
    description: "an OpenDocument spreadsheet (zip with its mimetype) renamed .xlsx",
    fileName: "libreoffice.xlsx",
    generate: async () => {
      const z = new JSZip();
      z.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", {
        compression: "STORE",
      });
      z.file(
        "content.xml",
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Piano"><table:table-row><table:table-cell><text:p>Obiettivo</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>'
      );
      z.file(
        "META-INF/manifest.xml",
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
      );
      return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    },
    expect: "reject",
    messageHint: /xlsx/i,
    depth: "full",
  },
  {
    id: "encrypted-xlsx",
    description: "a password-protected workbook (OLE2 with EncryptionInfo + EncryptedPackage)",
    fileName: "protetto.xlsx",
    generate: () =>
      buildCfb([
        {
          name: "EncryptionInfo",
          data: Buffer.concat([
            Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
            Buffer.from(
              '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password"><keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
            ),
          ]),
        },
        { name: "EncryptedPackage", data: randomBytes(8192, 5) },
      ]),
    expect: "reject",
    messageHint: /password|protett|cifrat|crittograf/i,
    depth: "full",
  },
  // --- zip abuse ------------------------------------------------------------------------------
  {
    id: "zip-bomb",
    description: "zip bomb: ~3 MB file, 512 MiB sheet XML (honest directory)",
    fileName: "bomba.xlsx",
    generate: async () => {
      const parts = xlsxParts([{ name: "Foglio1", rows: [] }]);
      parts.delete("xl/worksheets/sheet1.xml");
      const row = '<row><c><v>1</v></c><c t="s"><v>0</v></c></row>';
      const chunk = row.repeat(Math.floor((1 << 20) / row.length));
      return buildRawZip([
        ...[...parts].map(([name, data]) => ({ name, data })),
        {
          name: "xl/worksheets/sheet1.xml",
          repeat: {
            head: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}><sheetData>`,
            chunk,
            times: 512,
            tail: "</sheetData></worksheet>",
          },
        },
      ]);
    },
    expect: "reject",
    depth: "read",
  },
  {
    id: "zip-bomb-lying",
    description: "zip bomb whose directory claims 1 MB while the sheet inflates to 256 MiB",
    fileName: "bomba-bugiarda.xlsx",
    generate: async () => {
      const parts = xlsxParts([{ name: "Foglio1", rows: [] }]);
      parts.delete("xl/worksheets/sheet1.xml");
      const row = '<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaa</t></is></c></row>';
      const chunk = row.repeat(Math.floor((1 << 20) / row.length));
      return buildRawZip([
        ...[...parts].map(([name, data]) => ({ name, data })),
        {
          name: "xl/worksheets/sheet1.xml",
          lieSize: 1 << 20,
          repeat: {
            head: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}><sheetData>`,
            chunk,
            times: 256,
            tail: "</sheetData></worksheet>",
          },
        },
      ]);
    },
    expect: "reject",
    depth: "read",
  },
  {
    id: "zip-many-entries",
    description: "a valid plan plus 20,000 junk zip entries",
    fileName: "tante-voci.xlsx",
    generate: async () => {
      const parts = xlsxParts([
        { name: "Piano 2025", rows: planTable("PIANO 2025", normalPlanRows()) },
      ]);
      const entries = [...parts].map(([name, data]) => ({ name, data }));
      for (let i = 0; i < 20000; i++) entries.push({ name: `xl/junk/f${i}.xml`, data: "<a/>" });
      return buildRawZip(entries);
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "xml-entity-bomb",
    description: "billion laughs: nested entities declared in sharedStrings.xml",
    fileName: "risate.xlsx",
    generate: () => {
      let dtd = '<!DOCTYPE sst [<!ENTITY l0 "hahahahahahahahahaha">';
      for (let i = 1; i <= 9; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
      dtd += "]>";
      // The sheet refers to string 0, which the hostile prologue wants expanded to 2 GB of text.
      return buildXlsx(
        [{ name: "Foglio1", rows: [["Obiettivo"], [raw('<c r="{ref}" t="s"><v>0</v></c>')]] }],
        {
          extra: {
            "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?>\n${dtd}<sst ${SHEET_NS} count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>`,
          },
        }
      );
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "zip-path-traversal",
    description: "a valid plan whose zip also holds ../../ and absolute entry names",
    fileName: "percorsi.xlsx",
    generate: () =>
      buildXlsx([{ name: "Piano 2025", rows: planTable("PIANO 2025", normalPlanRows()) }], {
        extra: {
          "../../../../../../tmp/peg-hostile-evil.txt": "evil",
          "/tmp/peg-hostile-evil-abs.txt": "evil",
        },
      }),
    expect: "either",
    depth: "full",
    mustNotCreate: ["/tmp/peg-hostile-evil.txt", "/tmp/peg-hostile-evil-abs.txt"],
  },
  // --- size -----------------------------------------------------------------------------------
  {
    id: "rows-200k-xlsx",
    description: "200,000 rows of pasted data under a plan",
    fileName: "righe.xlsx",
    generate: () => {
      const rows: XCell[][] = planTable("PIANO 2025", normalPlanRows());
      for (let i = 0; i < 200000; i++)
        rows.push([i + 1, `Voce ${i % 997}`, i * 1.5, i % 2 === 0 ? "SI" : "NO"]);
      return buildXlsx([{ name: "Dati", rows }], { compressionLevel: 1 });
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "rows-200k-tsv",
    description: "200,000 tab-separated lines",
    fileName: "righe.tsv",
    generate: () => {
      const lines = [tsv(planTable("PIANO 2025", normalPlanRows()))];
      for (let i = 0; i < 200000; i++)
        lines.push(`${i + 1}\tVoce ${i % 997}\t${i * 1.5}\t${i % 2 ? "NO" : "SI"}\r\n`);
      return Buffer.from(lines.join(""));
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "cols-16384-xlsx",
    description: "16,384 columns (A to XFD) in three rows",
    fileName: "colonne.xlsx",
    generate: () => {
      const head: XCell[] = [];
      const a: XCell[] = [];
      const b: XCell[] = [];
      for (let c = 0; c < 16384; c++) {
        head.push(c === 0 ? "Indicatore" : c === 1 ? "Target" : `Colonna ${colName(c)}`);
        a.push(c === 0 ? "n. pratiche" : c === 1 ? "Almeno 3" : c);
        b.push(c % 7 === 0 ? "x" : null);
      }
      return buildXlsx([{ name: "Largo", rows: [head, a, b] }]);
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "cols-20000-csv",
    description: "a .csv with 20,000 ;-separated columns",
    fileName: "colonne.csv",
    generate: () => {
      const cols = Array.from({ length: 20000 }, (_, i) => `C${i}`);
      return Buffer.from(`${cols.join(";")}\n${cols.map((_, i) => i).join(";")}\n`);
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "cells-32767",
    description: "32,767-character titles, names, targets and actuals (ReDoS-shaped texts)",
    fileName: "celle-lunghe.xlsx",
    generate: () => {
      const N = 32767;
      const fill = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
      const shapes = [
        fill("a"),
        fill("1"),
        fill(" ").slice(0, N - 1) + "x",
        fill("=>"),
        fill("entro il 3"),
        fill("1) almeno 100 pasti "),
        fill("1.000,"),
        fill("almeno "),
      ];
      const rows: PlanRow[] = shapes.map((s, i) => ({
        code: String(i + 1),
        title: s,
        dirigente: fill("Rossi "),
        indicator: shapes[(i + 1) % shapes.length],
        weight: 0.125,
        target: shapes[(i + 2) % shapes.length],
        actual: shapes[(i + 3) % shapes.length],
        report: shapes[(i + 4) % shapes.length],
      }));
      return buildXlsx([{ name: "Piano 2025", rows: planTable(fill("PIANO "), rows) }]);
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "long-line-txt",
    description: "one 8 MB line with no line end",
    fileName: "riga-lunga.txt",
    generate: () => Buffer.from("Obiettivo 1 almeno 3 ".repeat(400000)),
    expect: "either",
    depth: "read",
  },
  {
    id: "merges-5000",
    description: "5,000 merged areas around a plan",
    fileName: "unioni.xlsx",
    generate: () => {
      const rows: XCell[][] = planTable("PIANO 2025", normalPlanRows());
      const merges: string[] = ["A1:K1"];
      for (let i = 0; i < 5000; i++) {
        const r = 10 + i * 2;
        rows[r - 1] = [`Titolo unito ${i}`];
        merges.push(`A${r}:${colName(1 + (i % 20))}${r + 1}`);
      }
      return buildXlsx([{ name: "Piano 2025", rows, merges }]);
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "merges-nested",
    description: "merged titles nested eight levels deep (each level splits the one above)",
    fileName: "unioni-annidate.xlsx",
    generate: () => {
      const rows: XCell[][] = [];
      const merges: string[] = [];
      const width = 256;
      for (let level = 0; level < 8; level++) {
        const span = width >> level;
        const row: XCell[] = [];
        for (let start = 0; start < width; start += span) {
          row[start] = `Livello ${level} AREA ${start / span + 1}`;
          if (span > 1)
            merges.push(`${colName(start)}${level + 1}:${colName(start + span - 1)}${level + 1}`);
        }
        rows.push(row);
      }
      rows.push([], ...planTable("PIANO 2025", normalPlanRows()).slice(2));
      return buildXlsx([{ name: "Piano 2025", rows, merges }]);
    },
    expect: "ok",
    depth: "full",
    planned: true,
  },
  {
    id: "merges-overlapping",
    description: "overlapping merges, reversed ranges and merges covering the whole sheet",
    fileName: "unioni-sovrapposte.xlsx",
    generate: () => {
      const rows: XCell[][] = [];
      const merges: string[] = [];
      for (let i = 0; i < 40; i++) {
        rows.push([...Array(i).fill(null), `Livello ${i}: AREA SERVIZI ALLA PERSONA`]);
        merges.push(`${colName(i)}${i + 1}:${colName(60)}${80}`); // each contains all the next
      }
      merges.push("A1:A1", "B2:A1", "XFD1048576:XFD1048576", "A1:XFD1048576");
      rows.push(...planTable("PIANO 2025", normalPlanRows()).slice(2));
      return buildXlsx([{ name: "Piano 2025", rows, merges }]);
    },
    expect: "either",
    depth: "full",
  },
  {
    id: "dimension-lie",
    description: "a sheet claiming A1:XFD1048576 with a cell at A1 and one at XFD1048576",
    fileName: "dimensione.xlsx",
    generate: () =>
      buildXlsx([
        {
          name: "Foglio1",
          rows: [],
          rawXml: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Obiettivo</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`,
        },
      ]),
    expect: "either",
    depth: "read",
  },
  // --- values ---------------------------------------------------------------------------------
  {
    id: "invalid-dates",
    description: 'impossible dates: t="d" garbage, serials beyond 9999, negative serials, 31/02',
    fileName: "date.xlsx",
    generate: () => {
      const rows = planTable("PIANO 2025", normalPlanRows());
      const bad = [
        raw('<c r="{ref}" t="d"><v>2025-13-45T99:99:99</v></c>'),
        raw('<c r="{ref}" t="d"><v>non una data</v></c>'),
        raw('<c r="{ref}" s="1"><v>2958466</v></c>'),
        raw('<c r="{ref}" s="1"><v>-5</v></c>'),
        raw('<c r="{ref}" s="1"><v>1e308</v></c>'),
        "31/02/2025",
        "00/00/0000",
        "Entro il 30/9/99999",
        "entro il 32 dicembre",
      ];
      bad.forEach((b, i) =>
        rows.push([
          String(10 + i),
          `Obiettivo con data ${i}`,
          "Verdi",
          `Scadenza ${i}`,
          0.5,
          b,
          b,
          "relazione",
        ])
      );
      return buildXlsx([{ name: "Piano 2025", rows }]);
    },
    expect: "either",
    depth: "full",
  },
  {
    id: "nan-infinity-xlsx",
    description: "NaN/Infinity as text and as numeric cell values in weights, targets, actuals",
    fileName: "numeri.xlsx",
    generate: () => {
      const rows = planTable("PIANO 2025", normalPlanRows());
      const vals: XCell[] = [
        "NaN",
        "Infinity",
        "-Infinity",
        "1e309",
        "-0",
        raw('<c r="{ref}"><v>NaN</v></c>'),
        raw('<c r="{ref}"><v>INF</v></c>'),
        raw('<c r="{ref}"><v>1e309</v></c>'),
        raw('<c r="{ref}" s="2"><v>-1e309</v></c>'),
      ];
      vals.forEach((v, i) =>
        rows.push([
          String(20 + i),
          `Obiettivo numerico ${i}`,
          "Neri",
          `Indicatore ${i}`,
          v,
          v,
          v,
          "relazione",
          v,
          v,
          v,
        ])
      );
      return buildXlsx([{ name: "Piano 2025", rows }]);
    },
    expect: "either",
    depth: "full",
  },
  {
    id: "nan-infinity-tsv",
    description: "NaN/Infinity text in a tab-separated plan",
    fileName: "numeri.tsv",
    generate: () => {
      const rows = planTable("PIANO 2025", normalPlanRows());
      for (const [i, v] of [
        "NaN",
        "Infinity",
        "-Infinity",
        "1e309",
        "0x1F",
        "1_000",
        "١٢٣",
      ].entries())
        rows.push([
          String(30 + i),
          `Obiettivo ${i}`,
          "Neri",
          `Indicatore ${i}`,
          v,
          `Almeno ${v}`,
          v,
          "relazione",
          v,
          v,
          v,
        ]);
      return Buffer.from(tsv(rows));
    },
    expect: "either",
    depth: "full",
  },
  {
    id: "csv-bom-semicolon",
    description: "Italian Excel .csv: UTF-8 BOM, ';' separator, ',' decimals, quoted ';'",
    fileName: "piano.csv",
    generate: () => {
      const rows = planTable("PIANO 2025", normalPlanRows());
      const body = rows
        .map((r) =>
          r
            .map((c) =>
              c == null || typeof c === "object"
                ? ""
                : typeof c === "number"
                  ? String(c).replace(".", ",")
                  : /[;"\n]/.test(String(c))
                    ? `"${String(c).replace(/"/g, '""')}"`
                    : String(c)
            )
            .join(";")
        )
        .join("\r\n");
      return Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          `${body}\r\n"5";"Obiettivo; con punto e virgola";"Gialli";"n. atti";"0,5";"Almeno 3";"4";"ok";80;20;100\r\n`
        ),
      ]);
    },
    expect: "ok",
    depth: "full",
  },
  {
    id: "csv-unbalanced-quotes",
    description: "a .csv with an unbalanced quote that swallows the rest of the file",
    fileName: "virgolette.csv",
    generate: () =>
      Buffer.from(
        `Obiettivo;Indicatore;Target\n1;"n. pratiche;Almeno 3\n2;n. atti;"massimo 10\n3;"""";"\n` +
          "x;".repeat(50000)
      ),
    expect: "either",
    depth: "full",
  },
  {
    id: "txt-windows-1252",
    description: "a tab-separated .txt saved in windows-1252 (à, è, €, curly quotes)",
    fileName: "ansi.txt",
    generate: () =>
      win1252(
        tsv([
          ["PIANO DELLA PERFORMANCE 2025 - Città di Trezzo sull’Adda"],
          [],
          PLAN_HEADER,
          [
            "1",
            "Qualità dei servizi e attività per la città",
            "Rossi",
            "Spesa media per pratica (€)",
            0.5,
            "massimo 10 €",
            "8 €",
            "Attività svolta",
            80,
            20,
            100,
          ],
          [
            "1",
            "Qualità dei servizi e attività per la città",
            "Rossi",
            "Grado di soddisfazione “alto”",
            0.5,
            "Almeno 70%",
            "75%",
            "Attività svolta",
            80,
            20,
            100,
          ],
        ])
      ),
    expect: "ok",
    depth: "full",
  },
  // --- names that are object keys -------------------------------------------------------------
  {
    id: "proto-names-xlsx",
    description: "__proto__/constructor/prototype as sheet names, headers, codes and cell text",
    fileName: "prototipo.xlsx",
    generate: () => {
      const protoRows: PlanRow[] = [
        "__proto__",
        "constructor",
        "prototype",
        "hasOwnProperty",
        "toString",
      ].map((k, i) => ({
        code: k,
        title: k,
        dirigente: k,
        indicator: `${k} n. pratiche`,
        weight: 0.2,
        target: i % 2 ? k : "Almeno 3",
        actual: i % 2 ? '{"__proto__":{"polluted":true}}' : "4",
        report: "constructor.prototype.polluted",
      }));
      return buildXlsx([
        { name: "__proto__", rows: planTable("__proto__", protoRows) },
        {
          name: "constructor",
          rows: [
            ["__proto__", "constructor", "prototype"],
            ["__proto__", "constructor", "prototype"],
          ],
        },
        { name: "prototype", rows: planTable("PIANO 2025", normalPlanRows()) },
      ]);
    },
    expect: "ok",
    depth: "full",
    sheets: ["__proto__", "constructor", "prototype"],
  },
  {
    id: "proto-names-tsv",
    description: "__proto__/constructor/prototype as headers and codes in a .tsv",
    fileName: "__proto__.tsv",
    generate: () =>
      Buffer.from(
        tsv([
          ["__proto__", "constructor", "prototype"],
          ["__proto__", "__proto__", "__proto__"],
          [],
          ...planTable(
            "constructor",
            normalPlanRows().map((r, i) => ({
              ...r,
              code: ["__proto__", "constructor", "prototype", "valueOf"][i],
            }))
          ).slice(2),
        ])
      ),
    expect: "ok",
    depth: "full",
  },
  // --- injection into written fields ------------------------------------------------------------
  {
    id: "formula-injection-xlsx",
    description: "formula-like text (=, +, -, @, tab, CR) in every field written back out",
    fileName: "formule.xlsx",
    generate: () =>
      buildXlsx([
        {
          name: "Piano 2025",
          rows: planTable('=HYPERLINK("http://x","Piano")', injectionRows(FORMULA_PAYLOADS)),
          merges: ["A1:K1"],
        },
        strategicSheet("Obiettivi", FORMULA_PAYLOADS),
      ]),
    expect: "ok",
    depth: "full",
    payloads: FORMULA_PAYLOADS,
    planned: true,
  },
  {
    id: "formula-injection-tsv",
    description: "formula-like text in every field of a tab-separated plan",
    fileName: "formule.tsv",
    generate: () => Buffer.from(tsvQuoted(planTable("=1+1", injectionRows(FORMULA_PAYLOADS)))),
    expect: "ok",
    depth: "full",
    payloads: FORMULA_PAYLOADS,
    planned: true,
  },
  {
    id: "markup-injection-xlsx",
    description: "HTML/XML markup in every field written back out",
    fileName: "markup.xlsx",
    generate: () =>
      buildXlsx([
        {
          name: "Piano 2025",
          rows: planTable("<script>alert(1)</script>", injectionRows(MARKUP_PAYLOADS)),
        },
        strategicSheet("<b onmouseover=alert(1)>Ob", MARKUP_PAYLOADS),
      ]),
    expect: "ok",
    depth: "full",
    payloads: MARKUP_PAYLOADS,
    planned: true,
  },
  {
    id: "control-chars-tsv",
    description: "NUL, BEL, ESC, bidi override, zero-width, invalid UTF-8 in written fields",
    fileName: "controllo.tsv",
    generate: () => {
      const rows = planTable(
        "PIANO 2025",
        normalPlanRows().map((r, i) => ({
          ...r,
          title: `${r.title as string}\u0000\u0007\u001b[31m ${i}`,
          indicator: `\u202e${r.indicator as string}\u200b`,
          report: `\u0001\u0008\u000b\u000c\ufffe\uffff fine`,
        }))
      );
      return Buffer.concat([
        Buffer.from(tsv(rows)),
        Buffer.from([0x31, 0x09, 0xed, 0xa0, 0x80, 0x09, 0xc3, 0x28, 0x09, 0xff, 0xfe, 0x0d, 0x0a]),
      ]);
    },
    expect: "either",
    depth: "full",
  },
  {
    id: "source-formulas",
    description: "a plan whose cells are formulas (HYPERLINK, WEBSERVICE) with cached text",
    fileName: "formule-origine.xlsx",
    generate: () => {
      const f = (formula: string, text: string): RawCell =>
        raw(
          `<c r="{ref}" t="str"><f>${formula.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</f><v>${text}</v></c>`
        );
      const rows = planTable("PIANO 2025", [
        {
          code: "1",
          title: f('HYPERLINK("http://x","Obiettivo collegato")', "Obiettivo collegato"),
          dirigente: f('WEBSERVICE("http://x/1+1")', "Rossi"),
          indicator: f('CONCATENATE("n. ","pratiche")', "n. pratiche"),
          weight: 1,
          target: f('"Almeno "&SUM(1,2)', "Almeno 3"),
          actual: f("SUM(1,2)+1", "4"),
          report: f('HYPERLINK("http://x","relazione")', "relazione"),
        },
      ]);
      return buildXlsx([{ name: "Piano 2025", rows }]);
    },
    expect: "either",
    depth: "full",
  },
  // --- odd workbooks --------------------------------------------------------------------------
  {
    id: "images-only",
    description: "a workbook whose only sheet holds an image and no cells",
    fileName: "immagini.xlsx",
    generate: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Logo");
      const png = Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "base64"
      );
      const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
      ws.addImage(id, "B2:D6");
      wb.addWorksheet("Vuoto");
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
    expect: "either",
    depth: "full",
  },
  {
    id: "empty-sheets",
    description: "three sheets with no cells at all",
    fileName: "fogli-vuoti.xlsx",
    generate: () =>
      buildXlsx([
        { name: "Foglio1", rows: [] },
        { name: "Foglio2", rows: [] },
        { name: "Foglio3", rows: [[]] },
      ]),
    expect: "either",
    depth: "full",
  },
  {
    id: "sheet-part-missing",
    description: "workbook.xml lists a sheet whose part is not in the zip",
    fileName: "foglio-mancante.xlsx",
    generate: async () => {
      const z = await JSZip.loadAsync(
        await buildXlsx([
          { name: "Piano 2025", rows: planTable("PIANO 2025", normalPlanRows()) },
          { name: "Perso", rows: [["x"]] },
        ])
      );
      z.remove("xl/worksheets/sheet2.xml");
      return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    },
    expect: "either",
    depth: "read",
  },
  {
    id: "weird-sheet-names",
    description: "valid but awkward sheet names: quotes, !, emoji, =, 31 characters",
    fileName: "nomi-fogli.xlsx",
    generate: () =>
      buildXlsx([
        { name: "Scheda l'A!", rows: planTable("PIANO 2025", normalPlanRows()) },
        { name: "Piano 2025 – 😀", rows: [["x"]] },
        { name: "=HYPERLINK(A1)", rows: [["y"]] },
        // A quote in a sheet name ends a formula string unless doubled: links back to source
        // cells must stay links.
        {
          name: 'P"&WEBSERVICE(A1)&"',
          rows: planTable(
            "PIANO 2025",
            normalPlanRows().map((r) => ({ ...r, code: `Q${r.code as string}` }))
          ),
        },
        { name: "a".repeat(31), rows: [["z"]] },
      ]),
    expect: "ok",
    depth: "full",
    planned: true,
    sheets: ["Scheda l'A!", "Piano 2025 – 😀", "=HYPERLINK(A1)", 'P"&WEBSERVICE(A1)&"'],
  },
  {
    id: "invalid-sheet-names",
    description:
      "sheet names Excel forbids: brackets, slash, empty, 40 characters, case duplicates",
    fileName: "nomi-vietati.xlsx",
    generate: () =>
      buildXlsx([
        { name: "[Piano] 2025", rows: planTable("PIANO 2025", normalPlanRows()) },
        { name: "a/b", rows: [["x"]] },
        { name: "", rows: [["y"]] },
        { name: "b".repeat(40), rows: [["z"]] },
        { name: "PIANO", rows: [["w"]] },
        { name: "piano", rows: [["v"]] },
      ]),
    expect: "either",
    depth: "full",
  },
];
