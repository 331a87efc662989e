/**
 * In-process prototype check: snapshot the built-in prototypes' own keys and values, then list
 * what was added, removed or replaced (a pollution through `__proto__` or `constructor.prototype`).
 */
const WATCHED: [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
];

export type ProtoSnapshot = Map<string, Map<PropertyKey, PropertyDescriptor | undefined>>;

export function protoSnapshot(): ProtoSnapshot {
  const snap: ProtoSnapshot = new Map();
  for (const [name, obj] of WATCHED) {
    const m = new Map<PropertyKey, PropertyDescriptor | undefined>();
    for (const k of Reflect.ownKeys(obj)) m.set(k, Object.getOwnPropertyDescriptor(obj, k));
    snap.set(name, m);
  }
  return snap;
}

export function protoChanges(before: ProtoSnapshot): string[] {
  const out: string[] = [];
  const after = protoSnapshot();
  for (const [name, now] of after) {
    const was = before.get(name)!;
    for (const [k, d] of now) {
      const old = was.get(k);
      if (!old) out.push(`${name}.${String(k)} aggiunto`);
      else if (old.value !== d?.value || old.get !== d?.get || old.set !== d?.set)
        out.push(`${name}.${String(k)} sostituito`);
    }
    for (const k of was.keys()) if (!now.has(k)) out.push(`${name}.${String(k)} rimosso`);
  }
  const probe: Record<string, unknown> = {};
  for (const k in probe) out.push(`{} eredita la chiave enumerabile ${k}`);
  return out;
}
