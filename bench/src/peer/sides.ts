/**
 * The two LangChain chat models of the peer comparison, both pointed at the same mock.
 *
 * The peer (`ChatIflytekXinghuo` from `@langchain/community`) has no base-URL option, but its
 * `apiUrl` field is public and read on every call, so it is set after construction. It signs for
 * host `spark-api.xf-yun.com` whatever it dials; the mock child runs a proxy that sends that Host
 * header upstream (see `support/host-rewriting-proxy.ts`), and ChatSpark goes through an identical
 * proxy that forwards its Host header unchanged, so both pay the same hop.
 */

import { ChatIflytekXinghuo } from '@langchain/community/chat_models/iflytek_xinghuo';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatSpark } from '@xinghuo/langchain';
import { createSparkClient } from '@xinghuo/node';

/** Where each side's proxy listens and the mock's credentials. */
export interface PeerTarget {
  sdkProxyPort: number;
  peerProxyPort: number;
  credentials: { appId: string; apiKey: string; apiSecret: string };
}

/** The model both sides call: Spark Pro (`generalv3`, path `/v3.1/chat`), which the peer supports. */
export const PEER_MODEL = { id: 'generalv3', peerVersion: 'v3.1', path: '/v3.1/chat' } as const;

/** ChatSpark over `@xinghuo/node`, reaching the mock through the pass-through proxy. */
export function chatSparkModel(target: PeerTarget): BaseChatModel {
  const client = createSparkClient({
    ...target.credentials,
    baseURL: `ws://127.0.0.1:${target.sdkProxyPort}`,
  });
  return new ChatSpark({ client, model: PEER_MODEL.id });
}

/** The peer, redirected to the mock through the Host-rewriting proxy. */
export function peerModel(target: PeerTarget): BaseChatModel {
  const model = new ChatIflytekXinghuo({
    iflytekAppid: target.credentials.appId,
    iflytekApiKey: target.credentials.apiKey,
    iflytekApiSecret: target.credentials.apiSecret,
    version: PEER_MODEL.peerVersion,
  });
  model.apiUrl = `ws://127.0.0.1:${target.peerProxyPort}${PEER_MODEL.path}`;
  return model;
}
