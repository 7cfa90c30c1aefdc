/**
 * Recognizes a question that asks for one JSON object matching a JSON schema, as ChatSpark's
 * `withStructuredOutput(schema, { method: 'jsonMode' })` writes it: the last user turn ends with
 * `…JSON schema:` followed by the schema itself. Returns the schema, or `undefined`.
 */
export function requestedJsonSchema(question: string): Record<string, unknown> | undefined {
  const marker = /JSON schema:\s*/gi;
  let start: number | undefined;
  for (let match = marker.exec(question); match !== null; match = marker.exec(question)) {
    start = match.index + match[0].length;
  }
  if (start === undefined) return undefined;
  try {
    const schema: unknown = JSON.parse(question.slice(start).trim());
    return typeof schema === 'object' && schema !== null && !Array.isArray(schema)
      ? (schema as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
