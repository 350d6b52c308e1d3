/**
 * Fetching a web page to save it for offline reading, with the limits a desktop app owes its user:
 * http(s) only (any host, loopback included: the user asked for this page), 20 s in all, 10 MB at
 * most, 5 redirects at most (followed by hand, so each target is checked), HTML only, and the text
 * decoded with the charset from the Content-Type header or the page's own <meta> (Chinese sites
 * still serve GBK / GB2312). Every failure is a `PageFetchError` with a sentence a person can act on.
 */
import { httpUrlProblem } from '../shared/rules/urls';
import { ServiceError } from './errors';

export const PAGE_TIMEOUT_MS = 20_000;
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export type PageFetchProblem = 'bad-url' | 'timeout' | 'cancelled' | 'http' | 'not-html' | 'too-large' | 'redirects' | 'network';

export class PageFetchError extends ServiceError {
  readonly code = 'NETWORK';
  constructor(
    readonly problem: PageFetchProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchedPage {
  /** The address the page was finally served from. */
  url: string;
  html: string;
  charset: string;
  bytes: number;
}

export interface PageFetchOptions {
  signal?: AbortSignal;
  /** Bytes received so far, and in all when the server said. */
  onProgress?: (received: number, total: number | null) => void;
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** The encoding a TextDecoder understands for a charset label; GB2312 pages are decoded as GBK. */
export function decoderLabel(charset: string | null): string {
  const label = (charset ?? 'utf-8').trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (label === 'gb2312' || label === 'gb_2312-80' || label === 'x-gbk') return 'gbk';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

function charsetOfContentType(contentType: string | null): string | null {
  return /charset\s*=\s*("?)([\w.:-]+)\1/i.exec(contentType ?? '')?.[2] ?? null;
}

/** `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes. */
function charsetOfMeta(head: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(text)?.[1] ?? null;
}

export async function fetchPage(url: string, options: PageFetchOptions = {}): Promise<FetchedPage> {
  const problem = httpUrlProblem(url);
  if (problem) throw new PageFetchError('bad-url', `Only web pages (http or https) can be saved: the address ${problem}.`);
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs ?? PAGE_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  const failed = (error: unknown): never => {
    if (options.signal?.aborted) throw new PageFetchError('cancelled', 'Saving the page was cancelled.');
    if (timeout.signal.aborted) throw new PageFetchError('timeout', `The page did not arrive within ${Math.round((options.timeoutMs ?? PAGE_TIMEOUT_MS) / 1000)} seconds.`);
    if (error instanceof PageFetchError) throw error;
    throw new PageFetchError('network', `The page could not be reached (${(error as Error).message}).`);
  };
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const response = await fetchImpl(current, { signal, redirect: 'manual', headers: { Accept: 'text/html,application/xhtml+xml' } }).catch(failed);
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        if (redirects >= MAX_REDIRECTS) throw new PageFetchError('redirects', `The page redirects more than ${MAX_REDIRECTS} times (a redirect loop?).`);
        const next = new URL(response.headers.get('location')!, current).href;
        const nextProblem = httpUrlProblem(next);
        if (nextProblem) throw new PageFetchError('bad-url', `The page redirects to an address that is not a web page (${nextProblem}).`);
        current = next;
        continue;
      }
      if (!response.ok) throw new PageFetchError('http', `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
      const contentType = response.headers.get('content-type');
      if (!contentType || !HTML_TYPES.test(contentType)) {
        throw new PageFetchError('not-html', `This address is not a web page (${contentType?.split(';')[0] ?? 'no content type'}); only HTML pages can be saved.`);
      }
      const declared = Number(response.headers.get('content-length'));
      const total = Number.isFinite(declared) && declared > 0 ? declared : null;
      if (total !== null && total > maxBytes) throw new PageFetchError('too-large', `The page is larger than ${maxBytes / 2 ** 20} MB.`);
      const chunks: Uint8Array[] = [];
      let received = 0;
      const reader = response.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read().catch(failed);
        if (done) break;
        received += value.byteLength;
        if (received > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new PageFetchError('too-large', `The page is larger than ${maxBytes / 2 ** 20} MB.`);
        }
        chunks.push(value);
        options.onProgress?.(received, total);
      }
      const body = new Uint8Array(received);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      const charset = decoderLabel(charsetOfContentType(contentType) ?? charsetOfMeta(body));
      return { url: current, html: new TextDecoder(charset).decode(body), charset, bytes: received };
    }
  } catch (error) {
    return failed(error);
  } finally {
    clearTimeout(timer);
  }
}
