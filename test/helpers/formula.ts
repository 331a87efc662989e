/**
 * A tiny evaluator for the en-US formulas the sheet model writes (src/core/sheets/types.ts), enough
 * for the `Pesi` sheet and the grades: IF, ROUND, ABS, SUMIFS, COUNTIFS, AVERAGEIFS, SUMPRODUCT, EXACT, ISNUMBER, `--`, the
 * comparisons, + - * /, text and number literals, `[@[Column]]` / `[@Column]` (this row) and
 * `Table[Column]` (a whole column). A cell of another formula is evaluated in turn; a formula with
 * anything else throws, so a test never passes on a formula it did not really compute. A `PEG.*`
 * formula gives its cached value, as Excel shows it before the add-in loads.
 */
import type { SheetCellValue, SheetSpec, WorkbookSpec } from "../../src/core/sheets/types";

type Scalar = string | number | boolean;
type Value = Scalar | Scalar[];

interface Tok {
  t: "num" | "str" | "ref" | "id" | "op";
  v: string;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " ") {
      i++;
    } else if (/\d|\./.test(c)) {
      const m = /^\d*\.?\d+(?:[eE][-+]?\d+)?/.exec(src.slice(i))!;
      out.push({ t: "num", v: m[0] });
      i += m[0].length;
    } else if (c === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new Error(`testo non chiuso in ${src}`);
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
    } else if (c === "[") {
      // [@[Col name]] or [@Col]
      const m = /^\[@(?:\[([^\]]+)\]|([^\]]+))\]/.exec(src.slice(i));
      if (!m) throw new Error(`riferimento non letto in ${src.slice(i)}`);
      out.push({ t: "ref", v: `@${m[1] ?? m[2]}` });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i))!;
      i += m[0].length;
      const col = /^\[([^\]]+)\]/.exec(src.slice(i));
      if (col) {
        out.push({ t: "ref", v: `${m[0]}|${col[1]}` });
        i += col[0].length;
      } else out.push({ t: "id", v: m[0].toUpperCase() });
    } else {
      const two = src.slice(i, i + 2);
      if (["<=", ">=", "<>"].includes(two)) {
        out.push({ t: "op", v: two });
        i += 2;
      } else if ("+-*/=<>(),".includes(c)) {
        out.push({ t: "op", v: c });
        i++;
      } else throw new Error(`carattere inatteso '${c}' in ${src}`);
    }
  }
  return out;
}

export class FormulaEvaluator {
  private readonly tables = new Map<string, SheetSpec>();
  private readonly memo = new Map<string, Value>();

  constructor(spec: WorkbookSpec) {
    for (const s of spec.sheets) this.tables.set(s.tableName, s);
  }

