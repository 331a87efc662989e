/**
 * Custom functions entry (shared runtime): registers every PEG.* function once. Loaded by the
 * task pane page too, where outside Excel `CustomFunctions` does not exist and nothing happens.
 */
import { CUSTOM_FUNCTIONS } from "./peg";

let registered = false;

/**
 * Registers once. The task pane loads office.js asynchronously, so there it calls this again once
 * Office.js is ready; the first call (at load) may find no `CustomFunctions` yet.
 */
export function registerCustomFunctions(): number {
  if (registered) return 0;
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.associate !== "function")
    return 0;
  registered = true;
  let n = 0;
  for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) {
    CustomFunctions.associate(id, fn as (...args: unknown[]) => unknown);
    n++;
  }
  return n;
}

registerCustomFunctions();
