/**
 * Schede obiettivo, PEG matrices with reports, key | value cards and text pasted from PDF: the
 * walker tuned on the fixtures (../sheet.ts), one reader among the others. Its confidence is
 * read from what it found: objectives whose indicators have targets are a sure reading, objectives
 * alone a weak one.
 */
import type { Grid } from "../../grid";
import { recognizeSheet, type SheetContext } from "../sheet";
import type { LayoutReader, ReaderResult } from "./types";

export function readSchede(grid: Grid, ctx: SheetContext): ReaderResult | null {
  const res = recognizeSheet(grid, ctx);
  if (!res.recognized) return null;
  // Measured on the leaves: a strategic objective above its operational ones has no indicator.
  const parents = new Set(res.objectives.map((o) => o.parentKey).filter((k) => k !== undefined));
  const leaves = res.objectives.filter((o) => !parents.has(o.key));
  const objectives = leaves.length;
  const withTargets = leaves.filter((o) => o.indicators.some((i) => i.target !== null)).length;
  const indicators = res.objectives.reduce((n, o) => n + o.indicators.length, 0);
  const confidence = indicators === 0 ? 0.4 : 0.5 + 0.4 * (withTargets / Math.max(1, objectives));
  return {
    ...res,
    confidence: Math.round(confidence * 100) / 100,
    headerRow: null,
    columns: {},
    evidence: {},
    unread: [],
  };
}

export const schedeReader: LayoutReader = {
  id: "schede",
  layout: "schede",
  maxConfidence: 1,
  read: readSchede,
};
