/**
 * Hostile cases that must be refused, and the huge ones (read only): see suite.ts for the checks.
 * Split from hostile-written.test.ts so jest runs the two halves on its two workers.
 */
import { HOSTILE_CASES } from "./generators";
import { defineHostileCases, isHeavyOrRefused } from "./suite";

jest.setTimeout(240_000);
defineHostileCases(HOSTILE_CASES.filter(isHeavyOrRefused));
