/**
 * A small in-memory Excel for the adapter tests: office-addin-mock has no collections (items,
 * add, getItemOrNullObject), so this fake keeps sheets, cells, tables and formats, enforces
 * load-before-read and array shapes like Excel does, counts syncs and measures each request.
 */
import { columnIndex, columnLetters } from "../../src/core/grid";

type Cell = string | number | boolean;

export interface FakeSheetInit {
  name: string;
  /** Used range top-left (A1 default) and its values/numberFormat. */
  at?: string;
  values?: Cell[][];
  numberFormat?: string[][];
  visibility?: "Visible" | "Hidden";
}

interface Bounds {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function parseAddress(addr: string): Bounds {
  const a = addr.replace(/\$/g, "");
  const col = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (col) return { r1: 0, c1: columnIndex(col[1]), r2: 1048575, c2: columnIndex(col[2]) };
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (!m) throw new Error(`InvalidArgument: address ${addr}`);
  const r1 = Number(m[2]) - 1;
  const c1 = columnIndex(m[1]);
  return { r1, c1, r2: m[4] ? Number(m[4]) - 1 : r1, c2: m[3] ? columnIndex(m[3]) : c1 };
}

export class FakeRequestTracker {
  syncs = 0;
  suspends = 0;
  /** Bytes of data queued in each request (formulas, values, numberFormat arrays). */
  requestBytes: number[] = [0];
  /** Cells loaded (read back) by each request. */
  loadedCells: number[] = [0];
  private pending: (() => void)[] = [];
  queue(fn: () => void): void {
    this.pending.push(fn);
  }
  count(bytes: number): void {
    this.requestBytes[this.requestBytes.length - 1] += bytes;
  }
  async sync(): Promise<void> {
    this.syncs++;
    const p = this.pending;
    this.pending = [];
    for (const fn of p) fn();
    this.requestBytes.push(0);
    this.loadedCells.push(0);
  }
}

function loadable<T extends object>(tracker: FakeRequestTracker, obj: T, fill: (self: T) => void) {
  let loaded = false;
  return {
    load(): void {
      tracker.queue(() => {
        fill(obj);
        loaded = true;
      });
    },
    check(prop: string): void {
      if (!loaded) throw new Error(`PropertyNotLoaded: ${prop}`);
    },
  };
}

export class FakeRange {
  conditionalFormats: { add: (type: string) => Record<string, unknown> };
  format = {
    columnWidth: undefined as number | undefined,
    wrapText: undefined as boolean | undefined,
    rowHeight: undefined as number | undefined,
    verticalAlignment: undefined as string | undefined,
    horizontalAlignment: undefined as string | undefined,
    /** Queued like Excel: rows fitted to their wrapped text at the next sync. */
    autofitRows: (): void => this.tracker.queue(() => this.sheet.autofitted.push(this.addr)),
  };
  dataValidation: { rule?: unknown; prompt?: unknown } = {};
  private _loaded: ReturnType<typeof loadable>;
  private snapshot: {
    address: string;
    values: Cell[][];
    numberFormat: string[][];
    rowCount: number;
    columnCount: number;
  } | null = null;
  constructor(
    private readonly tracker: FakeRequestTracker,
    readonly sheet: FakeSheet,
    readonly addr: string,
    readonly isNullObject = false,
    /** A used range (its address and size come from the sheet) rather than a given address. */
    readonly used = false
  ) {
    this._loaded = loadable(tracker, this, () => undefined);
    this.conditionalFormats = {
      add: (type: string) => {
        const cf: Record<string, unknown> = {
          type,
          range: addr,
          custom: { rule: {}, format: { fill: {}, font: {} } },
          dataBar: { positiveFormat: {} },
        };
        sheet.conditionalFormats.push(cf);
        return cf;
      },
    };
  }
  private bounds(): Bounds {
    return parseAddress(this.addr);
  }
  private checkShape(v: unknown[][], what: string): void {
    const b = this.bounds();
    if (v.length !== b.r2 - b.r1 + 1 || v.some((row) => row.length !== b.c2 - b.c1 + 1))
      throw new Error(`InvalidArgument: ${what} shape does not match ${this.addr}`);
  }
  set formulas(v: Cell[][]) {
    this.checkShape(v, "formulas");
    this.tracker.count(JSON.stringify(v).length);
    const b = this.bounds();
    v.forEach((row, r) =>
      row.forEach((cell, c) => this.sheet.cells.set(`${b.r1 + r},${b.c1 + c}`, cell))
    );
  }
  set numberFormat(v: string[][]) {
    this.checkShape(v, "numberFormat");
    this.tracker.count(JSON.stringify(v).length);
    const b = this.bounds();
    v.forEach((row, r) =>
      row.forEach((f, c) => this.sheet.formats.set(`${b.r1 + r},${b.c1 + c}`, f))
    );
  }
  get numberFormat(): string[][] {
    this._loaded.check("numberFormat");
    return this.snapshot!.numberFormat;
  }
  get values(): Cell[][] {
    this._loaded.check("values");
    return this.snapshot!.values;
  }
  get address(): string {
    this._loaded.check("address");
    return this.snapshot!.address;
  }
  load(props = "values"): this {
    this._loaded = loadable(this.tracker, this, () => {
      const init = this.sheet.init;
      const at = init.at ?? "A1";
      const all = init.values ?? [];
      const formats = init.numberFormat ?? all.map((row) => row.map(() => "General"));
      const b = parseAddress(at);
      const width = all[0]?.length ?? 1;
      if (this.used) {
        const end = `${columnLetters(b.c1 + width - 1)}${b.r1 + Math.max(all.length, 1)}`;
        this.snapshot = {
          address: `${this.sheet.name}!${at}:${end}`,
          values: all,
          numberFormat: formats,
          rowCount: all.length,
          columnCount: width,
        };
      } else {
        // Any other range: its slice of the sheet's cells ("" outside the used range).
        const r = parseAddress(this.addr);
        const slice = <T>(m: T[][], empty: T) =>
          Array.from({ length: r.r2 - r.r1 + 1 }, (_, i) =>
            Array.from(
              { length: r.c2 - r.c1 + 1 },
              (_, j) => m[r.r1 - b.r1 + i]?.[r.c1 - b.c1 + j] ?? empty
            )
          );
        const values = slice<Cell>(all, "");
        this.snapshot = {
          address: `${this.sheet.name}!${this.addr}`,
          values,
          numberFormat: slice(formats, "General"),
          rowCount: values.length,
          columnCount: r.c2 - r.c1 + 1,
        };
      }
      if (/values|numberFormat/.test(props))
        this.tracker.loadedCells[this.tracker.loadedCells.length - 1] +=
          this.snapshot.rowCount * this.snapshot.columnCount;
    });
    this._loaded.load();
    return this;
  }
  get rowCount(): number {
    this._loaded.check("rowCount");
    return this.snapshot!.rowCount;
  }
  get columnCount(): number {
    this._loaded.check("columnCount");
    return this.snapshot!.columnCount;
  }
  select(): void {
    this.tracker.queue(() => (this.sheet.book.selection = `${this.sheet.name}!${this.addr}`));
  }
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  formats = new Map<string, string>();
  tables: { name: string; address: string; style?: string; worksheet: FakeSheet }[] = [];
  conditionalFormats: Record<string, unknown>[] = [];
  frozenRows = 0;
  deleted = false;
  /** Ranges whose rows were fitted to their text (format.autofitRows). */
  autofitted: string[] = [];
  /** Page layout as Office.js sets it (ExcelApi 1.9): properties, print titles, footers. */
  pageLayout = {
    orientation: undefined as string | undefined,
    paperSize: undefined as string | undefined,
    zoom: undefined as { horizontalFitToPages?: number; verticalFitToPages?: number } | undefined,
    leftMargin: undefined as number | undefined,
    rightMargin: undefined as number | undefined,
    topMargin: undefined as number | undefined,
    bottomMargin: undefined as number | undefined,
    headerMargin: undefined as number | undefined,
    footerMargin: undefined as number | undefined,
    printTitleRows: undefined as string | undefined,
    setPrintTitleRows: (rows: string): void => {
      if (!/^\$\d+:\$\d+$/.test(rows)) throw new Error(`InvalidArgument: print title rows ${rows}`);
      this.pageLayout.printTitleRows = rows;
    },
    headersFooters: {
      defaultForAllPages: {
        leftFooter: undefined as string | undefined,
        centerFooter: undefined as string | undefined,
        rightFooter: undefined as string | undefined,
      },
    },
  };
  visibility: "Visible" | "Hidden";
  private _name: string;
  constructor(
    private readonly tracker: FakeRequestTracker,
    readonly book: FakeWorkbook,
    readonly init: FakeSheetInit
  ) {
    this._name = init.name;
    this.visibility = init.visibility ?? "Visible";
  }
  get name(): string {
    return this._name;
  }
  set name(n: string) {
    if (
      this.book.sheets.some(
        (s) => s !== this && !s.deleted && s._name.toLowerCase() === n.toLowerCase()
      )
    )
      throw new Error(`ItemAlreadyExists: sheet ${n}`);
    this._name = n;
  }
  tablesCollection = {
    add: (address: string) => {
      const t = {
        address,
        style: undefined as string | undefined,
        _name: `Table${this.book.allTables().length + 1}`,
        worksheet: this,
        get name(): string {
          return this._name;
        },
        set name(n: string) {
          // Table names are unique in the workbook.
          if (
            t.worksheet.book
              .allTables()
              .some((o) => o !== t && o.name.toLowerCase() === n.toLowerCase())
          )
            throw new Error(`InvalidArgument: table name ${n} taken`);
          this._name = n;
        },
      };
      this.tables.push(t);
      return t;
    },
  };
  /** The range freezePanes.freezeAt froze (its bottom-right cell ends the frozen panes). */
  frozenAt: string | null = null;
  freezePanes = {
    freezeRows: (n: number) => (this.frozenRows = n),
    freezeColumns: () => undefined,
    freezeAt: (r: FakeRange) => {
      this.frozenAt = r.addr;
      this.frozenRows = parseAddress(r.addr).r2 + 1;
    },
  };
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.tracker,
      this,
      this.init.at ?? "A1",
      (this.init.values ?? []).length === 0,
      true
    );
  }
  getRange(addr: string): FakeRange {
    return new FakeRange(this.tracker, this, addr);
  }
  getRanges(addrs: string): { select: () => void } {
    return {
      select: () => this.tracker.queue(() => (this.book.selection = `${this.name}!${addrs}`)),
    };
  }
  activate(): void {
    this.tracker.queue(() => (this.book.active = this.name));
  }
  delete(): void {
    this.deleted = true;
  }
  /** Cell value as written (formula text or constant), by A1 address. */
  cell(a1: string): Cell | undefined {
    const b = parseAddress(a1);
    return this.cells.get(`${b.r1},${b.c1}`);
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  selection: string | null = null;
  active: string | null = null;
  settingsStore = new Map<string, unknown>();
  constructor(
    readonly tracker: FakeRequestTracker,
    init: FakeSheetInit[]
  ) {
    for (const s of init) this.sheets.push(new FakeSheet(tracker, this, s));
  }
  live(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }
  sheet(name: string): FakeSheet {
    const s = this.live().find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  allTables() {
    return this.live().flatMap((s) => s.tables);
  }
}

/** A fake Excel.RequestContext over a FakeWorkbook (cast to the real type at the call site). */
export function fakeContext(init: FakeSheetInit[]) {
  const tracker = new FakeRequestTracker();
  const book = new FakeWorkbook(tracker, init);
  const itemsOf = <T>(get: () => T[]) => {
    let loaded: T[] | null = null;
    return {
      load: () => tracker.queue(() => (loaded = get())),
      get items(): T[] {
        if (!loaded) throw new Error("PropertyNotLoaded: items");
        return loaded;
      },
    };
  };
  const sheetProxy = (s: FakeSheet) =>
    new Proxy(s, {
      get(target, prop, recv) {
        if (prop === "tables") return target.tablesCollection;
        return Reflect.get(target, prop, recv) as unknown;
      },
    });
  const sheetsItems = itemsOf(() => book.live().map(sheetProxy));
  const tablesItems = itemsOf(() => book.allTables());
  const context = {
    workbook: {
      worksheets: {
        load: () => sheetsItems.load(),
        get items() {
          return sheetsItems.items;
        },
        add: (name: string) => {
          if (book.live().some((s) => s.name.toLowerCase() === name.toLowerCase()))
            throw new Error(`ItemAlreadyExists: sheet ${name}`);
          const s = new FakeSheet(tracker, book, { name });
          book.sheets.push(s);
          return sheetProxy(s);
        },
        getItem: (name: string) => {
          const s = book.live().find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
          return sheetProxy(s);
        },
        getItemOrNullObject: (name: string) => {
          const s = book.live().find((x) => x.name.toLowerCase() === name.toLowerCase());
          return s ? Object.assign(sheetProxy(s), { isNullObject: false }) : { isNullObject: true };
        },
      },
      tables: {
        load: () => tablesItems.load(),
        get items() {
          return tablesItems.items;
        },
      },
      settings: {
        getItemOrNullObject: (key: string) => {
          const item = {
            isNullObject: true,
            value: undefined as unknown,
            load: (): void => undefined,
          };
          item.load = () =>
            tracker.queue(() => {
              item.isNullObject = !book.settingsStore.has(key);
              item.value = book.settingsStore.get(key);
            });
          return item;
        },
        add: (key: string, value: unknown) =>
          tracker.queue(() => book.settingsStore.set(key, value)),
      },
    },
    application: {
      suspendApiCalculationUntilNextSync: () => tracker.suspends++,
    },
    sync: () => tracker.sync(),
  };
  return { context: context as unknown as Excel.RequestContext, book, tracker };
}

/** A grid (from the xlsx reader) as Excel would hand it over: a rectangle of values with number formats. */
export function gridToFakeSheet(g: {
  sheet: string;
  rows: (string | number | boolean | Date | null)[][];
  text?: (string | null)[][];
  origin?: { row: number; col: number };
}): FakeSheetInit {
  const width = Math.max(1, ...g.rows.map((r) => r.length));
  const values = g.rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c];
      if (v instanceof Date) return Math.round(v.getTime() / 86400000 + 25569);
      return v ?? "";
    })
  );
  const numberFormat = g.rows.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      if (row[c] instanceof Date) return "dd/mm/yyyy";
      return typeof row[c] === "number" && g.text?.[r]?.[c]?.includes("%") ? "0%" : "General";
    })
  );
  const o = g.origin ?? { row: 0, col: 0 };
  return { name: g.sheet, at: `${columnLetters(o.col)}${o.row + 1}`, values, numberFormat };
}