  /** The value of a cell of a table: its formula computed, or its plain value. */
  cell(tableName: string, row: number, column: string): Scalar {
    const key = `${tableName}|${row}|${column}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit as Scalar;
    const sheet = this.table(tableName);
    const c = sheet.columns.findIndex((col) => col.header === column);
    if (c < 0) throw new Error(`colonna ${column} assente in ${tableName}`);
    const raw: SheetCellValue = sheet.rows[row][c];
    let v: Scalar;
    if (
      raw !== null &&
      typeof raw === "object" &&
      "formula" in raw &&
      raw.formula.includes("PEG.")
    ) {
      // A custom function: its cached value, as Excel shows it before the add-in computes it.
      v = (raw.result ?? "") as Scalar;
    } else if (raw !== null && typeof raw === "object" && "formula" in raw) {
      const r = this.evaluate(raw.formula, tableName, row);
      if (Array.isArray(r)) throw new Error(`una cella non può valere un elenco: ${raw.formula}`);
      v = r;
    } else if (raw !== null && typeof raw === "object" && "text" in raw) v = raw.text;
    else v = raw ?? "";
    this.memo.set(key, v);
    return v;
  }

  private table(name: string): SheetSpec {
    const t = this.tables.get(name);
    if (!t) throw new Error(`tabella ${name} assente`);
    return t;
  }

  evaluate(formula: string, tableName: string, row: number): Value {
    const toks = tokenize(formula);
    let p = 0;
    const peek = () => toks[p];
    const eat = (v?: string) => {
      const t = toks[p++];
      if (!t || (v !== undefined && t.v !== v))
        throw new Error(`atteso ${v ?? "altro"} in ${formula}`);
      return t;
    };
    const args = (): (() => Value)[] => {
      // Arguments are parsed eagerly but evaluated lazily (IF evaluates one branch only).
      eat("(");
      const list: (() => Value)[] = [];
      if (peek()?.v === ")") {
        eat(")");
        return list;
      }
      for (;;) {
        const start = p;
        skipExpr();
        const end = p;
        list.push(() => sub(start, end));
        if (peek()?.v === ",") eat(",");
        else break;
      }
      eat(")");
      return list;
    };
    // Skip one expression (balanced parentheses up to a top-level `,` or `)`).
    const skipExpr = () => {
      let depth = 0;
      while (p < toks.length) {
        const v = toks[p].t === "op" ? toks[p].v : "";
        if (depth === 0 && (v === "," || v === ")")) return;
        if (v === "(") depth++;
        if (v === ")") depth--;
        p++;
      }
    };
    const sub = (start: number, end: number): Value => {
      const save = p;
      p = start;
      const v = comparison();
      if (p !== end) throw new Error(`espressione non letta per intero in ${formula}`);
      p = save;
      return v;
    };
    const num = (v: Value): number => {
      if (Array.isArray(v)) throw new Error(`atteso un numero in ${formula}`);
      if (typeof v === "number") return v;
      if (typeof v === "boolean") return v ? 1 : 0;
      if (v === "") return 0;
      throw new Error(`'${v}' non è un numero in ${formula}`);
    };
    const map2 = (a: Value, b: Value, fn: (x: Scalar, y: Scalar) => Scalar): Value => {
      if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => fn(x, b[i]));
      if (Array.isArray(a)) return a.map((x) => fn(x, b as Scalar));
      if (Array.isArray(b)) return b.map((y) => fn(a, y));
      return fn(a, b);
    };
    const cmp = (op: string, x: Scalar, y: Scalar): boolean => {
      if (typeof x === "string" && typeof y === "string") {
        const a = x.toLowerCase();
        const b = y.toLowerCase();
        return op === "="
          ? a === b
          : op === "<>"
            ? a !== b
            : cmpNum(op, a < b ? -1 : a > b ? 1 : 0);
      }
      if (typeof x === "string" || typeof y === "string") {
        // Blank compares as 0 / "", text is greater than any number (as Excel).
        if (x === "" || y === "")
          return cmp(
            op,
            x === "" ? (typeof y === "string" ? "" : 0) : x,
            y === "" ? (typeof x === "string" ? "" : 0) : y
          );
        return op === "<>" ? true : op === "=" ? false : cmpNum(op, typeof x === "string" ? 1 : -1);
      }
      return cmpNum(op, num(x) - num(y));
    };
    const cmpNum = (op: string, d: number): boolean =>
      op === "="
        ? d === 0
        : op === "<>"
          ? d !== 0
          : op === "<"
            ? d < 0
            : op === ">"
              ? d > 0
              : op === "<="
                ? d <= 0
                : d >= 0;
    const criterion = (c: Scalar): ((v: Scalar) => boolean) => {
      if (typeof c === "string") {
        const m = /^(>=|<=|<>|>|<|=)?(.*)$/.exec(c)!;
        if (m[1]) {
          const n = Number(m[2]);
          return (v) => typeof v === "number" && cmpNum(m[1], v - n);
        }
        return (v) => typeof v === "string" && v.toLowerCase() === c.toLowerCase();
      }
      return (v) => v === c;
    };
    const call = (name: string): Value => {
      const a = args();
      switch (name) {
        case "IF": {
          const c = a[0]();
          return num(c) !== 0 ? a[1]() : a.length > 2 ? a[2]() : false;
        }
        case "ROUND": {
          const x = num(a[0]());
          const d = num(a[1]());
          const k = 10 ** d;
          return (Math.sign(x) * Math.round(Math.abs(x) * k)) / k;
        }
        case "OR":
          return a.some((f) => num(f()) !== 0);
        case "AND":
          return a.every((f) => num(f()) !== 0);
        case "ABS":
          return Math.abs(num(a[0]()));
        case "ISNUMBER": {
          const v = a[0]();
          return Array.isArray(v) ? v.map((x) => typeof x === "number") : typeof v === "number";
        }
        case "EXACT":
          return map2(a[0](), a[1](), (x, y) => String(x) === String(y));
        case "SUMIFS":
        case "AVERAGEIFS":
        case "COUNTIFS": {
          const summed = name !== "COUNTIFS";
          const vals = summed ? (a[0]() as Scalar[]) : null;
          const pairs = summed ? a.slice(1) : a;
          let numbers = 0;
          let n = 0;
          let s = 0;
          const ranges: Scalar[][] = [];
          const tests: ((v: Scalar) => boolean)[] = [];
          for (let k = 0; k < pairs.length; k += 2) {
            ranges.push(pairs[k]() as Scalar[]);
            tests.push(criterion(pairs[k + 1]() as Scalar));
          }
          for (let r = 0; r < ranges[0].length; r++) {
            if (!tests.every((t, k) => t(ranges[k][r]))) continue;
            n++;
            if (vals && typeof vals[r] === "number") {
              s += vals[r] as number;
              numbers++;
            }
          }
          if (name === "AVERAGEIFS") {
            if (numbers === 0) throw new Error(`#DIV/0! in ${formula}`);
            return s / numbers;
          }
          return name === "SUMIFS" ? s : n;
        }
        case "SUMPRODUCT": {
          const lists = a.map((f) => f()).map((v) => (Array.isArray(v) ? v : [v]));
          let s = 0;
          for (let r = 0; r < lists[0].length; r++) {
            let prod = 1;
            for (const l of lists) prod *= typeof l[r] === "number" ? (l[r] as number) : 0;
            s += prod;
          }
          return s;
        }
        default:
          throw new Error(`funzione ${name} non valutata da questo banco di prova`);
      }
    };
    const primary = (): Value => {
      const t = eat();
      if (t.t === "num") return Number(t.v);
      if (t.t === "str") return t.v;
      if (t.t === "ref") {
        if (t.v.startsWith("@")) return this.cell(tableName, row, t.v.slice(1));
        const [table, column] = t.v.split("|");
        const sheet = this.table(table);
        return sheet.rows.map((_, r) => this.cell(table, r, column));
      }
      if (t.t === "id") return call(t.v);
      if (t.v === "(") {
        const v = comparison();
        eat(")");
        return v;
      }
      throw new Error(`inatteso '${t.v}' in ${formula}`);
    };
    const unary = (): Value => {
      if (peek()?.v === "-") {
        eat("-");
        const v = unary();
        return Array.isArray(v) ? v.map((x) => -num(x)) : -num(v);
      }
      return primary();
    };
    const term = (): Value => {
      let v = unary();
      while (peek()?.v === "*" || peek()?.v === "/") {
        const op = eat().v;
        const w = unary();
        v = map2(v, w, (x, y) => (op === "*" ? num(x) * num(y) : num(x) / num(y)));
      }
      return v;
    };
    const additive = (): Value => {
      let v = term();
      while (peek()?.v === "+" || peek()?.v === "-") {
        const op = eat().v;
        const w = term();
        v = map2(v, w, (x, y) => (op === "+" ? num(x) + num(y) : num(x) - num(y)));
      }
      return v;
    };
    function comparison(): Value {
      const v = additive();
      const op = peek()?.v;
      if (op && ["=", "<>", "<", ">", "<=", ">="].includes(op) && peek().t === "op") {
        eat();
        const w = additive();
        return map2(v, w, (x, y) => cmp(op, x, y));
      }
      return v;
    }
    const v = comparison();
    if (p !== toks.length) throw new Error(`formula non letta per intero: ${formula}`);
    return v;
  }
}
