/**
 * End to end, the Colonne step: the BUILT task pane in Chromium, standalone. A workbook whose table
 * the recognizer misses (headers `Colonna A`, `Colonna B`…) opens the step by itself; the roles are
 * set with the dropdowns and the keyboard, "Applica" reads it again; the objectives and indicators
 * are shown, and the downloaded structured workbook has them in its Indicatori sheet. The mapping
 * stays in the browser and can be exported as JSON. Screenshots go to the e2e artifacts folder.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { requireProgram } from "../helpers/programs";
import {
  UNKNOWN_HEADER_ROW,
  UNKNOWN_INDICATORS,
  UNKNOWN_ROLES,
  UNKNOWN_SHEET,
  writeUnknownTable,
} from "../helpers/unknown-table";
import {
  CHROMIUM,
  OUT,
  ensureBuilt,
  launchPane,
  recordPageErrors,
  serveDist,
  type StaticServer,
} from "./taskpane-server";

const HAVE_CHROMIUM = requireProgram(CHROMIUM);
const maybe = HAVE_CHROMIUM ? describe : describe.skip;

const LABELS: Record<keyof typeof UNKNOWN_ROLES, string> = {
  A: "Settore",
  B: "Obiettivo strategico",
  C: "Obiettivo operativo",
  D: "Indicatore",
  E: "Unità di misura",
  F: "Target",
  G: "Peso",
  H: "Consuntivo",
};

maybe("task pane in Chromium: the Colonne step (standalone)", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let plan: string;
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    fs.mkdirSync(OUT, { recursive: true });
    plan = path.join(OUT, "colonne-piano-2025.xlsx");
    await writeUnknownTable(plan);
    server = await serveDist();
    context = await launchPane({ acceptDownloads: true });
    await context.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === server.origin || url.protocol === "blob:" || url.protocol === "data:")
        return route.continue();
      if (url.hostname !== "appsforoffice.microsoft.com") foreign.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    recordPageErrors(page, pageErrors, /appsforoffice|ERR_FAILED|net::/);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it("sets the roles with the dropdowns, applies, and finds the indicators in the download", async () => {
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector("html[data-peg-mode='standalone']", { timeout: 20_000 });
    await page.setInputFiles("[data-testid='file-input']", plan);
    await page.waitForSelector("text=File scelto: colonne-piano-2025.xlsx");
    await page.click("[data-testid='run-structure']");

    // Nothing read: the step opens by itself.
    await page.waitForSelector("[data-testid='columns-step']", { timeout: 60_000 });
    await page.waitForSelector("[data-testid='columns-preview']");
    expect(await page.getByText("da verificare").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid='columns-count-indicators']").innerText()).toMatch(
      /^0 /
    );
    expect(await page.getByLabel("Riga di intestazione").inputValue()).toBe(
      String(UNKNOWN_HEADER_ROW)
    );
    await page.screenshot({ path: path.join(OUT, "colonne-1-da-verificare.png"), fullPage: true });

    // The first role with the keyboard only (focus, open, move, choose), the others by clicking.
    const first = page.getByRole("combobox", {
      name: /Ruolo della colonna A \(intestazione «Colonna A»\)/,
    });
    await first.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("listbox").waitFor();
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        document.querySelector("[data-testid='role-A']")?.textContent?.includes("Settore") ?? false
    );
    for (const letter of Object.keys(LABELS).slice(1) as (keyof typeof LABELS)[]) {
      await page.click(`[data-testid='role-${letter}']`);
      await page.getByRole("option", { name: LABELS[letter], exact: true }).click();
      await page.waitForFunction(
        ([l, text]) =>
          document.querySelector(`[data-testid='role-${l}']`)?.textContent?.includes(text) ?? false,
        [letter, LABELS[letter]] as const
      );
    }
    await page.waitForFunction(
      (n) =>
        document
          .querySelector("[data-testid='columns-count-indicators']")
          ?.textContent?.startsWith(`${n} `),
      UNKNOWN_INDICATORS.length
    );
    await page.screenshot({ path: path.join(OUT, "colonne-2-ruoli.png"), fullPage: true });

    await page.click("[data-testid='columns-apply']");
    await page.waitForSelector("text=Colonne applicate", { timeout: 60_000 });
    expect(await page.locator("[data-testid='error']").count()).toBe(0);
    await page.screenshot({ path: path.join(OUT, "colonne-3-applicate.png"), fullPage: true });
    // The picture of the README: the step with the roles set.
    await page
      .locator("[data-testid='columns-step']")
      .screenshot({ path: path.join(OUT, "colonne.png") });

    // The mapping stays in this browser, and exports as JSON.
    const stored = await page.evaluate(() => localStorage.getItem("peg.layouts"));
    expect(JSON.parse(stored ?? "[]")).toEqual([
      expect.objectContaining({
        sheet: UNKNOWN_SHEET,
        headerRow: UNKNOWN_HEADER_ROW,
        columns: UNKNOWN_ROLES,
      }),
    ]);
    const [exported] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid='columns-export']"),
    ]);
    const json = path.join(OUT, "colonne-esportate.json");
    await exported.saveAs(json);
    expect(JSON.parse(fs.readFileSync(json, "utf8")).layouts[0].columns).toEqual(UNKNOWN_ROLES);

    // Struttura shows the counts; the download has the indicators in its Indicatori sheet.
    await page.getByRole("tab", { name: "Struttura cartella" }).click();
    const objectives = Number(
      await page.locator("[data-testid='count-objectives'] span").first().innerText()
    );
    const indicators = Number(
      await page.locator("[data-testid='count-indicators'] span").first().innerText()
    );
    expect(objectives).toBeGreaterThanOrEqual(3);
    expect(indicators).toBe(UNKNOWN_INDICATORS.length);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid='download']"),
    ]);
    const saved = path.join(OUT, "colonne-strutturato.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const texts: string[] = [];
    wb.getWorksheet("Indicatori")!.eachRow((row) =>
      row.eachCell((c) => texts.push(String(c.value)))
    );
    for (const name of UNKNOWN_INDICATORS) expect(texts).toContain(name);

    // The same file again, a new page: the saved mapping applies by itself.
    const again = await context.newPage();
    await again.goto(`${server.origin}/taskpane.html`);
    await again.waitForSelector("html[data-peg-mode='standalone']", { timeout: 20_000 });
    await again.setInputFiles("[data-testid='file-input']", plan);
    await again.click("[data-testid='run-structure']");
    await again.waitForSelector("[data-testid='counts']", { timeout: 60_000 });
    expect(
      Number(await again.locator("[data-testid='count-indicators'] span").first().innerText())
    ).toBe(UNKNOWN_INDICATORS.length);
    await again.close();

    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});

if (!HAVE_CHROMIUM) {
  it("chromium is missing: the Colonne end-to-end test was skipped (see the message above)", () => {
    expect(HAVE_CHROMIUM).toBe(false);
  });
}
