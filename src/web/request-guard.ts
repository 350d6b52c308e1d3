/**
 * Pure checks for the browser-mode server: is this request for us (Host), from our page (Origin,
 * Sec-Fetch-Site) and allowed to call the API (token)? Kept free of I/O so each rule is unit-tested.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ErrorCode } from '../shared/result';

export interface RequestFacts {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
}

export interface GuardRejection {
  status: number;
  code: ErrorCode;
  message: string;
}

/** Host names a browser may use to reach us; anything else is DNS rebinding or a mistake. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks that apply to every request, static files included. */
export function checkHost(facts: Pick<RequestFacts, 'host'>, port: number): GuardRejection | null {
  if (!facts.host || !allowedHosts(port).includes(facts.host.toLowerCase())) {
    return { status: 421, code: 'FORBIDDEN', message: 'This server only answers requests addressed to 127.0.0.1.' };
  }
  return null;
}

/** Checks for `/api/*`: POST, same origin, JSON, and the launch token. */
export function checkApiRequest(facts: RequestFacts, port: number, token: string): GuardRejection | null {
  const hostProblem = checkHost(facts, port);
  if (hostProblem) return hostProblem;
  if (facts.method !== 'POST') {
    return { status: 405, code: 'BAD_REQUEST', message: 'API methods are called with POST.' };
  }
  const ownOrigins = allowedHosts(port).map((host) => `http://${host}`);
  if (facts.origin !== undefined && !ownOrigins.includes(facts.origin.toLowerCase())) {
    return { status: 403, code: 'FORBIDDEN', message: `Requests from ${facts.origin} are not allowed.` };
  }
  if (facts.secFetchSite !== undefined && !['same-origin', 'none'].includes(facts.secFetchSite)) {
    return { status: 403, code: 'FORBIDDEN', message: 'Cross-site requests are not allowed.' };
  }
  const given = /^Bearer (.+)$/.exec(facts.authorization ?? '')?.[1];
  if (!given || !sameToken(given, token)) {
    return {
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Missing or wrong access token: open the address that `npm run web` printed.',
    };
  }
  if (!facts.contentType || !/^application\/json\b/i.test(facts.contentType)) {
    return { status: 415, code: 'BAD_REQUEST', message: 'The request body must be JSON (Content-Type: application/json).' };
  }
  return null;
}

/** HTTP status for a result's error code, so logs and dev tools tell failures apart. */
export function statusForError(code: ErrorCode): number {
  switch (code) {
    case 'INVALID_INPUT':
    case 'BAD_REQUEST':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'UNKNOWN_METHOD':
      return 404;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    default:
      return 500;
  }
}
