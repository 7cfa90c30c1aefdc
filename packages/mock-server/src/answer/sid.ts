let sequence = 0;

/**
 * A session id in Spark's format, e.g. `cht000b41d5@dx18b851e6931b894550`: `cht`, 8 hex digits, `@dx`,
 * the time in hex milliseconds and a 7-digit hex suffix. Unique per process, one per session.
 */
export function createSid(now: Date): string {
  sequence = (sequence + 1) % 0x1_0000_0000;
  const counter = sequence.toString(16).padStart(8, '0');
  const time = now.getTime().toString(16).padStart(11, '0');
  const suffix = Math.floor(Math.random() * 0x1000_0000)
    .toString(16)
    .padStart(7, '0');
  return `cht${counter}@dx${time}${suffix}`;
}
