/**
 * Grids -> PEG model (docs/model.md): layout recognition sheet by sheet
 * (src/core/recognize), then ids, units, statuses from the target engine. Only recognition
 * findings are produced here (LAYOUT_NOT_RECOGNIZED); the audit adds the others.
 */
import type { Grid } from "./grid";
import { cellText, quoteSheet } from "./grid";
import {
  PegModelSchema,
  StatusSchema,
  TargetRuleSchema,
  type Finding,
  type Indicator,
  type OperationalObjective,
  type PegModel,
  type Report,
  type StrategicObjective,
  type Unit,
} from "./model";
import { evaluateTarget, readTarget, type Evaluation, type TargetContext } from "./targets/index";
import type { TargetRule } from "./model";
import { readSheet } from "./recognize/readers";
import type { RawIndicator, RawObjective, RawPeople } from "./recognize/types";
import type { SheetReading, TableLayout } from "./recognize/reading";
import { fold, overlap } from "./recognize/text";

export interface BuildOptions {
  files: string[];
  year?: number;
  asOf?: string | null;
  /** Year for dates written without one when the plan states none (the adapters pass today's). */
  defaultYear?: number;
  /** The user's column mapping (settings `layouts`): replaces recognition on the sheets it names. */
  layouts?: TableLayout[];
  /** When given, how each sheet was read is pushed here (for `peg inspect`). */
  readings?: SheetReading[];
}

