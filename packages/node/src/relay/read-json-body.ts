/** Why a request body was refused, with the status that says so. */
export type BodyRefusal =
  | { status: 413; reason: 'too_large' }
  | { status: 415; reason: 'not_json' }
  | { status: 400; reason: 'malformed' | 'not_object' };

/** The outcome of {@link readJsonObject}. */
export type BodyResult = { ok: true; body: Record<string, unknown> } | ({ ok: false } & BodyRefusal);

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Reads a request body as one JSON object of at most `maxBytes`, stopping as soon as the limit is
 * passed (a declared `content-length` above it is refused before reading anything).
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<BodyResult> {
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) {
    return { ok: false, status: 415, reason: 'not_json' };
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return { ok: false, status: 413, reason: 'too_large' };
  if (!request.body) return { ok: false, status: 400, reason: 'malformed' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, status: 413, reason: 'too_large' };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, status: 400, reason: 'malformed' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, status: 400, reason: 'not_object' };
  }
  return { ok: true, body: parsed as Record<string, unknown> };
}
