/**
 * Task pane entry. The pane renders at once: standalone (a local file) unless the page was opened
 * by Office, in which case it says it is connecting while Office.js loads (asynchronously, see
 * mode.ts). Inside Excel (Office.onReady says Excel) it works on the open workbook; should
 * Office.js never answer, the same pane runs standalone.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { createOfficeHost, detectOffice, type PaneHost } from "./host";
import { pageHint } from "./mode";
import { createStandaloneHost } from "./standalone";
import { translator } from "./i18n";
// Shared runtime: this page is also where Excel runs the PEG.* custom functions.
import { registerCustomFunctions } from "../functions/functions";

function start(): void {
  const element = document.getElementById("root");
  if (!element) return;
  const root = createRoot(element);
  const show = (host: PaneHost) => {
    // Italian first; the header button switches to English.
    root.render(<App key={host.mode} host={host} initialLang="it" />);
    // For the first-render benchmark and the end-to-end tests.
    document.documentElement.dataset.pegMode = host.mode;
  };
  const hint = pageHint();
  if (hint) {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <Spinner
          style={{ marginTop: 24 }}
          label={translator("it")("connecting")}
          data-testid="connecting"
        />
      </FluentProvider>
    );
  } else {
    show(createStandaloneHost());
  }
  void detectOffice(hint ? 4000 : 15000).then((inExcel) => {
    if (inExcel) {
      registerCustomFunctions();
      show(createOfficeHost());
    } else if (hint) {
      show(createStandaloneHost());
    }
  });
}

start();
