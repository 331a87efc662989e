/**
 * Shared by the task pane end-to-end tests and the bench: build dist/ when missing, serve it on
 * 127.0.0.1, and launch Debian's Chromium with a fresh profile and no background traffic.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { BrowserContext, Page } from "playwright-core";

/** The project root: the nearest folder upwards with package.json (also from a bundled bench script). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

export const ROOT = projectRoot();
export const DIST = path.join(ROOT, "dist");
/** Where the end-to-end tests leave downloads and screenshots to look at. */
export const OUT = path.join(ROOT, "test-output");
/** The plan the end-to-end tests open. */
export const SEED_001_XLSX = path.join(ROOT, "test", "fixtures", "seed-001", "input.xlsx");
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** dist/ with the task pane; built with webpack when absent (npm test builds it first). */
export function ensureBuilt(): void {
  if (
    fs.existsSync(path.join(DIST, "taskpane.html")) &&
    fs.existsSync(path.join(DIST, "taskpane.js"))
  )
    return;
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
    {
      cwd: ROOT,
      stdio: "inherit",
    }
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** A tiny static server for dist/ on 127.0.0.1 (a random free port). */
export async function serveDist(): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (
      !file.startsWith(DIST + path.sep) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function freshProfile(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "peg-chromium-"));
}

/** Chromium on a fresh profile, as narrow as a task pane. */
export async function launchPane(
  options: { acceptDownloads?: boolean } = {}
): Promise<BrowserContext> {
  // Loaded here, not at the top: the bench imports this file and may run without a browser.
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(freshProfile(), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
    viewport: { width: 380, height: 900 },
  });
}

/** Collects the page's uncaught errors and console errors (those matching `ignore` aside). */
export function recordPageErrors(page: Page, into: string[], ignore?: RegExp): void {
  page.on("pageerror", (e) => into.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !ignore?.test(m.text())) into.push(m.text());
  });
}
