/** A garbled target (`>>`, a lone operator, no letters or digits): unparsed. */
import type { TargetRule } from "../../model";
import { rule, type Segment } from "./types";

const GARBLED_RE = /[<>]{2,}|[<>]=[<>]|=[<>]=|=>>|<<=|^[<>=!]+$/;

/** `>>`, a lone operator, text without letters or digits: cannot be read. */
export function readGarbled(seg: Segment): TargetRule | null {
  if (GARBLED_RE.test(seg.lc.trim()) || !/[\p{L}\d]/u.test(seg.text))
    return rule(seg.text, "unparsed");
  return null;
}
