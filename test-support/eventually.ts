/**
 * Polling for test conditions that settle asynchronously (sockets closing on both sides, a request
 * being recorded). Shared by every package's tests.
 */

/** Polls `condition` every 10 ms until it holds or `withinMs` passes; resolves to whether it held. */
export async function eventually(condition: () => boolean, withinMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
