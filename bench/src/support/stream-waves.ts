/**
 * The measured loop every streaming benchmark worker runs: a warm-up, then `waves` waves of
 * `concurrency` concurrent streams, timed by {@link measure}. Each answer of the measured waves goes
 * to `onAnswer`, which checks and counts it; warm-up answers are not counted.
 */
import { type Measurement, measure } from './measure';

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
): Promise<Measurement & { streams: number }> {
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
  // Warm-up: load modules and JIT the hot paths before measuring.
  await wave(Math.min(load.concurrency, 50), 0);
  counting = true;
  const measurement = await measure(async () => {
    for (let round = 0; round < load.waves; round += 1)
      await wave(load.concurrency, round * load.concurrency);
  });
  return { ...measurement, streams };
}
