import type { RecordedExchange, RecordedFrame } from '../types';

/** Receives a fresh snapshot of the exchange after every recorded event. */
export type ExchangeListener = (exchange: RecordedExchange) => void;

/**
 * Starts recording one exchange (a WebSocket connection or an HTTP request): tells `listener` at once,
 * then after every frame, with each frame's time since the start. Returns the function that records a frame.
 */
export function startExchangeRecording(
  listener: ExchangeListener,
  exchange: Omit<RecordedExchange, 'frames'>,
): (direction: RecordedFrame['direction'], text: string) => void {
  const startedAt = performance.now();
  const frames: RecordedFrame[] = [];
  const snapshot = (): RecordedExchange => ({ ...exchange, frames: [...frames] });
  listener(snapshot());
  return (direction, text) => {
    frames.push({
      sequence: frames.length,
      direction,
      text,
      atMs: Math.round(performance.now() - startedAt),
    });
    listener(snapshot());
  };
}
