// Hostile shapes: the audit stays fast and never overflows the stack.
import { auditModel } from "../../src/core/audit";
import { formatAuditTable } from "../../src/core/audit/format";
import { auditBuiltModel } from "../../src/core/pipeline";
import { emptyModel, type Indicator, type PegModel } from "../../src/core/model";
import { parseSettings } from "../../src/core/settings";

function indicator(objectiveCode: string, i: number, extra: Partial<Indicator> = {}): Indicator {
  return {
    id: `${objectiveCode}#${i}`,
    objectiveCode,
    name: `indicatore ${i}`,
    target: ">=1",
    weight: 0.1,
    weightSource: `Piano!C${i + 1}`,
    actual: null,
    rule: { text: ">=1", op: ">=", value: 1 },
    status: "unparsed",
    achievement: null,
    source: `Piano!B${i + 1}`,
    ...extra,
  };
}

describe("audit on hostile models", () => {
  it("150,000 indicators under one objective", () => {
    const m: PegModel = emptyModel(["x.xlsx"], ["Piano"]);
    m.operationalObjectives.push({
      id: "o",
      code: "1",
      title: "Uno",
      weight: null,
      source: "Piano!A1",
    });
    for (let i = 0; i < 150_000; i++)
      m.indicators.push(indicator("1", i, { weight: i % 2 ? 0.1 : null }));
    const t0 = Date.now();
    const findings = auditModel(m, parseSettings({}));
    expect(Date.now() - t0).toBeLessThan(10_000);
    const sum = findings.find((f) => f.code === "WEIGHTS_SUM");
    expect(sum?.where).toBe("Piano!C2:C150000");
    expect(findings.filter((f) => f.code === "TARGET_UNPARSED")).toHaveLength(150_000);
    expect(formatAuditTable(auditBuiltModel(m, parseSettings({}))).length).toBeGreaterThan(0);
  });

  it("20,000 objectives sharing one code, each with a different title", () => {
    const m: PegModel = emptyModel(["x.xlsx"], ["Piano"]);
    for (let i = 0; i < 20_000; i++)
      m.operationalObjectives.push({
        id: `o${i}`,
        code: "7",
        title: `titolo ${i} progetto ${i * 7}`,
        weight: i % 3 ? 1 : null,
        source: `Piano!A${i + 1}`,
      });
    const t0 = Date.now();
    const findings = auditModel(m, parseSettings({}));
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(findings.filter((f) => f.code === "DUPLICATE_CODE")).toHaveLength(1);
  });
});