export function buildModel(grids: Grid[], options: BuildOptions): PegModel {
  const list = Array.isArray(grids) ? grids.filter((g) => g && Array.isArray(g.rows)) : [];
  const findings: Finding[] = [];
  const docYear = detectPlanYear(list);
  let planYear = Number.isInteger(options.year) ? options.year : docYear.year;
  let counter = 0;
  const newKey = () => `k${++counter}`;
  const objectives: RawObjective[] = [];
  const sheetUnits: RawPeople[] = [];
  /** Raw objective key -> the file its sheet came from (set when grids name their file). */
  const fileOf = new Map<string, string>();
  for (const g of list) {
    let recognized = false;
    let range: string | undefined;
    try {
      const { result, reading } = readSheet(g, { planYear, newKey }, options.layouts);
      if (typeof g.file === "string" && g.file !== "")
        for (const o of result.objectives) fileOf.set(o.key, g.file);
      objectives.push(...result.objectives);
      sheetUnits.push(...result.units);
      recognized = result.recognized;
      range = reading.unread[0];
      options.readings?.push(reading);
    } catch {
      // A sheet no reader could read is said, never dropped (peg inspect lists it).
      recognized = false;
      options.readings?.push({
        sheet: g.sheet,
        layout: "none",
        reader: "none",
        confidence: 0,
        headerRow: null,
        columns: {},
        evidence: {},
        objectives: 0,
        indicators: 0,
        unread: [],
      });
    }
    if (!recognized) {
      // Said, not guessed (docs/mapping.md): the cells left unread, and how to map them.
      findings.push({
        severity: "info",
        code: "LAYOUT_NOT_RECOGNIZED",
        message: `Nessuna scheda riconosciuta nel foglio "${g.sheet}"${range ? ` (celle ${range})` : ""}`,
        params: range ? { sheet: String(g.sheet), cells: range } : { sheet: String(g.sheet) },
        where: range ? `${quoteSheet(g.sheet)}!${range}` : String(g.sheet),
      });
    }
  }
  const several = new Set(fileOf.values()).size > 1;
  if (several) qualifyCodes(objectives, fileOf);
  const kept = joinReferences(mergeStrategic(dropIndexDuplicates(objectives)));
  if (planYear === undefined) planYear = yearFromTargets(kept);

  const byKey = new Map<string, RawObjective>();
  for (const o of kept) byKey.set(o.key, o);
  const ids = assignIds(kept);
  const units = new UnitTable();
  for (const p of sheetUnits) units.idFor(p);

  const strategic: StrategicObjective[] = [];
  const operational: OperationalObjective[] = [];
  const indicators: Indicator[] = [];
  const reports: Report[] = [];
  const memo = new EngineMemo();
  for (const o of kept) {
    const id = ids.get(o.key)!;
    const unitId = units.idFor(o.people);
    const parent = o.parentKey ? byKey.get(o.parentKey) : undefined;
    const strategicCode = parent
      ? (parent.code ?? ids.get(parent.key)!)
      : (o.strategicCode ?? null);
    if (o.level === "strategic" || (o.children && o.children.size > 0)) {
      const s: StrategicObjective = { id, code: o.code, title: o.title, source: o.source };
      if (o.description) s.description = o.description;
      if (o.missione) s.missione = o.missione;
      if (o.programma) s.programma = o.programma;
      if (unitId) s.unitId = unitId;
      if (finite(o.weight) !== null) s.weight = o.weight;
      const file = several ? fileOf.get(o.key) : undefined;
      if (file) s.file = file;
      strategic.push(s);
    } else {
      const op: OperationalObjective = {
        id,
        code: o.code,
        title: o.title,
        strategicCode,
        weight: finite(o.weight),
        source: o.source,
      };
      if (o.description) op.description = o.description;
      if (o.missione) op.missione = o.missione;
      if (o.programma) op.programma = o.programma;
      if (unitId) op.unitId = unitId;
      const dir = o.people.dirigente ?? o.people.responsabile;
      if (dir) op.dirigente = dir;
      if (o.weightSource) op.weightSource = o.weightSource;
      if (o.criteria) op.criteria = o.criteria;
      if (o.phases.length > 0) op.phases = o.phases;
      if (finite(o.declaredWeightTotal) !== null) {
        op.declaredWeightTotal = o.declaredWeightTotal;
        if (o.declaredWeightTotalSource) op.declaredWeightTotalSource = o.declaredWeightTotalSource;
      }
      const file = several ? fileOf.get(o.key) : undefined;
      if (file) op.file = file;
      operational.push(op);
    }
    const objCode = o.code ?? id;
    o.indicators.forEach((ri, i) =>
      indicators.push(
        toIndicator(
          ri,
          `${objCode}#${i + 1}`,
          objCode,
          planYear ?? options.defaultYear,
          options.asOf,
          memo
        )
      )
    );
    for (const rr of o.reports) {
      const comps = rr.components
        .filter((c) => Number.isFinite(c.value))
        .map((c) => {
          const out: Report["components"][number] = {
            label: c.label,
            value: c.value,
            max: finite(c.max),
          };
          if (c.source) out.source = c.source;
          return out;
        });
      const rep: Report = {
        objectiveCode: objCode,
        components: comps,
        declaredTotal: finite(rr.declaredTotal),
        computedTotal: comps.length > 0 ? round(comps.reduce((a, c) => a + c.value, 0)) : null,
        source: rr.source,
      };
      const dir = rr.dirigente ?? o.people.dirigente;
      if (dir) rep.dirigente = dir;
      if (rr.text) rep.text = rr.text;
      reports.push(rep);
    }
  }

  const usedUnits = new Set(
    [...operational, ...strategic].map((o) => o.unitId).filter((u): u is string => !!u)
  );
  const model: PegModel = {
    source: { files: [...(options.files ?? [])], sheets: list.map((g) => String(g.sheet)) },
    plan: {},
    // Units no objective belongs to (a heading later completed into another unit) are left out.
    units: units.list().filter((u) => usedUnits.has(u.id)),
    strategicObjectives: strategic,
    operationalObjectives: operational,
    indicators,
    reports,
    findings,
  };
  if (planYear !== undefined) model.plan.year = planYear;
  if (docYear.ente) model.plan.ente = docYear.ente;
  if (docYear.kind) model.plan.kind = docYear.kind;
  // The schema owns the output. A value that does not pass is a bug (the property tests look for
  // it); the user still gets a valid model and a finding instead of a crash.
  const checked = PegModelSchema.safeParse(model);
  if (checked.success) return checked.data;
  return {
    ...model,
    units: [],
    strategicObjectives: [],
    operationalObjectives: [],
    indicators: [],
    reports: [],
    findings: [
      ...findings,
      {
        severity: "error",
        code: "STRUCTURE_INVALID",
        where: checked.error.issues[0]?.path.join(".") ?? "",
        message:
          "La lettura della struttura ha prodotto dati non validi: segnala il file al supporto di PEG Performance.",
      },
    ],
  };
}

