/**
 * The measured loop every streaming benchmark worker runs: a warm-up, then `waves` waves of
 * `concurrency` concurrent streams, timed by {@link measure}. Each answer of the measured waves goes
 * to `onAnswer`, which checks and counts it; warm-up answers are not counted.
 *
 * The warm-up is {@link WARM_UP_REQUESTS} requests at every level. It used to be one wave of at most
 * 50 (a single request at one stream), and then the measured part still contained V8 compiling the
 * side's code: the optimizing compiler runs on background threads, which `process.cpuUsage` counts,
 * and a side with more code on its path (the SDK's engine against a loop of twenty lines) pays more
 * of it. At 100 streams the SDK / baseline CPU ratio was 1.09–1.26 after 50 warm-up requests and
 * 0.97–1.12 after 600 (same build, same machine). That cost is paid once per process, not per
 * request, so it is measured on its own and reported beside the steady state (`warmUp`).
 */
import { type Measurement, measure } from './measure';

/** Requests run (and measured on their own) before the measured waves, at every concurrency. */
export const WARM_UP_REQUESTS = 500;

/** How hard one worker run pushes. */
export interface WaveLoad {
  concurrency: number;
  waves: number;
}

/**
 * Streams `prompts` in rotation through `streamOnce` and measures the measured waves.
 *
 * @returns the measurement and the number of streams the measured waves ran
 */
export async function measureWaves<Answer>(
  streamOnce: (prompt: string) => Promise<Answer>,
  prompts: readonly string[],
  load: WaveLoad,
  onAnswer: (prompt: string, answer: Answer) => void,
): Promise<Measurement & { streams: number; warmUp: Measurement }> {
  let streams = 0;
  let counting = false;
  const wave = (size: number, offset: number) =>
    Promise.all(
      Array.from({ length: size }, async (_, index) => {
        const prompt = prompts[(offset + index) % prompts.length]!;
        const answer = await streamOnce(prompt);
        if (!counting) return;
        streams += 1;
        onAnswer(prompt, answer);
      }),
    );
  // Warm-up: load modules, compile the hot paths and let the heap grow to its working size.
  const warmUpWave = Math.min(load.concurrency, WARM_UP_REQUESTS);
  const warmUp = await measure(async () => {
    // Exactly WARM_UP_REQUESTS, the last wave smaller when the concurrency does not divide it (the
    // profiles divide the warm-up's samples by that count).
    for (let done = 0; done < WARM_UP_REQUESTS; done += warmUpWave) {
      await wave(Math.min(warmUpWave, WARM_UP_REQUESTS - done), done);
    }
  });
  counting = true;
  const measurement = await measure(async () => {
    for (let round = 0; round < load.waves; round += 1)
      await wave(load.concurrency, round * load.concurrency);
  });
  return { ...measurement, streams, warmUp };
}
