import { SparkClockSkewError, type SparkModel, signUrl } from '@xinghuo/core';
import { withBaseURL } from '@xinghuo/core/transport';
import { createSparkClient } from '../../create-client';
import { ENV_VARIABLES } from '../../env-config';
import { createNodeFetch } from '../../http/node-fetch';
import { proxyChooser } from '../../proxy/proxy-url';
import { createWsTransport } from '../../ws/ws-transport';
import type { CliArguments } from '../args';
import { probeHttp } from '../http-probe';
import type { CliIO } from '../io';
import { formatError } from '../render';
import {
  resolveSessionSettings,
  type SessionSettings,
  sessionModel,
  sessionProtocol,
  withHttpScheme,
} from '../session';
import { stripTerminalEscapes } from '../strip-terminal-escapes';

/** Spark rejects signatures dated more than this far from its clock. */
const SKEW_LIMIT_SECONDS = 300;
const SKEW_WARNING_SECONDS = 60;
const PROBE_TIMEOUT_MS = 10_000;

type Report = (ok: boolean | 'warn' | 'skip', text: string) => void;

function checkCredentials(settings: SessionSettings, mock: boolean, report: Report): boolean {
  const entries = [
    [ENV_VARIABLES.appId, settings.appId],
    [ENV_VARIABLES.apiKey, settings.apiKey],
    [ENV_VARIABLES.apiSecret, settings.apiSecret],
  ] as const;
  let allSet = true;
  for (const [name, value] of entries) {
    if (!value) {
      allSet = false;
      report(false, `${name} is not set. Copy it from the iFlytek console (控制台 → 我的应用).`);
    } else if (mock) {
      report(true, `${name}: the embedded mock's test value`);
    } else if (name !== ENV_VARIABLES.appId && value.length !== 32) {
      report('warn', `${name} is set but has ${value.length} characters; Spark keys and secrets have 32.`);
    } else {
      report(true, `${name} is set (${value.length} characters)`);
    }
  }
  return allSet;
}

/**
 * The HTTP credential: the APIPassword, else the APIKey:APISecret pair (which Spark's HTTP API also
 * takes as a Bearer token). Only lengths are printed, never a value.
 */
function checkHttpCredential(settings: SessionSettings, mock: boolean, report: Report): boolean {
  const password = ENV_VARIABLES.apiPassword;
  if (settings.apiPassword) {
    report(
      true,
      mock
        ? `${password}: the embedded mock's test value`
        : `${password} is set (${settings.apiPassword.length} characters)`,
    );
    return true;
  }
  if (settings.apiKey && settings.apiSecret) {
    report(
      true,
      `${password} is not set; the HTTP protocol will send ${ENV_VARIABLES.apiKey}:${ENV_VARIABLES.apiSecret} instead`,
    );
    return true;
  }
  report(
    false,
    `${password} is not set (nor ${ENV_VARIABLES.apiKey} and ${ENV_VARIABLES.apiSecret}). Copy the APIPassword ` +
      'from the iFlytek console (控制台 → 我的应用 → http服务接口认证信息).',
  );
  return false;
}

/**
 * One tiny authenticated request (a one-token answer): the cheapest call that proves the HTTP
 * credential works, since Spark's HTTP API has no endpoint that only checks it.
 */
async function checkHttpCredentialAccepted(settings: SessionSettings, model: SparkModel, report: Report) {
  const path = new URL(model.http?.url ?? '').pathname;
  const client = createSparkClient({
    env: {},
    protocol: 'http',
    apiPassword: settings.apiPassword,
    apiKey: settings.apiKey,
    apiSecret: settings.apiSecret,
    baseURL: settings.baseURL,
    defaultModel: model,
    fetch: createNodeFetch({ proxy: settings.proxy }),
    maxRetries: 0,
    timeouts: { connectMs: PROBE_TIMEOUT_MS, firstTokenMs: PROBE_TIMEOUT_MS },
  });
  try {
    await client.chat({ messages: [{ role: 'user', content: 'ping' }], maxTokens: 1 });
    report(true, `The HTTP API accepted the credential for ${model.id} (${path}, a one-token answer)`);
    return true;
  } catch (error) {
    const secrets = [settings.apiPassword, settings.apiKey, settings.apiSecret];
    report(
      false,
      `The HTTP API refused a request for ${model.id} (${path}): ${formatError(error, secrets).replace(/^xinghuo: /, '')}`,
    );
    return false;
  }
}