/** Sums of decimals without float dust (80 + 15 = 95, not 94.99999); null when not finite. */
function round(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  if (Math.abs(n) > 1e6) return n;
  return Math.round(n * 1e9) / 1e9;
}

function finite(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/**
 * The target engine is pure: plans repeat the same targets (`100%`, `SI`, `Entro il 31/12`) and
 * actuals, so each distinct reading is computed once per model.
 */
class EngineMemo {
  private rules = new Map<string, TargetRule>();
  private evals = new Map<string, Evaluation>();
  read(key: string, text: string, ctx: TargetContext): TargetRule {
    let rule = this.rules.get(key);
    if (!rule) {
      rule = readTarget(text, ctx);
      if (this.rules.size < 50000) this.rules.set(key, rule);
    }
    return rule;
  }
  evaluate(
    ruleKey: string,
    rule: TargetRule,
    actual: Indicator["actual"],
    ctx: TargetContext
  ): Evaluation {
    const key = `${ruleKey}\u0002${typeof actual}\u0001${actual ?? ""}\u0001${ctx.asOf ?? ""}`;
    let ev = this.evals.get(key);
    if (!ev) {
      ev = evaluateTarget(rule, actual, ctx);
      if (this.evals.size < 50000) this.evals.set(key, ev);
    }
    return ev;
  }
}

function toIndicator(
  ri: RawIndicator,
  id: string,
  objCode: string,
  year: number | undefined,
  asOf: string | null | undefined,
  memo: EngineMemo
): Indicator {
  const baselineValue = ri.baseline ? firstUsable(ri.baseline) : null;
  const ctx = { year, asOf: asOf ?? null, baseline: baselineValue };
  let rule: Indicator["rule"] = null;
  let status: Indicator["status"] = "qualitative";
  let achievement: number | null = null;
  if (ri.target !== null && ri.target.trim() !== "") {
    try {
      const ruleKey = `${year ?? ""}\u0001${baselineValue ?? ""}\u0001${ri.target}`;
      rule = memo.read(ruleKey, ri.target, ctx);
      const ev = memo.evaluate(ruleKey, rule, ri.actual, ctx);
      status = ev.status;
      achievement =
        ev.achievement === null || !Number.isFinite(ev.achievement)
          ? null
          : Math.min(1, Math.max(0, ev.achievement));
      // A rule the schema refuses (e.g. a number too large to be finite) is a target not read.
      if (!TargetRuleSchema.safeParse(rule).success || !StatusSchema.safeParse(status).success) {
        rule = { text: ri.target.trim(), op: "unparsed" };
        status = "unparsed";
        achievement = null;
      }
    } catch {
      rule = { text: ri.target.trim(), op: "unparsed" };
      status = "unparsed";
    }
  }
  // No actual, but the office's declared year-end achievement: it stands for the result
  // (docs/targets.md): 100% is met, less is missed with that achievement.
  const declared = finite(ri.declaredAchievement);
  if (
    declared !== null &&
    declared >= 0 &&
    declared <= 1 &&
    (ri.actual === null || ri.actual === "") &&
    (status === "pending" || status === "overdue" || status === "qualitative")
  ) {
    status = declared >= 1 ? "met" : "missed";
    achievement = declared;
  }
  const out: Indicator = {
    id,
    objectiveCode: objCode,
    name: ri.name,
    target: ri.target === null ? null : ri.target.trim(),
    weight: ri.weight !== null && Number.isFinite(ri.weight) ? ri.weight : null,
    actual: ri.actual,
    rule,
    status,
    achievement,
    source: ri.source,
  };
  if (ri.description) out.description = ri.description;
  if (ri.dimension !== undefined) out.dimension = ri.dimension;
  if (ri.unit !== undefined) out.unit = ri.unit;
  if (ri.baseline && ri.baseline.size > 0) out.baseline = mapToRecord(ri.baseline);
  if (ri.targets && ri.targets.size > 0) {
    const t: Record<string, string> = {};
    for (const [k, v] of ri.targets) if (v !== null) t[k] = v;
    if (Object.keys(t).length > 0) out.targets = t;
  }
  if (ri.weightSource) out.weightSource = ri.weightSource;
  if (ri.actualSource && ri.actual !== null) out.actualSource = ri.actualSource;
  if (ri.targetSource) out.targetSource = ri.targetSource;
  if (
    ri.declaredAchievement !== undefined &&
    Number.isFinite(ri.declaredAchievement) &&
    ri.declaredAchievement >= 0 &&
    ri.declaredAchievement <= 1
  ) {
    out.declaredAchievement = ri.declaredAchievement;
    if (ri.declaredAchievementSource) out.declaredAchievementSource = ri.declaredAchievementSource;
  }
  return out;
}

function mapToRecord(m: Map<string, string>): Record<string, string> {
  // Keys come from the sheet: build on a null prototype so `__proto__` stays a plain key.
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of m) out[k] = v;
  return { ...out };
}

