/**
 * Browser mode: serves the built renderer and the API contract as `POST /api/<method>` on
 * 127.0.0.1, calling the same services as Electron's IPC handlers.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { z } from 'zod';
import { fail, type Result } from '../shared/result';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/security/csp';
import { createAppServices, type AppServices } from '../services/app-services';
import { confBackend } from '../services/conf-backend';
import { invokeMethod } from '../services/dispatch';
import { checkApiRequest, checkHost, statusForError } from './request-guard';

export const MAX_BODY_BYTES = 1024 * 1024;
const API_PREFIX = '/api/';

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

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, services: AppServices): Promise<void> {
  const text = await readBody(req, MAX_BODY_BYTES);
  if (text === null) {
    sendResult(res, fail('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`));
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
  sendResult(res, await invokeMethod(services.handlers, method, parsed.data.input));
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const services = createAppServices({
    dataDir: options.dataDir,
    mode: 'web',
    version: options.version,
    backend: confBackend,
  });
  const serveStatic = sirv(options.rendererDir, { etag: true, dev: false });
  let port = options.port;

  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(API_PREFIX)) {
      const rejection = checkApiRequest(
        {
          method: req.method ?? 'GET',
          host: req.headers.host,
          origin: req.headers.origin,
          secFetchSite: req.headers['sec-fetch-site'] as string | undefined,
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
        },
        port,
        token,
      );
      if (rejection) {
        sendResult(res, fail(rejection.code, rejection.message), rejection.status);
        return;
      }
      handleApi(req, res, decodeURIComponent(path.slice(API_PREFIX.length)), services).catch((error: unknown) => {
        console.error('[atlas] API request failed:', error);
        if (!res.headersSent) sendResult(res, fail('INTERNAL', 'The server could not handle this request.'));
      });
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
  });

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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
