/**
 * Starts the mock Spark server in a child process (see `mock-child.ts`) and stops it again.
 */
import { spawn } from 'node:child_process';
import type { MockChildInput, MockChildReady } from './mock-child';

/** A running mock child. */
export interface MockProcess extends MockChildReady {
  /** Closes the child's stdin, which makes it close the server and exit. */
  stop(): Promise<void>;
}

/**
 * Spawns the built mock child (`bench/dist/workers/mock-child.mjs`) and waits until it listens. A
 * child that exits before listening (say, while `@xinghuo/mock-server` is being rebuilt by another
 * build in a shared tree) is started once more after a pause.
 */
export async function startMockProcess(file: string, input: MockChildInput = {}): Promise<MockProcess> {
  try {
    return await spawnMock(file, input);
  } catch {
    process.stderr.write('mock child exited before listening; retrying once in 10 s\n');
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    return spawnMock(file, input);
  }
}

function spawnMock(file: string, input: MockChildInput): Promise<MockProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, JSON.stringify(input)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let buffered = '';
    const exited = new Promise<void>((resolveExit) => child.on('exit', () => resolveExit()));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`mock child exited early with ${code}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline === -1) return;
      const ready = JSON.parse(buffered.slice(0, newline)) as MockChildReady;
      resolve({
        ...ready,
        stop: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
  });
}