function firstUsable(m: Map<string, string>): string | null {
  const vals = [...m.values()].filter((v) => /\d/.test(v));
  return vals.length > 0 ? vals[vals.length - 1] : null;
}

/** Index rows (code + title only) repeat objectives that a scheda describes in full. */
function dropIndexDuplicates(list: RawObjective[]): RawObjective[] {
  const full = list.filter((o) => !o.indexOnly);
  const codes = new Set(full.map((o) => o.code).filter((c): c is string => c !== null));
  return list.filter((o) => {
    if (!o.indexOnly) return true;
    if (o.code !== null && codes.has(o.code)) return false;
    return !full.some((f) => overlap(f.title, o.title) >= 0.8);
  });
}

/**
 * The same strategic objective written on several sheets (a matrix split by dirigente): one
 * objective, its operational children re-pointed to it.
 */
function mergeStrategic(list: RawObjective[]): RawObjective[] {
  const first = new Map<string, RawObjective>();
  const alias = new Map<string, string>();
  const out: RawObjective[] = [];
  for (const o of list) {
    if (o.level === "strategic" && o.code !== null && !(o.children && o.children.size > 0)) {
      const seen = first.get(o.code);
      if (seen && (seen.title === o.title || overlap(seen.title, o.title) >= 0.8)) {
        alias.set(o.key, seen.key);
        continue;
      }
      if (!seen) first.set(o.code, o);
    }
    out.push(o);
  }
  if (alias.size > 0)
    for (const o of out)
      if (o.parentKey && alias.has(o.parentKey)) o.parentKey = alias.get(o.parentKey);
  return out;
}

/**
 * Indicators listed on their own sheet with the code of their objective (`OP.01`), the objectives
 * on another: each reference joins the objective with that code; references to the same unknown
 * code stay one objective named by its code.
 */
function joinReferences(list: RawObjective[]): RawObjective[] {
  if (!list.some((o) => o.refOnly)) return list;
  const full = new Map<string, RawObjective>();
  for (const o of list) if (!o.refOnly && o.code !== null && !full.has(o.code)) full.set(o.code, o);
  const out: RawObjective[] = [];
  for (const o of list) {
    if (!o.refOnly || o.code === null) {
      out.push(o);
      continue;
    }
    const into = full.get(o.code);
    if (into) {
      into.indicators.push(...o.indicators);
      into.reports.push(...o.reports);
      if (into.weight === null && o.weight !== null) {
        into.weight = o.weight;
        into.weightSource = o.weightSource;
      }
      continue;
    }
    full.set(o.code, o);
    out.push(o);
  }
  return out;
}

