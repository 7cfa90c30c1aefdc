let counter = 0;

/**
 * A unique id for a turn. Not `crypto.randomUUID()`: that exists only in secure contexts, and the
 * playground may be opened over plain HTTP on a LAN address.
 */
export function createId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
