/**
 * Hostile cases that are read and written back out (structure --out, summary .xlsx/.html/.docx),
 * each output reopened: see suite.ts for the checks.
 */
import { HOSTILE_CASES } from "./generators";
import { defineHostileCases, isHeavyOrRefused } from "./suite";

jest.setTimeout(240_000);
defineHostileCases(HOSTILE_CASES.filter((c) => !isHeavyOrRefused(c)));
