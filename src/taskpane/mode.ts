/**
 * Deciding where the pane runs without waiting on Office.js: office.js is loaded asynchronously
 * (taskpane.html), so a blocked or hanging request for it never holds the page. Office opens an
 * add-in page with its host information (`_host_Info` in the address, or in window.name); without
 * it the pane renders standalone at once, and still switches to Excel should Office.js load and
 * say so.
 */

/** True when the page looks opened by Office (worth waiting a little for Office.js). */
export function officeHint(search: string, windowName: string, stored: string | null): boolean {
  return (
    /[?&]_host_Info=/i.test(search) || /_host_Info|hostInfoValue/i.test(windowName) || !!stored
  );
}

function storedHostInfo(): string | null {
  try {
    return window.sessionStorage?.getItem("hostInfoValue") ?? null;
  } catch {
    return null;
  }
}

/** The hint for this page. */
export function pageHint(): boolean {
  return officeHint(window.location.search, window.name ?? "", storedHostInfo());
}

/**
 * Resolves once `Office` exists (true) or the office.js script fails or `timeoutMs` passes
 * (false). Never rejects.
 */
export function officeScriptLoaded(timeoutMs: number): Promise<boolean> {
  const present = () => typeof Office !== "undefined" && typeof Office.onReady === "function";
  if (present()) return Promise.resolve(true);
  const script = document.querySelector<HTMLScriptElement>('script[src*="office.js"]');
  if (!script) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(present()), timeoutMs);
    script.addEventListener("load", () => {
      clearTimeout(timer);
      resolve(present());
    });
    script.addEventListener("error", () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}
