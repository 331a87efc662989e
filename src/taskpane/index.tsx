/**
 * Task pane entry. Inside Excel (Office.js loaded from Microsoft's CDN and onReady says Excel) the
 * pane works on the open workbook; otherwise the same pane runs standalone on a local file.
 */
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createOfficeHost, detectOffice } from "./host";
import { createStandaloneHost } from "./standalone";
// Shared runtime: this page is also where Excel runs the PEG.* custom functions.
import "../functions/functions";

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const inExcel = await detectOffice();
  const host = inExcel ? createOfficeHost() : createStandaloneHost();
  // Italian first; the header button switches to English.
  createRoot(root).render(<App host={host} initialLang="it" />);
  // For the first-render benchmark and the end-to-end test.
  document.documentElement.dataset.pegMode = host.mode;
}

void start();
