// Benchmark section "targets": placeholder until its issue fills it in.
export async function run(): Promise<void> {
  console.log("[targets] (non ancora misurato)");
}
