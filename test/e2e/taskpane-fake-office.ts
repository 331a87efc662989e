/**
 * Browser stand-in for Microsoft's office.js, served at the CDN address by the Office-mode
 * end-to-end test: Office.onReady says Excel, Excel.run runs on the in-memory fake workbook of the
 * adapter tests (sheets injected as window.__PEG_SHEETS), CustomFunctions records registrations.
 * window.__pegFake exposes the workbook and the registered functions to the test.
 */
import { fakeContext, type FakeSheetInit } from "../excel/fake-excel";

type Win = Record<string, unknown> & { __PEG_SHEETS?: FakeSheetInit[] };
const w = window as unknown as Win;
const fake = fakeContext(w.__PEG_SHEETS ?? []);
const functions: Record<string, (...args: unknown[]) => unknown> = {};

class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

w.Office = {
  HostType: { Excel: "Excel" },
  onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  context: { document: { url: "https://contoso.sharepoint.com/sites/ente/Documenti/piano.xlsx" } },
};
w.Excel = { run: <T>(fn: (ctx: unknown) => Promise<T>) => fn(fake.context) };
w.CustomFunctions = {
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!" },
  associate: (id: string, fn: (...args: unknown[]) => unknown) => {
    if (functions[id]) throw new Error(`${id} associated twice`);
    functions[id] = fn;
  },
};
w.__pegFake = {
  functions,
  sheetNames: () => fake.book.live().map((s) => s.name),
  tables: () => fake.book.allTables().map((t) => t.name),
  cell: (sheet: string, a1: string) => fake.book.sheet(sheet).cell(a1),
  selection: () => fake.book.selection,
  active: () => fake.book.active,
  syncs: () => fake.tracker.syncs,
};
