/**
 * The WebSocket protocol's part of an attempt: sign the URL, open the socket through the platform's
 * transport, send the request frame, and decode the text frames that come back.
 */
import { redactUrl, toSparkError } from '../../errors';
import { AsyncQueue } from '../../exchange/async-queue';
import type { FrameConnection, OpenFrameConnection } from '../../exchange/frame-connection';
import type { SparkModel } from '../../models/models';
import type { SignUrlProvider } from '../../signing/checked-provider';
import type { SparkLogger } from '../../types';
import type { DecodedFrame } from '../decoded-frame';
import { decodeSparkFrame } from './decode-frame';
import type { SparkConnection, SparkTransport } from './transport';

/** What every attempt of one WebSocket exchange shares. */
export interface WebSocketExchange {
  /** The unsigned URL to dial. */
  url: string;
  model: SparkModel;
  sign: SignUrlProvider;
  transport: SparkTransport;
  /** The serialized request frame. */
  requestText: string;
  logger?: SparkLogger | undefined;
}

/**
 * The text frames of an open socket as a {@link FrameConnection}. A class: one object per request,
 * without a closure of its own.
 */
class WebSocketFrames implements FrameConnection<string> {
  readonly frames: AsyncIterator<string>;
  readonly #connection: SparkConnection;

  constructor(connection: SparkConnection) {
    this.#connection = connection;
    const messages = connection.messages();
    // An AsyncQueue (what the SDK's transports return) is passed as is: the exchange reads it
    // through its push mode, without a promise per frame.
    this.frames = messages instanceof AsyncQueue ? messages : messages[Symbol.asyncIterator]();
  }

  decode(frame: string, partialText: string): DecodedFrame {
    return decodeSparkFrame(frame, partialText);
  }

  close(): void {
    this.#connection.close(1000);
  }
}

/** The text frames of an open socket as a {@link FrameConnection}. */
export function webSocketFrames(connection: SparkConnection): FrameConnection<string> {
  return new WebSocketFrames(connection);
}

/**
 * Opens each attempt's socket, signed afresh (signatures expire in 300 s), and sends the request.
 * Promise chains rather than an async function: an attempt waiting for its handshake holds no
 * suspended frame (1,000 streams connecting at once are the client's memory peak).
 */
export function openWebSocket(exchange: WebSocketExchange): OpenFrameConnection {
  return ({ attempt, date, signal }) =>
    exchange.sign({ url: exchange.url, model: exchange.model, attempt, date, signal }).then((signedUrl) => {
      exchange.logger?.debug?.('xinghuo: connecting', {
        attempt,
        model: exchange.model.id,
        url: redactUrl(signedUrl),
      });
      return dial(exchange, signedUrl, signal);
    });
}

/** Opens the socket through the transport and sends the request frame. */
function dial(exchange: WebSocketExchange, signedUrl: string, signal: AbortSignal): Promise<FrameConnection> {
  let opening: Promise<SparkConnection>;
  try {
    opening = exchange.transport(signedUrl, { signal });
  } catch (error) {
    return Promise.reject(toSparkError(error, 'The transport could not open the WebSocket'));
  }
  return Promise.resolve(opening).then(
    (connection) => {
      try {
        connection.send(exchange.requestText);
      } catch (error) {
        connection.close(1000);
        throw toSparkError(error, 'Sending the request frame failed');
      }
      return webSocketFrames(connection);
    },
    (error: unknown) => {
      throw toSparkError(error, 'The transport could not open the WebSocket');
    },
  );
}
