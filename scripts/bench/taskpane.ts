// Benchmark section "taskpane": the pane's initial JavaScript (what taskpane.html loads before the
// first render: raw and gzip, aim <= 250 kB gzip) and the time to first render in headless
// Chromium (standalone mode, the Office CDN blocked), median of several fresh page loads.
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  DIST,
  ensureBuilt,
  freshProfile,
  serveDist,
} from "../../test/e2e/taskpane-server";
import { findProgram } from "../../test/helpers/programs";
import { median } from "./common";

const RUNS = 5;
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function initialScripts(): string[] {
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s))
    .map((s) => s.replace(/^\.?\//, ""));
}

async function firstRender(): Promise<{ fcp: number; rendered: number } | null> {
  if (!findProgram(CHROMIUM)) return null;
  const { chromium } = await import("playwright-core");
  const server = await serveDist();
  const context = await chromium.launchPersistentContext(freshProfile(), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 380, height: 900 },
  });
  try {
    await context.route("**/*", (route) =>
      new URL(route.request().url()).origin === server.origin ? route.continue() : route.abort()
    );
    const fcps: number[] = [];
    const renders: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await context.newPage();
      // Record, inside the page, when the pane's first elements appear under #root.
      await page.addInitScript(() => {
        new MutationObserver((_, obs) => {
          const root = document.getElementById("root");
          if (root && root.childElementCount > 0) {
            (window as unknown as { __pegRendered: number }).__pegRendered = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${server.origin}/taskpane.html?run=${i}`);
      await page.waitForFunction(
        () => (window as unknown as { __pegRendered?: number }).__pegRendered !== undefined
      );
      const t = await page.evaluate(() => ({
        rendered: (window as unknown as { __pegRendered: number }).__pegRendered,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      }));
      renders.push(t.rendered);
      fcps.push(t.fcp);
      await page.close();
    }
    return { fcp: median(fcps), rendered: median(renders) };
  } finally {
    await context.close();
    await server.close();
  }
}

export async function run(): Promise<void> {
  ensureBuilt();
  let raw = 0;
  let gz = 0;
  const files = initialScripts();
  for (const f of files) {
    const bytes = readFileSync(join(DIST, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  console.log(
    `[taskpane] JS iniziale (${files.join(", ")}): ${kB(raw)} grezzi, ${kB(gz)} gzip (obiettivo <= 250 kB gzip: ${gz <= 250 * 1024 ? "ok" : "SUPERATO"})`
  );
  const t = await firstRender();
  if (!t) {
    console.log(`[taskpane] primo rendering: chromium assente (${CHROMIUM}), non misurato`);
    return;
  }
  console.log(
    `[taskpane] primo rendering in Chromium headless (mediana di ${RUNS}): ${t.rendered.toFixed(0)} ms (first contentful paint ${t.fcp.toFixed(0)} ms)`
  );
}