/**
 * Several files that number their objectives the same way (two settori, each with objectives 1 and
 * 2): every code is prefixed with its file's label, so each file's objectives, weights and findings
 * stay apart. The label is the settore the file's objectives all belong to, else the file name
 * without its extension; labels are distinct between files. Codes no other file uses stay as
 * written when no code is shared.
 */
function qualifyCodes(list: RawObjective[], fileOf: Map<string, string>): void {
  // Every objective once (actions of a scheda are listed and also held by their parent).
  const each: [RawObjective, string][] = [];
  const seen = new Set<RawObjective>();
  const visit = (o: RawObjective, file: string | undefined): void => {
    if (seen.has(o)) return;
    seen.add(o);
    const f = fileOf.get(o.key) ?? file;
    if (f !== undefined) each.push([o, f]);
    if (o.children) for (const c of o.children.values()) visit(c, f);
  };
  for (const o of list) visit(o, undefined);
  const filesOfCode = new Map<string, Set<string>>();
  const settori = new Map<string, Set<string>>();
  for (const [o, file] of each) {
    for (const code of [o.code, o.strategicCode])
      if (code) {
        const set = filesOfCode.get(code) ?? new Set<string>();
        set.add(file);
        filesOfCode.set(code, set);
      }
    const settore = (o.people.settore ?? o.people.servizio ?? o.people.area ?? "").trim();
    const set = settori.get(file) ?? new Set<string>();
    set.add(settore);
    settori.set(file, set);
  }
  if (![...filesOfCode.values()].some((s) => s.size > 1)) return;
  const stem = (file: string) => file.replace(/\.[^.]+$/, "") || file;
  const labels = new Map<string, string>();
  const count = new Map<string, number>();
  for (const [file, set] of settori) {
    const only = set.size === 1 ? [...set][0] : "";
    const label = only !== "" ? only : stem(file);
    labels.set(file, label);
    count.set(label.toLowerCase(), (count.get(label.toLowerCase()) ?? 0) + 1);
  }
  // Two files of the same settore: their file names tell them apart.
  for (const [file, label] of labels)
    if ((count.get(label.toLowerCase()) ?? 0) > 1) labels.set(file, stem(file));
  for (const [o, file] of each) {
    const label = labels.get(file);
    if (label === undefined) continue;
    if (o.code) o.code = `${label}/${o.code}`;
    if (o.strategicCode) o.strategicCode = `${label}/${o.strategicCode}`;
  }
}

