/**
 * Reopens what the CLI wrote and checks that input text stayed text: no formula or field code made
 * from it in .xlsx/.docx, no live markup in .html, well-formed XML everywhere. Each check also
 * returns which planted payloads it found written literally, so a test can prove it looked at
 * text that came from the input (a check that finds nothing proves nothing).
 */
import { readFileSync } from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { JSDOM } from "jsdom";
import { FORMULA_TOKENS } from "./generators";

export interface OutputCheck {
  problems: string[];
  /** Every text the output shows (cell texts, html text, docx paragraphs). */
  texts: string[];
}

/** Tokens that must never appear inside a formula or field code of an output. */
const CODE_TOKENS = [...FORMULA_TOKENS, "alert(", "onerror", "<script", "javascript:"];

const dom = new JSDOM("");

/** XML well-formedness through jsdom's parser (saxes): invalid characters fail too. */
export function xmlProblem(xml: string, part: string): string | null {
  const doc = new dom.window.DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  return err ? `${part}: XML non valido (${(err.textContent ?? "").slice(0, 160)})` : null;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

function codeTokenIn(code: string): string | null {
  const upper = code.toUpperCase();
  return CODE_TOKENS.find((t) => upper.includes(t.toUpperCase())) ?? null;
}

/** A link to a place in the same workbook: "#'Sheet name'!B3" or "#Sheet!B3:C4". */
const INTERNAL_LOCATION =
  /^#('(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/;

/**
 * What is wrong with a formula the product wrote, from the input's point of view. String literals
 * ("..." with "" escapes) are text and may hold anything; the code outside them must hold nothing
 * that came from the input. The product's own links back to a source cell,
 * HYPERLINK("#'Sheet'!B3";...), are fine when the location is a well-formed internal one: a sheet
 * name with a quote that is not doubled would end the literal and show up here as code.
 */
export function formulaProblem(formula: string): string | null {
  const literals: string[] = [];
  let code = "";
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] !== '"') {
      code += formula[i];
      continue;
    }
    let lit = "";
    let closed = false;
    for (i++; i < formula.length; i++) {
      if (formula[i] === '"') {
        if (formula[i + 1] === '"') {
          lit += '"';
          i++;
          continue;
        }
        closed = true;
        break;
      }
      lit += formula[i];
    }
    if (!closed) return "stringa non chiusa";
    code += `«${literals.length}»`;
    literals.push(lit);
  }
  for (const m of code.matchAll(/HYPERLINK\s*\(\s*([^,;)]*)/gi)) {
    const arg = /^«(\d+)»$/.exec(m[1].trim());
    if (!arg) return `HYPERLINK con destinazione calcolata (${m[1].slice(0, 60)})`;
    const target = literals[Number(arg[1])];
    if (!INTERNAL_LOCATION.test(target)) return `HYPERLINK verso ${target.slice(0, 80)}`;
  }
  return codeTokenIn(code.replace(/HYPERLINK\s*\(/gi, "("));
}

function cellText(v: ExcelJS.CellValue): string | null {
  if (v == null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return (o.richText as { text: string }[]).map((r) => r.text).join("");
  if (typeof o.text === "string") return o.text;
  return null;
}

/** Sheet XML part (xl/worksheets/sheetN.xml) -> sheet name, from workbook.xml and its rels. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wb = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (!wb || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(part, decodeEntities(name));
  }
  return out;
}

/**
 * `skipSheets`: the input's own sheets, which `structure --out` copies unchanged by design (their
 * formulas are the user's, not made from text); only the sheets the product wrote are checked.
 */
export async function checkXlsx(
  file: string,
  skipSheets: ReadonlySet<string> = new Set()
): Promise<OutputCheck & { formulas: string[] }> {
  const problems: string[] = [];
  const texts: string[] = [];
  const formulas: string[] = [];
  const bytes = readFileSync(file);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return {
      problems: [`${file}: non è uno zip valido (${(e as Error).message})`],
      texts,
      formulas,
    };
  }
  const partNames = await sheetParts(zip);
  for (const name of Object.keys(zip.files)) {
    if (/externalLink/i.test(name)) problems.push(`${name}: collegamento esterno nel file scritto`);
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = await zip.files[name].async("string");
    const bad = xmlProblem(xml, name);
    if (bad) problems.push(bad);
    if (/<ddeLink|<oleLink/i.test(xml)) problems.push(`${name}: collegamento DDE/OLE`);
    if (/^xl\/worksheets\/.*\.xml$/.test(name) && !skipSheets.has(partNames.get(name) ?? "")) {
      for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) {
        const f = decodeEntities(m[1]);
        formulas.push(f);
        const tok = formulaProblem(f);
        if (tok)
          problems.push(
            `${name}: formula costruita dal testo in ingresso (${tok}): =${f.slice(0, 120)}`
          );
      }
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    problems.push(`${file}: exceljs non riapre il file (${(e as Error).message.slice(0, 160)})`);
    return { problems, texts, formulas };
  }
  for (const ws of wb.worksheets) {
    if (skipSheets.has(ws.name)) continue;
    texts.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          const f = String(
            (v as { formula?: string }).formula ??
              (v as { sharedFormula?: string }).sharedFormula ??
              ""
          );
          const tok = formulaProblem(f);
          if (tok)
            problems.push(
              `${ws.name}!${cell.address}: cella formula dal testo in ingresso (${tok}): =${f.slice(0, 120)}`
            );
          return;
        }
        if (v && typeof v === "object" && "hyperlink" in v) {
          const h = String((v as { hyperlink?: string }).hyperlink ?? "");
          // A link back to a source cell ("#'Sheet'!B3") is fine whatever the sheet is called, as
          // long as the name is quoted so the location cannot be read as anything else.
          const internal = INTERNAL_LOCATION.test(h);
          if (h.startsWith("#") && !internal)
            problems.push(`${ws.name}!${cell.address}: collegamento interno malformato: ${h}`);
          if (!h.startsWith("#") && codeTokenIn(h))
            problems.push(
              `${ws.name}!${cell.address}: collegamento ipertestuale dal testo in ingresso: ${h}`
            );
        }
        const t = cellText(v);
        if (t != null) texts.push(t);
      })
    );
  }
  return { problems, texts, formulas };
}

