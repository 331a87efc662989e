/**
 * End to end, Office mode: the BUILT pane in Chromium with a stand-in office.js served at the
 * CDN address (Excel.run over an in-memory workbook holding seed-001's sheets). Checks what only
 * the bundle can show: the pane detects Excel, registers the eight PEG.* functions once (and they
 * compute), Struttura writes the seven sheets, a finding click selects its cells.
 */
import * as fs from "fs";
import * as path from "path";
import { build } from "esbuild";
import type { BrowserContext, Page } from "playwright-core";
import { requireProgram } from "../helpers/programs";
import { readXlsxGrids } from "../../src/xlsx/read";
import { gridToFakeSheet } from "../excel/fake-excel";
import { STRUCTURED_SHEETS as STRUCTURED } from "../helpers/contract";
import {
  CHROMIUM,
  OUT,
  SEED_001_XLSX as FIXTURE,
  ensureBuilt,
  launchPane,
  recordPageErrors,
  serveDist,
  type StaticServer,
} from "./taskpane-server";

const HAVE_CHROMIUM = requireProgram(CHROMIUM);
const maybe = HAVE_CHROMIUM ? describe : describe.skip;

type Fake = {
  functions: Record<string, (...a: unknown[]) => unknown>;
  sheetNames(): string[];
  tables(): string[];
  selection(): string | null;
  active(): string | null;
};

maybe("task pane in Chromium (Office mode, stand-in office.js)", () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    fs.mkdirSync(OUT, { recursive: true });
    const officeJs = await build({
      entryPoints: [path.join(__dirname, "taskpane-fake-office.ts")],
      bundle: true,
      format: "iife",
      platform: "browser",
      write: false,
      logLevel: "error",
    });
    const grids = await readXlsxGrids(new Uint8Array(fs.readFileSync(FIXTURE)), "input.xlsx");
    const sheets = grids.map(gridToFakeSheet);
    server = await serveDist();
    context = await launchPane();
    await context.addInitScript(
      (s) => ((window as unknown as { __PEG_SHEETS: unknown }).__PEG_SHEETS = s),
      sheets
    );
    await context.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === server.origin) return route.continue();
      if (url.href === "https://appsforoffice.microsoft.com/lib/1/hosted/office.js")
        return route.fulfill({
          contentType: "text/javascript",
          body: officeJs.outputFiles[0].text,
        });
      foreign.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    recordPageErrors(page, pageErrors);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  const fake = <T>(fn: (f: Fake) => T): Promise<T> =>
    page.evaluate(`(${fn.toString()})(window.__pegFake)`) as Promise<T>;

  it("registers the functions, writes the sheets and selects a finding's cells", async () => {
    await page.goto(`${server.origin}/taskpane.html`);
    await page.waitForSelector("html[data-peg-mode='office']", { timeout: 20_000 });
    await page.waitForSelector("text=Collegato alla cartella di lavoro aperta.");
    expect(await page.locator("[data-testid='file-input']").count()).toBe(0);

    // The eight custom functions, each registered once, computing through the built bundle.
    expect((await fake((f) => Object.keys(f.functions))).sort()).toEqual(
      [
        "ACHIEVEMENT",
        "CHECKWEIGHTS",
        "MET",
        "OBJECTIVESCORE",
        "RULE",
        "SCORE",
        "STATUS",
        "WEIGHTSUM",
      ].sort()
    );
    expect(await fake((f) => f.functions.STATUS("=>15", 20))).toBe("RAGGIUNTO");
    expect(await fake((f) => f.functions.CHECKWEIGHTS([[20], ["30%"], [50]]))).toBe("OK");
    expect(
      await fake((f) => {
        try {
          f.functions.WEIGHTSUM([["venti"]]);
          return null;
        } catch (e) {
          return (e as { code: string }).code;
        }
      })
    ).toBe("#VALUE!");

    const before = await fake((f) => f.sheetNames());
    await page.click("[data-testid='run-structure']");
    await page.waitForSelector("[data-testid='counts'], [data-testid='error']", {
      timeout: 60_000,
    });
    expect(await page.locator("[data-testid='error']").count()).toBe(0);
    expect(await fake((f) => f.sheetNames())).toEqual([...before, ...STRUCTURED]);
    expect((await fake((f) => f.tables())).length).toBe(STRUCTURED.length);

    await page.click("[data-testid='tab-checks']");
    const weights = page.locator("[data-testid='finding'][data-code='WEIGHTS_SUM']").first();
    await weights.waitFor();
    const where = (await weights.getAttribute("title"))!.replace(/^Vai alle celle: /, "");
    await weights.click();
    await page.waitForFunction(
      () => (window as unknown as { __pegFake: Fake }).__pegFake.selection() !== null
    );
    const sheet = where.slice(0, where.lastIndexOf("!")).replace(/^'|'$/g, "");
    expect(await fake((f) => f.active())).toBe(sheet);
    expect(await fake((f) => f.selection())).toBe(
      `${sheet}!${where.slice(where.lastIndexOf("!") + 1)}`
    );
    await page.screenshot({ path: path.join(OUT, "taskpane-office-e2e.png"), fullPage: true });

    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

if (!HAVE_CHROMIUM) {
  it("chromium is missing: the Office-mode end-to-end test was skipped (see the message above)", () => {
    expect(HAVE_CHROMIUM).toBe(false);
  });
}
