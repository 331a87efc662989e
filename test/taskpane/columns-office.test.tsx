/**
 * @jest-environment jsdom
 *
 * The Colonne step inside "Excel" (the real App and Office host over the fake Excel): a table the
 * recognizer cannot read opens the step by itself; roles are set with the dropdowns and the counts
 * follow; "Applica" reads the workbook again with the mapping, saves it in the workbook (no
 * personal data) and writes the indicators. The preview reads only its rows, in one sync; saving
 * the mapping rides with the write (no sync of its own); a read that finds no plan writes nothing.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { createOfficeHost } from "../../src/taskpane/host";
import { fakeContext, gridToFakeSheet } from "../excel/fake-excel";
import {
  UNKNOWN_HEADER_ROW,
  UNKNOWN_INDICATORS,
  UNKNOWN_ROLES,
  UNKNOWN_ROWS,
  UNKNOWN_SHEET,
} from "../helpers/unknown-table";
import { PREVIEW_ROWS } from "../../src/taskpane/columns";
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
(globalThis as Record<string, unknown>).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

let fake: ReturnType<typeof fakeContext>;

beforeEach(() => {
  // Ten more rows below, so the preview has more sheet than it shows.
  const rows = [
    ...UNKNOWN_ROWS,
    ...Array.from({ length: 10 }, (_, i) => [
      null,
      null,
      null,
      `Indicatore ${i}`,
      null,
      null,
      null,
      null,
    ]),
  ];
  fake = fakeContext([gridToFakeSheet({ sheet: UNKNOWN_SHEET, rows })]);
  const g = globalThis as Record<string, unknown>;
  g.Excel = { run: <T,>(fn: (ctx: Excel.RequestContext) => Promise<T>) => fn(fake.context) };
  g.Office = {
    context: { document: { url: "https://contoso.sharepoint.com/Documenti/piano%202025.xlsx" } },
  };
});

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
});

function countText(id: string): string {
  return screen.getByTestId(id).textContent ?? "";
}

async function chooseRole(letter: string, label: RegExp): Promise<void> {
  const dropdown = screen.getByTestId(`role-${letter}`);
  await act(async () => {
    fireEvent.click(dropdown);
  });
  const listbox = await screen.findByRole("listbox");
  await act(async () => {
    fireEvent.click(within(listbox).getByRole("option", { name: label }));
  });
}

it("opens Colonne by itself, counts as roles change, applies and saves the mapping", async () => {
  render(<App host={createOfficeHost()} />);
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-structure"));
  });
  // Nothing read: the step opened by itself, with the sheet marked to check.
  await screen.findByTestId("columns-step", {}, { timeout: 20_000 });
  expect(screen.getByText("da verificare")).toBeTruthy();
  await screen.findByTestId("columns-preview");
  expect(countText("columns-count-indicators")).toMatch(/^0 indicatori/);

  // Every control has a name: the dropdowns say their column and its header.
  expect(
    screen.getByRole("combobox", { name: /Ruolo della colonna D \(intestazione «Colonna D»\)/ })
  ).toBeTruthy();
  expect(screen.getByLabelText("Riga di intestazione")).toBeTruthy();

  const labels: Record<string, RegExp> = {
    A: /^Settore$/,
    B: /^Obiettivo strategico$/,
    C: /^Obiettivo operativo$/,
    D: /^Indicatore$/,
    E: /^Unità di misura$/,
    F: /^Target$/,
    G: /^Peso$/,
    H: /^Consuntivo$/,
  };
  for (const letter of Object.keys(UNKNOWN_ROLES)) await chooseRole(letter, labels[letter]);
  // The header row guessed is the row of `Colonna A…`; the counts come from the core.
  expect((screen.getByLabelText("Riga di intestazione") as HTMLInputElement).value).toBe(
    String(UNKNOWN_HEADER_ROW)
  );
  await waitFor(() => expect(countText("columns-count-indicators")).toMatch(/^15 indicatori/));

  await act(async () => {
    fireEvent.click(screen.getByTestId("columns-apply"));
  });
  await screen.findByText(/Colonne applicate/, {}, { timeout: 20_000 });
  // The sheet is now read with the mapping.
  const sheetButton = screen.getAllByTestId("columns-sheet")[0];
  expect(sheetButton.textContent).toMatch(
    /tabella con le colonne indicate, \d+ obiettivi, 15 indicatori/
  );

  // Saved in the workbook: sheet, header row, roles, header texts; nothing else.
  const stored = JSON.parse(String(fake.book.settingsStore.get("peg.settings"))) as {
    layouts: unknown[];
  };
  expect(stored.layouts).toEqual([
    {
      sheet: UNKNOWN_SHEET,
      headerRow: UNKNOWN_HEADER_ROW,
      columns: UNKNOWN_ROLES,
      headers: Object.fromEntries(Object.keys(UNKNOWN_ROLES).map((l) => [l, `Colonna ${l}`])),
    },
  ]);
  // The indicators are in the Indicatori sheet written to the workbook.
  const written = fake.book.sheet("Indicatori");
  const texts = [...written.cells.values()].map(String);
  for (const name of UNKNOWN_INDICATORS) expect(texts).toContain(name);
}, 60_000);

it("the preview reads only its rows in one sync; saving a mapping costs no sync of its own", async () => {
  const host = createOfficeHost();
  let before = fake.tracker.syncs;
  const cellsBefore = fake.tracker.loadedCells.length;
  const preview = await host.preview({
    sheet: UNKNOWN_SHEET,
    firstRow: 1,
    lastRow: PREVIEW_ROWS,
    firstCol: 0,
    lastCol: 7,
  });
  expect(fake.tracker.syncs - before).toBe(1);
  expect(preview.rows).toHaveLength(PREVIEW_ROWS);
  expect(preview.rows[2][3]).toBe("Colonna D");
  const loaded = fake.tracker.loadedCells.slice(cellsBefore - 1).reduce((a, b) => a + b, 0);
  expect(loaded).toBe(PREVIEW_ROWS * 8);

  // A plain read (the structured sheets already there, as when "Applica" runs), then the mapped one.
  await host.structure({}, () => undefined);
  before = fake.tracker.syncs;
  const plain = await host.structure({}, () => undefined);
  const plainSyncs = fake.tracker.syncs - before;
  expect(plain.readings[0].layout).toBe("none");
  before = fake.tracker.syncs;
  const mapped = await host.structure(
    {
      layouts: [
        { sheet: UNKNOWN_SHEET, headerRow: UNKNOWN_HEADER_ROW, columns: { ...UNKNOWN_ROLES } },
      ],
    },
    () => undefined,
    { save: true }
  );
  const mappedSyncs = fake.tracker.syncs - before;
  // Nothing read by the plain read: it writes nothing (issue 14), so it costs the reading only.
  expect(plain.nothingRead).toBe(true);
  expect(mappedSyncs).toBeGreaterThan(plainSyncs);
  // The same mapped read without saving: saving the mapping costs no sync of its own.
  before = fake.tracker.syncs;
  await host.structure(
    { layouts: [{ sheet: UNKNOWN_SHEET, headerRow: UNKNOWN_HEADER_ROW, columns: { ...UNKNOWN_ROLES } }] },
    () => undefined
  );
  expect(mappedSyncs).toBeLessThanOrEqual(fake.tracker.syncs - before);
  expect(mapped.readings[0].layout).toBe("mapped");
  expect(mapped.model.indicators.length).toBe(15);
  expect(fake.book.settingsStore.has("peg.settings")).toBe(true);
}, 60_000);

it("imports a mapping from a JSON file, refuses a wrong one in Italian, and speaks English", async () => {
  render(<App host={createOfficeHost()} />);
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-structure"));
  });
  await screen.findByTestId("columns-preview", {}, { timeout: 20_000 });
  const input = screen.getByLabelText("Importa le colonne (JSON)") as HTMLInputElement;

  const wrong = {
    layouts: [{ sheet: UNKNOWN_SHEET, headerRow: UNKNOWN_HEADER_ROW, columns: { Z: "actual" } }],
  };
  await act(async () => {
    fireEvent.change(input, {
      target: { files: [new File([JSON.stringify(wrong)], "colonne.json")] },
    });
  });
  expect((await screen.findByTestId("columns-note")).textContent).toMatch(
    /Il file scelto non contiene colonne valide: .*la colonna Z è fuori dal foglio \(ultima colonna: H\)/
  );

  const good = {
    layouts: [{ sheet: UNKNOWN_SHEET, headerRow: UNKNOWN_HEADER_ROW, columns: UNKNOWN_ROLES }],
  };
  await act(async () => {
    fireEvent.change(input, {
      target: { files: [new File([JSON.stringify(good)], "colonne.json")] },
    });
  });
  await screen.findByText("Colonne importate.", {}, { timeout: 20_000 });
  expect(screen.getAllByTestId("columns-sheet")[0].textContent).toMatch(
    /tabella con le colonne indicate/
  );
  expect(screen.getByTestId("role-D").textContent).toBe("Indicatore");

  fireEvent.click(screen.getByTestId("lang"));
  await screen.findByRole("button", { name: "Apply" });
  expect(screen.getByTestId("role-D").textContent).toBe("Indicator");
  expect(
    screen.getByRole("combobox", { name: /Role of column H \(header «Colonna H»\)/ }).textContent
  ).toBe("Actual");
  expect(screen.getByTestId("columns-apply").textContent).toBe("Apply");
}, 60_000);
