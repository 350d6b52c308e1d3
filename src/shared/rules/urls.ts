/**
 * The one rule for web addresses the app stores, opens or hands to the operating system: http(s)
 * only, well-formed, with a host and without embedded credentials (`https://user:pw@host` is a
 * classic way to disguise where a link goes). Never file:, javascript:, data: or custom schemes.
 */
import { z } from 'zod';

export const MAX_URL_LENGTH = 2048;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Why `url` is not a safe http(s) address, or null when it is. */
export function httpUrlProblem(url: string): string | null {
  if (url.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  const parsed = parse(url.trim());
  if (!parsed) return 'must be a full web address (https://…)';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http(s) URL';
  if (!parsed.hostname) return 'must name a host';
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  return null;
}

export function isSafeHttpUrl(url: string): boolean {
  return httpUrlProblem(url) === null;
}

export const HttpUrlSchema = z.string().superRefine((url, context) => {
  const problem = httpUrlProblem(url);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});
