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

/** Same host, same origin: the checks every API and event request passes first. */
function checkCaller(facts: Pick<RequestFacts, 'host' | 'origin' | 'secFetchSite'>, port: number): GuardRejection | null {
  const hostProblem = checkHost(facts, port);
  if (hostProblem) return hostProblem;
  const ownOrigins = allowedHosts(port).map((host) => `http://${host}`);
  if (facts.origin !== undefined && !ownOrigins.includes(facts.origin.toLowerCase())) {
    return { status: 403, code: 'FORBIDDEN', message: `Requests from ${facts.origin.slice(0, 200)} are not allowed.` };
  }
  if (facts.secFetchSite !== undefined && !['same-origin', 'none'].includes(facts.secFetchSite)) {
    return { status: 403, code: 'FORBIDDEN', message: 'Cross-site requests are not allowed.' };
  }
  return null;
}

const WRONG_TOKEN: GuardRejection = {
  status: 401,
  code: 'UNAUTHORIZED',
  message: 'Missing or wrong access token: open the address that `npm run web` printed.',
};

/** Checks for `/api/<method>`: POST, same origin, JSON, and the launch token as a Bearer header. */
export function checkApiRequest(facts: RequestFacts, port: number, token: string): GuardRejection | null {
  const callerProblem = checkCaller(facts, port);
  if (callerProblem) return callerProblem;
  if (facts.method !== 'POST') {
    return { status: 405, code: 'BAD_REQUEST', message: 'API methods are called with POST.' };
  }
  const given = /^Bearer (.+)$/.exec(facts.authorization ?? '')?.[1];
  if (!given || !sameToken(given, token)) return WRONG_TOKEN;
  if (!facts.contentType || !/^application\/json\b/i.test(facts.contentType)) {
    return { status: 415, code: 'BAD_REQUEST', message: 'The request body must be JSON (Content-Type: application/json).' };
  }
  return null;
}

/**
 * Checks for the event stream `GET /api/events?token=…`: same origin and the launch token, given in
 * the query because EventSource cannot send headers.
 */
export function checkEventsRequest(facts: Pick<RequestFacts, 'method' | 'host' | 'origin' | 'secFetchSite'> & { queryToken: string | null }, port: number, token: string): GuardRejection | null {
  const callerProblem = checkCaller(facts, port);
  if (callerProblem) return callerProblem;
  if (facts.method !== 'GET') return { status: 405, code: 'BAD_REQUEST', message: 'The event stream is read with GET.' };
  if (!facts.queryToken || !sameToken(facts.queryToken, token)) return WRONG_TOKEN;
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
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'READ_ONLY':
      return 423;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    default:
      return 500;
  }
}
