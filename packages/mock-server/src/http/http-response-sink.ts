/**
 * The little an HTTP exchange needs from a response, so the Node server and the msw handler can both
 * drive it (the HTTP twin of `SessionSocket`).
 */
export interface HttpResponseSink {
  /** Sends a complete response with a body. */
  respond(status: number, headers: Record<string, string>, body: string): void;
  /** Sends the status and headers of a streamed response. */
  open(status: number, headers: Record<string, string>): void;
  /** Writes part of a streamed body. */
  write(text: string): void;
  /** Ends a streamed body normally. */
  end(): void;
  /** Destroys the connection without completing the response (the client sees a network error). */
  destroy(): void;
}