function assignIds(list: RawObjective[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  let n = 0;
  for (const o of list) {
    let base = o.code ?? `O${++n}`;
    if (!o.code) while (used.has(base)) base = `O${++n}`;
    let id = base;
    let k = 2;
    while (used.has(id)) id = `${base}~${k++}`;
    used.add(id);
    ids.set(o.key, id);
  }
  return ids;
}

class UnitTable {
  private byKey = new Map<string, Unit>();
  idFor(p: RawPeople): string | undefined {
    const fields = [
      p.area,
      p.settore,
      p.servizio,
      p.dirigente,
      p.responsabile,
      p.referentePolitico,
    ];
    if (fields.every((f) => !f)) return undefined;
    const key = JSON.stringify(fields);
    let u = this.byKey.get(key);
    if (!u) {
      u = { id: `u${this.byKey.size + 1}` };
      if (p.area) u.area = p.area;
      if (p.settore) u.settore = p.settore;
      if (p.servizio) u.servizio = p.servizio;
      if (p.dirigente) u.dirigente = p.dirigente;
      if (p.responsabile) u.responsabile = p.responsabile;
      if (p.referentePolitico) u.referentePolitico = p.referentePolitico;
      if (p.source) u.source = p.source;
      this.byKey.set(key, u);
    }
    return u.id;
  }
  list(): Unit[] {
    return [...this.byKey.values()];
  }
}

const ANNO_RE = /\banno\s+((?:19|20)\d\d)\b/i;
const RANGE_RE =
  /\b(?:peg|piao|piano|performance|programma|dup|bilancio|triennio|plan)\b[^0-9]{0,60}((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)\b/i;
const SINGLE_RE =
  /\b(?:peg|piao|performance|esercizio|obiettivi|piano esecutivo di gestione|piano integrato di attivit[aà] e organizzazione)\b[^0-9]{0,40}((?:19|20)\d\d)\b/i;
const ENTE_RE =
  /^(comune|citt[aà]|provincia|unione|regione|azienda|consorzio)\s+(di\s+)?\S.{1,60}$/i;

/** Plan year, ente and kind from what the document says near its top. */
export function detectPlanYear(grids: Grid[]): { year?: number; ente?: string; kind?: string } {
  let anno: number | undefined;
  let range: number | undefined;
  let single: number | undefined;
  let ente: string | undefined;
  let kind: string | undefined;
  for (const g of grids) {
    const rows = Math.min(g.rows.length, 400);
    for (let r = 0; r < rows; r++) {
      const row = g.rows[r];
      if (!Array.isArray(row)) continue;
      const width = Math.min(row.length, 60);
      for (let c = 0; c < width; c++) {
        if (row[c] === null || row[c] === undefined) continue;
        const t = cellText(g, r, c);
        if (t.length === 0 || t.length > 300) continue;
        if (anno === undefined) {
          const m = ANNO_RE.exec(t);
          if (m) anno = Number(m[1]);
        }
        if (range === undefined) {
          const m = RANGE_RE.exec(t);
          if (m) range = Number(m[1]);
        }
        if (single === undefined) {
          const m = SINGLE_RE.exec(t);
          if (m) single = Number(m[1]);
        }
        // `Città di` on one line, the name on the next (a PDF title page).
        if (!ente && /^(comune|citt[aà]|provincia|unione) di$/i.test(t.trim())) {
          const next = nextText(g, r + 1);
          if (next && next.length < 50) ente = `${t.trim()} ${next}`;
        }
        if (!ente && ENTE_RE.test(t.trim()) && t.length < 60 && !/metropolitana/i.test(t))
          ente = t.trim();
        if (!kind) {
          const f = fold(t);
          if (/\bpiao\b/.test(f)) kind = "PIAO";
          else if (/\bpeg\b|piano esecutivo di gestione/.test(f)) kind = "PEG";
          else if (/piano (della|delle) performance/.test(f)) kind = "Piano della performance";
        }
      }
      if (anno !== undefined && ente && kind) break;
    }
  }
  const out: { year?: number; ente?: string; kind?: string } = {};
  const year = anno ?? range ?? single;
  if (year !== undefined) out.year = year;
  if (ente) out.ente = ente;
  if (kind) out.kind = kind;
  return out;
}

function nextText(g: Grid, from: number): string | null {
  for (let r = from; r < Math.min(g.rows.length, from + 4); r++) {
    const row = g.rows[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === null || row[c] === undefined) continue;
      const t = cellText(g, r, c);
      if (t) return t;
    }
  }
  return null;
}

/** No year written as such: the year the targets mention most (`entro il 31 dicembre 2017`). */
function yearFromTargets(list: RawObjective[]): number | undefined {
  const counts = new Map<number, number>();
  for (const o of list)
    for (const i of o.indicators) {
      if (!i.target) continue;
      for (const m of i.target.matchAll(/\b((?:19|20)\d\d)\b/g)) {
        const y = Number(m[1]);
        counts.set(y, (counts.get(y) ?? 0) + 1);
      }
    }
  let best: number | undefined;
  let n = 0;
  for (const [y, k] of counts)
    if (k > n || (k === n && best !== undefined && y < best)) [best, n] = [y, k];
  return best;
}
