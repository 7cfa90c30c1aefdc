/**
 * Peer benchmark: ChatSpark (`@xinghuo/langchain`) against `@langchain/community`'s
 * `ChatIflytekXinghuo` on the same mock. For each side and each mode (`invoke`, `stream`) it times
 * `count` sequential calls in a fresh process per round and counts the answers that came back whole.
 */
import { baselineChat } from '../overhead/baseline-client';
import { startMockProcess } from '../support/mock-process';
import { median, ratio, round } from '../support/stats';
import { runWorker } from '../support/workers';
import { PEER_MODEL, type PeerTarget } from './sides';
import type { PeerWorkerInput, PeerWorkerResult } from './worker';

/** Options of {@link runPeerBenchmark}. */
export interface PeerOptions {
  count: number;
  rounds: number;
  files: { worker: string; mockChild: string };
  log?: (line: string) => void;
}

/** Medians of one side in one mode. */
export interface PeerSideSummary {
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
  calls: number;
  /** Fewest whole answers in any round. */
  completeAnswers: number;
  missingCharacters: number;
  chunksPerStream: number;
  errors: number;
}

/** Result of one mode: both sides and the ratios ChatSpark / peer. */
export interface PeerModeResult {
  mode: 'invoke' | 'stream';
  chatspark: PeerSideSummary;
  peer: PeerSideSummary;
  wallTimeRatio: number;
  cpuTimeRatio: number;
  peakRssRatio: number;
  /**
   * The peer's whole answers divided by ChatSpark's (1 = equally complete, 0 = the peer never
   * returned a whole answer). Kept this way round so a broken peer gives 0, not a division by zero.
   */
  peerCompleteAnswersRatio: number;
}

const PROMPTS = ['你好', '讲个笑话', 'What is Spark?', 'Explain WebSockets'];

/** Runs the peer benchmark (both modes) and returns one result per mode. */
export async function runPeerBenchmark(options: PeerOptions): Promise<PeerModeResult[]> {
  const log = options.log ?? (() => {});
  const mock = await startMockProcess(options.files.mockChild, {
    proxies: { sdk: null, peer: 'spark-api.xf-yun.com' },
  });
  try {
    const target: PeerTarget = {
      sdkProxyPort: mock.proxyPorts.sdk!,
      peerProxyPort: mock.proxyPorts.peer!,
      credentials: mock.credentials,
    };
    const expected: Record<string, string> = {};
    for (const prompt of PROMPTS) {
      const answer = await baselineChat(
        {
          url: `${mock.url.replace(/\/+$/, '')}${PEER_MODEL.path}`,
          domain: PEER_MODEL.id,
          messages: [{ role: 'user', content: prompt }],
        },
        mock.credentials,
      );
      expected[prompt] = answer.text;
    }

    const results: PeerModeResult[] = [];
    for (const mode of ['invoke', 'stream'] as const) {
      const runs: Record<'chatspark' | 'peer', PeerWorkerResult[]> = { chatspark: [], peer: [] };
      for (let roundIndex = 0; roundIndex < options.rounds; roundIndex += 1) {
        const order =
          roundIndex % 2 === 0 ? (['peer', 'chatspark'] as const) : (['chatspark', 'peer'] as const);
        for (const side of order) {
          const input: PeerWorkerInput = { side, mode, count: options.count, target, expected };
          const result = await runWorker<PeerWorkerResult>(options.files.worker, input);
          runs[side].push(result);
          log(
            `peer ${mode} round ${roundIndex + 1} ${side}: ${round(result.wallMs)} ms wall, ${round(result.cpuMs)} ms cpu, ` +
              `${result.completeAnswers}/${result.calls} whole, ${result.errors} errors`,
          );
        }
      }
      const chatspark = summarize(runs.chatspark);
      const peer = summarize(runs.peer);
      results.push({
        mode,
        chatspark,
        peer,
        wallTimeRatio: ratio(chatspark.wallMs, peer.wallMs),
        cpuTimeRatio: ratio(chatspark.cpuMs, peer.cpuMs),
        peakRssRatio: ratio(chatspark.peakRssMiB, peer.peakRssMiB),
        peerCompleteAnswersRatio: ratio(peer.completeAnswers, chatspark.completeAnswers),
      });
    }
    return results;
  } finally {
    await mock.stop();
  }
}

function summarize(runs: readonly PeerWorkerResult[]): PeerSideSummary {
  return {
    wallMs: round(median(runs.map((run) => run.wallMs))),
    cpuMs: round(median(runs.map((run) => run.cpuMs))),
    peakRssMiB: round(median(runs.map((run) => run.peakRssBytes / 2 ** 20))),
    calls: runs[0]?.calls ?? 0,
    completeAnswers: Math.min(...runs.map((run) => run.completeAnswers)),
    missingCharacters: Math.max(...runs.map((run) => run.missingCharacters)),
    chunksPerStream: round(median(runs.map((run) => run.chunksPerStream)), 2),
    errors: Math.max(...runs.map((run) => run.errors)),
  };
}
