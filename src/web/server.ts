/**
 * Browser mode: serves the built renderer and the API contract as `POST /api/<method>` on
 * 127.0.0.1, calling the same services as Electron's IPC handlers.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { z } from 'zod';
import { LARGE_BODY_METHODS, type ApiMethod, type EventName } from '../shared/api';
import { MAX_IMPORT_BYTES } from '../shared/user-data';
import { fail, type Result } from '../shared/result';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/security/csp';
import { createAppServices, type AppServices } from '../services/app-services';
import { confBackend } from '../services/conf-backend';
import { lockDataFolder, waitingMessage } from '../services/data-lock';
import { invokeMethod, outputChecksWanted, type Handlers, type ShellHandlers } from '../services/dispatch';
import { checkApiRequest, checkEventsRequest, checkHost, statusForError } from './request-guard';

export const MAX_BODY_BYTES = 1024 * 1024;
const API_PREFIX = '/api/';
const EVENTS_PATH = '/api/events';
const EVENT_KEEPALIVE_MS = 25_000;

export interface WebServerOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  rendererDir: string;
  version: string;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  services: AppServices;
  close(): Promise<void>;
}

const ApiEnvelopeSchema = z.strictObject({ input: z.unknown().optional() });

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function answerUnexpected(res: ServerResponse, error: unknown): void {
  console.error('[atlas] request failed:', error);
  if (!res.headersSent) sendResult(res, fail('INTERNAL', 'The server could not handle this request.'));
  else res.end();
}

function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

function sendResult(res: ServerResponse, result: Result<unknown>, status?: number): void {
  const body = JSON.stringify(result);
  res.writeHead(status ?? (result.ok ? 200 : statusForError(result.error.code)), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * Reads the body as text, or null once it passes `limit`. An oversized body is drained (and not
 * kept) so the client hears the 413 instead of a reset connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Browser mode's side of the contract's `shell` methods: what a page in a browser tab can be given. */
const webShell: ShellHandlers = {
  // The page is a browser tab already: it opens the URL in a new tab itself.
  'shell.openExternal': () => ({ how: 'page-tab' }),
  // The page downloads and uploads files itself (a browser tab has no file dialogs for us).
  'shell.saveFile': () => ({ how: 'page-download' }),
  'shell.openFile': () => ({ how: 'page-upload' }),
  // No embedded pane in a browser tab: the page opens a new tab, as the docs setting says.
  'docs.open': () => ({ how: 'page-tab' }),
  'docs.command': () => ({ open: false, url: null, title: null, loading: false, canGoBack: false, canGoForward: false, error: null }),
  'docs.setBounds': () => ({ ok: true }),
};

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, handlers: Handlers, checkOutputs: boolean): Promise<void> {
  const large = (LARGE_BODY_METHODS as readonly string[]).includes(method as ApiMethod);
  const limit = large ? MAX_IMPORT_BYTES + 1024 : MAX_BODY_BYTES;
  const text = await readBody(req, limit);
  if (text === null) {
    sendResult(
      res,
      fail('PAYLOAD_TOO_LARGE', large ? `Files of up to ${MAX_IMPORT_BYTES / 2 ** 20} MB can be imported; this one is larger.` : `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`),
    );
    return;
  }
  let envelope: unknown;
  try {
    envelope = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    sendResult(res, fail('BAD_REQUEST', 'The request body is not valid JSON.'));
    return;
  }
  const parsed = ApiEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) {
    sendResult(res, fail('BAD_REQUEST', 'The request body must be an object of the form {"input": …}.'));
    return;
  }
  sendResult(res, await invokeMethod(handlers, method, parsed.data.input, { checkOutputs }));
}

/** Server-Sent Events: every service event as `event: <name>` / `data: <json>`, until the page goes. */
function streamEvents(res: ServerResponse, services: AppServices): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = services.events.subscribe((event: EventName, payload: unknown) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), EVENT_KEEPALIVE_MS);
  res.on('close', () => {
    clearInterval(keepalive);
    unsubscribe();
  });
}

/** `/api/%E0%A4%A` and friends: a 400, never an exception. */
function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  mkdirSync(options.dataDir, { recursive: true });
  const lock = await lockDataFolder(options.dataDir, 'web', {
    onLost: (error) => console.error(`[atlas] the lock on ${options.dataDir} was lost (${error.message}); another process may now write there.`),
    onWaiting: (owner) => console.error(waitingMessage(options.dataDir, owner)),
  });
  let services: AppServices;
  try {
    services = createAppServices({
    dataDir: options.dataDir,
    mode: 'web',
    version: options.version,
    backend: confBackend,
    });
  } catch (error) {
    await lock.release();
    throw error;
  }
  const handlers: Handlers = { ...services.handlers, ...webShell };
  const checkOutputs = outputChecksWanted(process.env);
  const serveStatic = sirv(options.rendererDir, { etag: true, dev: false });
  let port = options.port;

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res);
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    const facts = {
      method: req.method ?? 'GET',
      host: req.headers.host,
      origin: req.headers.origin,
      secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
    };
    if (path === EVENTS_PATH) {
      const rejection = checkEventsRequest({ ...facts, queryToken: new URLSearchParams(query).get('token') }, port, token);
      if (rejection) sendResult(res, fail(rejection.code, rejection.message), rejection.status);
      else streamEvents(res, services);
      return;
    }
    if (path.startsWith(API_PREFIX)) {
      const rejection = checkApiRequest(facts, port, token);
      if (rejection) {
        sendResult(res, fail(rejection.code, rejection.message), rejection.status);
        return;
      }
      const method = decodePathSegment(path.slice(API_PREFIX.length));
      if (method === null) {
        sendResult(res, fail('BAD_REQUEST', 'The method name in the path is not valid percent-encoding.'));
        return;
      }
      handleApi(req, res, method, handlers, checkOutputs).catch((error: unknown) => answerUnexpected(res, error));
      return;
    }
    const hostProblem = checkHost({ host: req.headers.host }, port);
    if (hostProblem || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(hostProblem?.status ?? 405, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(hostProblem?.message ?? 'Method not allowed');
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    });
  };

  // The top-level guard: whatever a request does, it gets an answer and the server stays up.
  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (error) {
      answerUnexpected(res, error);
    }
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    services,
    close: async () => {
      // No request is handled after this point, so the folder is let go at once (synchronously),
      // before waiting for the listening socket to close.
      server.closeAllConnections();
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await lock.release();
      await closed;
    },
  };
}
