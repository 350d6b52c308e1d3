/**
 * The Content-Security-Policy of the renderer, one definition for the Electron protocol handler,
 * the browser-mode server (as headers) and the built index.html (as a meta tag).
 * Styles allow 'unsafe-inline' because Svelte sets style attributes; scripts never run inline or eval.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For a <meta http-equiv> tag (frame-ancestors is ignored there, so it is left out). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** For HTTP response headers. */
export const CONTENT_SECURITY_POLICY_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
