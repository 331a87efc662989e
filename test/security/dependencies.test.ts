/**
 * Issue 7: no high or critical advisory in the production dependencies (`npm audit --omit=dev`),
 * and no SheetJS `xlsx` package anywhere (CVE-2023-30533: prototype pollution through sheet
 * names). When the registry's audit endpoint cannot be reached the audit test is skipped loudly
 * (its name says why); with AUDIT_REQUIRED=1 an unreachable endpoint fails instead.
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");

interface AuditJson {
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; range?: string }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  error?: { code?: string; summary?: string };
  message?: string;
  statusCode?: number;
}

/** Run once at load time: whether the test runs or is skipped depends on it. */
function runAudit(): { json: AuditJson | null; unreachable: string | null } {
  const r = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, npm_config_audit: "true" },
  });
  let json: AuditJson | null = null;
  try {
    json = JSON.parse(r.stdout) as AuditJson;
  } catch {
    json = null;
  }
  if (json?.metadata?.vulnerabilities) return { json, unreachable: null };
  const why =
    r.error?.message ??
    json?.message ??
    json?.error?.summary ??
    (r.stderr.split("\n").find((l) => /npm (error|warn) audit/.test(l)) ||
      r.stderr.trim().split("\n")[0] ||
      "nessuna risposta");
  return { json, unreachable: why.slice(0, 200) };
}

const audit = runAudit();

if (audit.unreachable) {
  console.warn(
    `npm audit --omit=dev SALTATO: il servizio di audit del registro non risponde (${audit.unreachable}). ` +
      "Impostare AUDIT_REQUIRED=1 per farne un errore."
  );
}

const auditTest = audit.unreachable && process.env.AUDIT_REQUIRED !== "1" ? test.skip : test;

auditTest(
  audit.unreachable
    ? `npm audit --omit=dev: SKIPPED, audit endpoint unreachable (${audit.unreachable})`
    : "npm audit --omit=dev: no high or critical advisory",
  () => {
    if (audit.unreachable) throw new Error(`npm audit non raggiungibile: ${audit.unreachable}`);
    const counts = audit.json!.metadata!.vulnerabilities!;
    const serious = Object.entries(audit.json!.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === "high" || v.severity === "critical")
      .map(([name, v]) => `${name} (${v.severity}${v.range ? `, ${v.range}` : ""})`);
    expect(serious).toEqual([]);
    expect((counts.high ?? 0) + (counts.critical ?? 0)).toBe(0);
  }
);

test("no SheetJS xlsx package in the dependency tree (CVE-2023-30533)", () => {
  const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages?: Record<string, { version?: string }>;
  };
  const found = Object.keys(lock.packages ?? {}).filter((k) => /(^|\/)node_modules\/xlsx$/.test(k));
  expect(found).toEqual([]);
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<
    string,
    Record<string, string> | undefined
  >;
  for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
    expect(Object.keys(pkg[field] ?? {})).not.toContain("xlsx");
  }
});
