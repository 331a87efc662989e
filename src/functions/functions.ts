/**
 * Custom functions entry (shared runtime): registers every PEG.* function once. Loaded by the
 * task pane page too, where outside Excel `CustomFunctions` does not exist and nothing happens.
 */
import { CUSTOM_FUNCTIONS } from "./peg";

export function registerCustomFunctions(): number {
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.associate !== "function")
    return 0;
  let n = 0;
  for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) {
    CustomFunctions.associate(id, fn as (...args: unknown[]) => unknown);
    n++;
  }
  return n;
}

registerCustomFunctions();
