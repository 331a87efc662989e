// Small PEG models built in tests: only the fields a check reads, the rest defaulted.
import {
  emptyModel,
  type Indicator,
  type OperationalObjective,
  type PegModel,
  type Report,
  type StrategicObjective,
} from "../../src/core/model";

export function op(code: string, extra: Partial<OperationalObjective> = {}): OperationalObjective {
  return {
    id: `o-${code}`,
    code,
    title: `Obiettivo ${code}`,
    weight: null,
    source: `Piano!A${code.length + 1}`,
    ...extra,
  };
}

export function strategic(
  code: string,
  extra: Partial<StrategicObjective> = {}
): StrategicObjective {
  return { id: `s-${code}`, code, title: `Strategico ${code}`, source: "Piano!A1", ...extra };
}

let n = 0;
export function ind(objectiveCode: string, extra: Partial<Indicator> = {}): Indicator {
  n++;
  return {
    id: `${objectiveCode}#${n}`,
    objectiveCode,
    name: `indicatore ${n}`,
    target: ">=1",
    weight: null,
    actual: null,
    rule: { text: ">=1", op: ">=", value: 1, unit: "count" },
    status: "pending",
    achievement: null,
    source: `Scheda!B${n}`,
    ...extra,
  };
}

export function report(
  objectiveCode: string,
  values: number[],
  declaredTotal: number | null,
  extra: Partial<Report> = {}
): Report {
  const labels = ["valutazione di risultato", "valutazione qualitativa"];
  return {
    objectiveCode,
    components: values.map((value, i) => ({
      label: labels[i] ?? `componente ${i + 1}`,
      value,
      max: null,
    })),
    declaredTotal,
    computedTotal: values.reduce((s, v) => s + v, 0),
    source: "Report!N3",
    ...extra,
  };
}

export function model(parts: Partial<PegModel>): PegModel {
  return { ...emptyModel(["piano.xlsx"], ["Scheda"]), ...parts };
}
