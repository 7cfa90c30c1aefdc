import { buildWorkers, runWorker } from './src/support/workers';
import { expectedAnswers, withMock } from './src/overhead/run';
const files = await buildWorkers({ 'overhead-worker': 'src/overhead/worker.ts', 'mock-child': 'src/support/mock-child.ts' });
const expected = await withMock(files['mock-child']!, (t) => expectedAnswers(t));
const flags = process.argv.slice(2);
const c = Number(process.env.C ?? 1), waves = Number(process.env.W ?? 1000);
const sides = (process.env.SIDES ?? 'baseline,sdk,sdk-webcrypto').split(',');
for (let round = 0; round < Number(process.env.R ?? 4); round++)
  for (const side of sides) {
    const r: any = await withMock(files['mock-child']!, (target) => runWorker(files['overhead-worker']!, { side, target, expected, concurrency: c, waves }, flags));
    console.log(round, side.padEnd(14), Math.round(r.cpuMs), 'ms cpu', Math.round(r.wallMs), 'wall', (r.peakRssBytes / 2 ** 20).toFixed(1), 'MiB');
  }
