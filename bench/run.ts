/**
 * `npm run bench`: runs every benchmark (or those named on the command line) and prints their
 * numbers. Benchmarks measure; they never fail on a time.
 */
const BENCHMARKS = ['markdown', 'align', 'pairs', 'sync', 'status', 'aws', 'action'] as const;

const chosen = process.argv.slice(2);
for (const name of BENCHMARKS) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  let module: { run(): Promise<void> };
  try {
    module = (await import(`./${name}.ts`)) as { run(): Promise<void> };
  } catch (error) {
    console.log(`\n== ${name}: not available (${error instanceof Error ? error.message : String(error)})`);
    continue;
  }
  console.log(`\n== ${name}`);
  await module.run();
}
