/**
 * The error `promise` rejects with, for assertions on it; fails the test when it resolves instead.
 * Typed by the caller (`failure<SparkError>(…)`): it checks nothing about the error itself.
 */
export async function failure<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected a failure');
}
