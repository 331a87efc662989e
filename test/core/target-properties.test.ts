/** Property tests: reading and evaluating never throw, achievements stay in [0, 1], numbers round-trip. */
import fc from "fast-check";
import { formatItalianNumber, formatPercent, parseItalianNumber } from "../../src/core/numbers";
import { parseItalianDate } from "../../src/core/dates";
import { evaluateTarget, readTarget, renderRule } from "../../src/core/targets";
import { RULE_OPS, RULE_UNITS, TargetRuleSchema, type TargetRule } from "../../src/core/model";

const numRuns = Number(process.env.FC_RUNS) > 0 ? Number(process.env.FC_RUNS) : 1000;
const params = { numRuns };

const pieces = [
  ">=",
  "=>",
  "<=",
  "≥",
  "≤",
  ">",
  "<",
  "=",
  ">>",
  "almeno",
  "Almeno",
  "massimo",
  "non più di",
  "non inferiore a",
  "tra",
  "e",
  "entro",
  "Entro il",
  "30/9",
  "31.12",
  "31/01/2025",
  "29/2",
  "giugno 2025",
  "ENTRO SETTEMBRE",
  "da",
  "a",
  "%",
  "€",
  "gg",
  "giorni",
  "3,5/4",
  "1.200.000",
  "- 4,71",
  "+",
  "+-",
  "±",
  "rispetto all'esercizio precedente",
  "SI",
  "X",
  "due",
  "tre",
  "1)",
  "2)",
  "a)",
  ";",
  "\n",
  "<b>",
  "</b>",
  "$\\leq 0$",
  "pasti",
  "famiglie",
  "annuale",
  "Report trimestrale",
  "N.D.",
  "__proto__",
  "constructor",
  "toString",
  "NaN",
  "Infinity",
  "1e308",
  "9".repeat(400),
  "0",
  "-0",
  "(",
  ")",
  "\\",
  "$",
  "&nbsp;",
  "&#0;",
  "&#x110000;",
  "İ",
  "ﬀ",
  "\u0000",
  "\ud800",
];

const targetText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...pieces),
        fc.integer({ min: -1000, max: 100000 }).map(String),
        fc.double().map(String)
      ),
      {
        maxLength: 8,
      }
    )
    .map((a) => a.join(" ")),
  fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => a.join(""))
);

const actualValue = fc.oneof(
  targetText,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(
    "SI",
    "NO",
    "fatto",
    "realizzato",
    "in corso",
    "74 pasti erogati",
    "15/09/2025",
    "92%",
    "0,92",
    ""
  )
);

const context = fc.record(
  {
    year: fc.oneof(fc.integer({ min: -5, max: 10000 }), fc.constant(2025), fc.constant(Number.NaN)),
    asOf: fc.oneof(
      fc.constant(null),
      fc.constantFrom("2025-01-01", "2026-06-30", "garbage", ""),
      fc.string()
    ),
    baseline: fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.constantFrom("200", "11,38", "n.d."),
      fc.string()
    ),
  },
  { requiredKeys: [] }
);

function checkEvaluation(ev: { status: string; achievement: number | null }): void {
  expect(["met", "partial", "missed", "pending", "overdue", "qualitative", "unparsed"]).toContain(
    ev.status
  );
  if (ev.achievement !== null) {
    expect(Number.isFinite(ev.achievement)).toBe(true);
    expect(ev.achievement).toBeGreaterThanOrEqual(0);
    expect(ev.achievement).toBeLessThanOrEqual(1);
  }
  if (["pending", "overdue", "qualitative", "unparsed"].includes(ev.status))
    expect(ev.achievement).toBeNull();
  else expect(ev.achievement).not.toBeNull();
  if (ev.status === "met") expect(ev.achievement).toBe(1);
  if (ev.status === "missed" || ev.status === "partial") expect(ev.achievement).toBeLessThan(1);
}