async function checkReachable(url: string, settings: SessionSettings, report: Report): Promise<boolean> {
  const target = new URL(url);
  const proxy = proxyChooser(settings.proxy)(target);
  const through = proxy ? ` through the proxy ${proxy.host}` : '';
  const sentAt = Date.now();
  try {
    const response = await probeHttp(`${target.origin}/`, { proxy, timeoutMs: PROBE_TIMEOUT_MS });
    report(
      true,
      `${target.host} is reachable${through} (HTTP ${response.status} in ${Date.now() - sentAt} ms)`,
    );
    return true;
  } catch (error) {
    report(
      false,
      `Cannot reach ${target.host}${through}: ${(error as Error).message.replace(/\.$/, '')}. ` +
        'Check the network, DNS, the proxy (--proxy, HTTPS_PROXY) or --base-url.',
    );
    return false;
  }
}

/** The HTTP protocol's checks: its credential, reachability (through the proxy) and one authenticated request. */
async function doctorHttp(settings: SessionSettings, model: SparkModel, mock: boolean, report: Report) {
  let healthy = checkHttpCredential(settings, mock, report);
  if (!model.http) {
    report(false, `Model ${model.id} has no HTTP endpoint; use --protocol ws.`);
    return false;
  }
  const url = withHttpScheme(model.http.url, settings.baseURL);
  healthy = (await checkReachable(url, settings, report)) && healthy;
  if (healthy) return checkHttpCredentialAccepted(settings, model, report);
  report('skip', 'Authenticated HTTP request skipped until the problems above are fixed.');
  return false;
}

/** An http(s) URL for the host of a ws(s) URL: any HTTP answer carries the server's Date header. */
function probeUrl(websocketUrl: string): string {
  const url = new URL(websocketUrl);
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}/`;
}

async function checkClock(target: string, settings: SessionSettings, report: Report): Promise<boolean> {
  const url = probeUrl(target);
  const host = new URL(url).host;
  const proxy = proxyChooser(settings.proxy)(new URL(target));
  const through = proxy ? ` through the proxy ${proxy.host}` : '';
  const sentAt = Date.now();
  let response: { status: number; date: string | undefined };
  try {
    response = await probeHttp(url, { proxy, timeoutMs: PROBE_TIMEOUT_MS });
  } catch (error) {
    report(
      false,
      `Cannot reach ${host}${through}: ${(error as Error).message.replace(/\.$/, '')}. ` +
        'Check the network, DNS, the proxy (--proxy, HTTPS_PROXY) or --base-url.',
    );
    return false;
  }
  const receivedAt = Date.now();
  report(true, `${host} is reachable${through} (HTTP ${response.status} in ${receivedAt - sentAt} ms)`);
  const serverDate = response.date;
  const serverTime = serverDate ? Date.parse(serverDate) : Number.NaN;
  if (Number.isNaN(serverTime)) {
    report('warn', 'The server sent no Date header, so the clock could not be compared.');
    return true;
  }
  // The Date header has one-second resolution; compare it with the middle of the round trip.
  return reportOffset(Math.round((serverTime - (sentAt + receivedAt) / 2) / 1000), report);
}

function reportOffset(offsetSeconds: number, report: Report): boolean {
  const described = `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds} s`;
  if (Math.abs(offsetSeconds) > SKEW_LIMIT_SECONDS) {
    report(
      false,
      `The system clock is ${Math.abs(offsetSeconds)} s ${offsetSeconds > 0 ? 'behind' : 'ahead of'} the server's. Spark rejects signatures more than ${SKEW_LIMIT_SECONDS} s ` +
        'off (HTTP 403): fix the system clock (enable NTP, e.g. `timedatectl set-ntp true`).',
    );
    return false;
  }
  report(
    Math.abs(offsetSeconds) > SKEW_WARNING_SECONDS ? 'warn' : true,
    `Clock offset to the server: ${described} (server minus local; Spark allows ±${SKEW_LIMIT_SECONDS} s)`,
  );
  return true;
}