export function checkHtml(file: string): OutputCheck {
  const problems: string[] = [];
  const html = readFileSync(file, "utf8");
  // jsdom does not run scripts unless asked: parsing is safe.
  const doc = new JSDOM(html).window.document;
  for (const el of Array.from(doc.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name))
        problems.push(
          `<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 60)}">: gestore di evento attivo`
        );
      if (/^\s*javascript:/i.test(attr.value))
        problems.push(
          `<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 60)}">: URL javascript:`
        );
    }
  }
  for (const s of Array.from(doc.querySelectorAll("script"))) {
    if (/alert|peg"\)/.test(s.textContent ?? ""))
      problems.push(`<script> dal testo in ingresso: ${(s.textContent ?? "").slice(0, 80)}`);
  }
  for (const tag of ["iframe", "svg", "object", "embed"]) {
    if (doc.querySelector(tag))
      problems.push(`<${tag}> nel documento: markup dal testo in ingresso`);
  }
  if (doc.querySelector('img[src="x"]'))
    problems.push('<img src="x"> nel documento: markup dal testo in ingresso');
  const texts = [
    doc.title,
    ...Array.from(doc.querySelectorAll("body *")).map((e) => e.textContent ?? ""),
  ];
  return { problems, texts };
}

export async function checkDocx(file: string): Promise<OutputCheck> {
  const problems: string[] = [];
  const texts: string[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(readFileSync(file));
  } catch (e) {
    return { problems: [`${file}: non è uno zip valido (${(e as Error).message})`], texts };
  }
  const doc = zip.file("word/document.xml");
  if (!doc) return { problems: [`${file}: manca word/document.xml`], texts };
  for (const name of Object.keys(zip.files)) {
    if (!/^word\/.*\.(xml|rels)$/.test(name)) continue;
    const xml = await zip.files[name].async("string");
    const bad = xmlProblem(xml, name);
    if (bad) problems.push(bad);
    if (name.endsWith(".rels")) {
      for (const m of xml.matchAll(/Target="([^"]*)"/g)) {
        if (codeTokenIn(decodeEntities(m[1])))
          problems.push(`${name}: collegamento dal testo in ingresso: ${m[1]}`);
      }
      continue;
    }
    for (const m of xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)) {
      const code = decodeEntities(m[1]);
      if (codeTokenIn(code))
        problems.push(`${name}: campo Word dal testo in ingresso: ${code.slice(0, 120)}`);
    }
    for (const m of xml.matchAll(/w:instr="([^"]*)"/g)) {
      const code = decodeEntities(m[1]);
      if (codeTokenIn(code))
        problems.push(`${name}: campo Word dal testo in ingresso: ${code.slice(0, 120)}`);
    }
    for (const p of xml.split(/<\/w:p>/)) {
      const runs = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
        decodeEntities(m[1])
      );
      if (runs.length) texts.push(runs.join(""));
    }
  }
  return { problems, texts };
}

/** Payloads (as the model holds them: trimmed) that appear literally in some output text. */
export function literalHits(texts: string[], payloads: string[]): string[] {
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  const all = texts.map(norm);
  return payloads.map(norm).filter((p) => p !== "" && all.some((t) => t.includes(p)));
}
