/**
 * @jest-environment jsdom
 *
 * The pane inside "Excel": the real App and the real Office host (host.ts) over a fake Excel whose
 * workbook holds seed-001's sheets. Struttura writes the structured sheets into the workbook,
 * Verifiche lists WEIGHTS_SUM and a click selects its cells, Impostazioni saves in the workbook.
 */
import * as fs from "fs";
import * as path from "path";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { createOfficeHost } from "../../src/taskpane/host";
import { readXlsxGrids } from "../../src/xlsx/read";
import { fakeContext, gridToFakeSheet } from "../excel/fake-excel";
import { STRUCTURED_SHEETS as STRUCTURED } from "../helpers/contract";
import { TextDecoder, TextEncoder } from "util";

// jsdom has no TextDecoder; the xlsx reader (used here only to load the fixture) needs it.
Object.assign(globalThis, { TextDecoder, TextEncoder });
// Nor ResizeObserver, which Fluent's MessageBar uses to reflow: a no-op is enough here.
(globalThis as Record<string, unknown>).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

const FIXTURE = path.join(__dirname, "..", "fixtures", "seed-001", "input.xlsx");

let fake: ReturnType<typeof fakeContext>;

beforeAll(async () => {
  const grids = await readXlsxGrids(new Uint8Array(fs.readFileSync(FIXTURE)), "input.xlsx");
  fake = fakeContext(grids.map(gridToFakeSheet));
  const g = globalThis as Record<string, unknown>;
  g.Excel = { run: <T,>(fn: (ctx: Excel.RequestContext) => Promise<T>) => fn(fake.context) };
  // A full path: the pane must show only the file name.
  g.Office = {
    context: { document: { url: "C:\\Users\\mario.rossi\\Documenti\\piano 2022.xlsx" } },
  };
});

afterAll(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
});

it("structures the open workbook, lists WEIGHTS_SUM and selects its cells", async () => {
  const host = createOfficeHost();
  expect(host.fileName()).toBe("piano 2022.xlsx");
  const sourceNames = fake.book.live().map((s) => s.name);
  render(<App host={host} />);
  expect(screen.getByText(/Collegato alla cartella di lavoro aperta/)).toBeTruthy();
  expect(screen.queryByTestId("file-input")).toBeNull();

  await act(async () => {
    fireEvent.click(screen.getByTestId("run-structure"));
  });
  await waitFor(() => expect(screen.getByTestId("counts")).toBeTruthy(), { timeout: 20_000 });
  expect(
    Number(screen.getByTestId("count-indicators").querySelector("span")!.textContent)
  ).toBeGreaterThan(0);

  // The sheets are in the workbook, after the untouched source sheets.
  expect(fake.book.live().map((s) => s.name)).toEqual([...sourceNames, ...STRUCTURED]);
  expect(fake.book.sheet("Indicatori").tables).toHaveLength(1);
  expect(fake.book.sheet("Indicatori").cell("A1")).toBeTruthy();
  const syncs = fake.tracker.syncs;

  // Verifiche: the finding, and a click selects its cells on the source sheet.
  fireEvent.click(screen.getByRole("tab", { name: /Verifiche/ }));
  const finding = await screen.findByText("WEIGHTS_SUM");
  const button = finding.closest("button")!;
  const where = button.getAttribute("title")!.replace(/^Vai alle celle: /, "");
  expect(where).toMatch(/!C\d+/);
  await act(async () => {
    fireEvent.click(button);
  });
  await waitFor(() => expect(fake.book.selection).not.toBeNull());
  const sheet = where.slice(0, where.lastIndexOf("!")).replace(/^'|'$/g, "");
  expect(fake.book.active).toBe(sheet);
  expect(fake.book.selection).toBe(`${sheet}!${where.slice(where.lastIndexOf("!") + 1)}`);
  expect(fake.tracker.syncs).toBeGreaterThan(syncs);

  // Running it again replaces the structured sheets instead of adding copies.
  fireEvent.click(screen.getByRole("tab", { name: /Struttura cartella/ }));
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-structure"));
  });
  await waitFor(() =>
    expect(fake.book.live().map((s) => s.name)).toEqual([...sourceNames, ...STRUCTURED])
  );
}, 60_000);

it("keeps the settings in the workbook and rejects invalid ones in Italian", async () => {
  render(<App host={createOfficeHost()} />);
  fireEvent.click(screen.getByRole("tab", { name: "Impostazioni" }));
  fireEvent.change(
    screen.getByTestId("year").querySelector("input") ?? screen.getByTestId("year"),
    { target: { value: "1800" } }
  );
  await act(async () => {
    fireEvent.click(screen.getByTestId("save-settings"));
  });
  expect(await screen.findByText(/anno tra 1990 e 2100/)).toBeTruthy();
  expect(fake.book.settingsStore.size).toBe(0);
  fireEvent.change(
    screen.getByTestId("year").querySelector("input") ?? screen.getByTestId("year"),
    { target: { value: "2022" } }
  );
  await act(async () => {
    fireEvent.click(screen.getByTestId("save-settings"));
  });
  expect(await screen.findByText(/Impostazioni salvate nella cartella di lavoro/)).toBeTruthy();
  const stored = JSON.parse(String(fake.book.settingsStore.get("peg.settings"))) as Record<
    string,
    unknown
  >;
  expect(stored.year).toBe(2022);
  expect(JSON.stringify(stored)).not.toMatch(/mario|Users/);
});
