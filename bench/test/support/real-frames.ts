/**
 * The fuzzers' seed frames: the same module the core benchmarks decode, so bench code and tests share
 * one set of realistic frames.
 */
export { REAL_FRAMES } from '../../src/core/frames';