describe("target engine properties", () => {
  it("reading never throws and gives a well-formed rule", () => {
    fc.assert(
      fc.property(targetText, context, (t, ctx) => {
        const r = readTarget(t, ctx);
        expect(typeof r.text).toBe("string");
        expect(typeof r.op).toBe("string");
        expect(typeof renderRule(r)).toBe("string");
        // The rule fits the model's schema (finite numbers, known ops and units).
        expect(TargetRuleSchema.safeParse(r).success).toBe(true);
      }),
      params
    );
  });

  it("evaluating never throws; achievement is null or within [0, 1]", () => {
    fc.assert(
      fc.property(targetText, actualValue, context, (t, a, ctx) => {
        const r = readTarget(t, ctx);
        checkEvaluation(evaluateTarget(r, a as string, ctx));
      }),
      params
    );
  });

  it("evaluating odd rules never throws", () => {
    const rule = fc.record(
      {
        text: fc.string(),
        op: fc.constantFrom<string>(...RULE_OPS, "??"),
        value: fc.oneof(fc.double(), fc.constant(undefined)),
        valueMax: fc.oneof(fc.double(), fc.constant(undefined)),
        unit: fc.constantFrom<string | undefined>(...RULE_UNITS, undefined),
        date: fc.oneof(fc.constant(undefined), fc.constantFrom("2025-06-30", "x"), fc.string()),
        relative: fc.oneof(
          fc.constant(undefined),
          fc.record({
            mode: fc.constantFrom("percent", "absolute"),
            sign: fc.constantFrom(1, -1, 0),
          })
        ),
        rules: fc.constant(undefined),
      },
      { requiredKeys: ["text", "op"] }
    );
    const compound = fc
      .array(rule, { maxLength: 4 })
      .map((rules) => ({ text: "x", op: "all", rules }));
    fc.assert(
      fc.property(fc.oneof(rule, compound), actualValue, context, (r, a, ctx) => {
        checkEvaluation(evaluateTarget(r as unknown as TargetRule, a as string, ctx));
        expect(typeof renderRule(r as unknown as TargetRule)).toBe("string");
      }),
      params
    );
  });

  it("any number formatted the Italian way reads back equal", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const back = parseItalianNumber(formatItalianNumber(n));
        expect(back).toBe(n === 0 ? 0 : n);
      }),
      params
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (i, d) => {
        const n = i / 10 ** d;
        expect(parseItalianNumber(formatItalianNumber(n))).toBe(n === 0 ? 0 : n);
        expect(parseItalianNumber(formatItalianNumber(n, d))).toBeCloseTo(n, d);
      }),
      params
    );
  });

  it("formatted percentages and dates read back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (i) => {
        const f = i / 1000;
        const text = formatPercent(f, 1);
        expect(text.endsWith("%")).toBe(true);
        expect(parseItalianNumber(text)).toBeCloseTo(f * 100, 1);
      }),
      params
    );
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(2199, 11, 31)),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-");
          expect(parseItalianDate(`${day}/${m}/${y}`)?.date).toBe(iso);
          expect(parseItalianDate(`${day}.${m}.${y}`)?.date).toBe(iso);
        }
      ),
      params
    );
  });

  it("for a single numeric rule, met exactly when achievement is 1", () => {
    const op = fc.constantFrom(
      ">=",
      "=>",
      "<=",
      "=",
      ">",
      "<",
      "almeno",
      "massimo",
      "non più di",
      "non inferiore a",
      ""
    );
    const num = fc.oneof(
      fc.integer({ min: -1000, max: 100000 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true })
    );
    const unit = fc.constantFrom("", "%", " gg", " €");
    fc.assert(
      fc.property(op, num, unit, num, fc.boolean(), (o, t, u, a, asText) => {
        const text = `${o} ${formatItalianNumber(t)}${u}`;
        const rule = readTarget(text, { year: 2025 });
        if (![">=", ">", "<=", "<", "=", "between"].includes(rule.op)) return;
        const actual = asText ? formatItalianNumber(a) : a;
        const ev = evaluateTarget(rule, actual, { year: 2025 });
        expect(ev.status === "met" || ev.status === "missed").toBe(true);
        expect(ev.status === "met").toBe(ev.achievement === 1);
      }),
      params
    );
  });

  it("bare numbers are read as >= that number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (n) => {
        const text = formatItalianNumber(n);
        const r = readTarget(text, { year: 2025 });
        if (n >= 1900 && n <= 2100) return; // could be a year
        expect(r).toMatchObject({ op: ">=", value: n, assumed: true });
      }),
      params
    );
  });
});
