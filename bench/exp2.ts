import { spawnSync } from 'node:child_process';
import { buildWorkers } from './src/support/workers';
import { expectedAnswers, withMock } from './src/overhead/run';
const files = await buildWorkers({ 'overhead-worker': 'src/overhead/worker.ts', 'mock-child': 'src/support/mock-child.ts' });
const expected = await withMock(files['mock-child']!, (t) => expectedAnswers(t));
for (const side of ['baseline', 'sdk', 'node-transport'] as const) {
  await withMock(files['mock-child']!, async (target) => {
    const out = spawnSync(process.execPath, ['--trace-gc', files['overhead-worker']!, JSON.stringify({ side, target, expected, concurrency: 1000, waves: 3 })], { encoding: 'utf8' });
    const lines = out.stdout.split('\n');
    const gcs = lines.filter((l) => / (Mark-Compact|Scavenge|Mark-sweep)/.test(l));
    const sizes = gcs.map((l) => { const m = / ([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(l); return m ? [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] : [0,0,0,0]; });
    const maxBefore = Math.max(...sizes.map((s) => s[0])), maxCommitted = Math.max(...sizes.map((s) => Math.max(s[1], s[3]))), maxAfter = Math.max(...sizes.map((s) => s[2]));
    const r = JSON.parse(lines.filter(Boolean).at(-1)!);
    console.log(side, 'gcs', gcs.length, 'marks', gcs.filter((l) => l.includes('Mark')).length, 'max used before gc', maxBefore, 'max live after gc', maxAfter, 'max committed', maxCommitted, 'rss', (r.peakRssBytes / 2 ** 20).toFixed(1));
  });
}