async function checkHandshake(settings: SessionSettings, model: SparkModel, url: string, report: Report) {
  try {
    const signed = await signUrl(url, { apiKey: settings.apiKey ?? '', apiSecret: settings.apiSecret ?? '' });
    const transport = createWsTransport({ handshakeTimeoutMs: PROBE_TIMEOUT_MS, proxy: settings.proxy });
    const connection = await transport(signed, {});
    connection.close(1000, 'doctor');
    report(true, `The gateway accepted a signed handshake for ${model.id} (${new URL(url).pathname})`);
    return true;
  } catch (error) {
    const secrets = [settings.apiKey, settings.apiSecret];
    report(
      false,
      `Signed handshake for ${model.id} failed: ${formatError(error, secrets).replace(/^xinghuo: /, '')}`,
    );
    // The gateway's 403 carries its own clock: say by how much this one is off.
    const serverTime = error instanceof SparkClockSkewError ? Date.parse(error.serverDate ?? '') : Number.NaN;
    if (!Number.isNaN(serverTime)) reportOffset(Math.round((serverTime - Date.now()) / 1000), report);
    return false;
  }
}

/**
 * `xinghuo doctor`: checks that credentials are present, the host is reachable, the clock is within
 * Spark's ±300 s window, and a signed handshake is accepted. Over HTTP (`--protocol http`,
 * `SPARK_PROTOCOL=http`, or an HTTP-only model) it checks the HTTP credential with one small
 * authenticated request instead. Explains each failure; exit 1 if any.
 */
export async function doctorCommand(args: CliArguments, io: CliIO): Promise<number> {
  const settings = await resolveSessionSettings(args.options, io.env);
  const report: Report = (ok, text) => {
    const mark = ok === true ? '✓' : ok === 'warn' ? '!' : ok === 'skip' ? '-' : '✗';
    // Probe answers and gateway messages are network text: no escape sequences reach the terminal.
    io.stdout.write(`${mark} ${stripTerminalEscapes(text)}\n`);
  };
  try {
    let model: SparkModel;
    try {
      model = sessionModel(settings);
    } catch (error) {
      report(false, formatError(error).replace(/^xinghuo: /, ''));
      return 1;
    }
    const protocol = sessionProtocol(settings, model);
    report(
      true,
      `Model ${model.id} (domain ${model.domain}) over ${protocol === 'http' ? 'HTTP' : 'WebSocket'}`,
    );
    if (protocol === 'http') {
      const healthy = await doctorHttp(settings, model, args.options.mock, report);
      io.stdout.write(healthy ? 'All checks passed.\n' : 'Some checks failed; see above.\n');
      return healthy ? 0 : 1;
    }
    let healthy = checkCredentials(settings, args.options.mock, report);
    if (!model.url) {
      report(false, `Model ${model.id} is served only over HTTP: use --protocol http.`);
      return 1;
    }
    const url = withBaseURL(model.url, settings.baseURL);
    healthy = (await checkClock(url, settings, report)) && healthy;
    if (healthy) healthy = await checkHandshake(settings, model, url, report);
    else report('skip', 'Signed handshake skipped until the problems above are fixed.');
    io.stdout.write(healthy ? 'All checks passed.\n' : 'Some checks failed; see above.\n');
    return healthy ? 0 : 1;
  } finally {
    await settings.close();
  }
}
