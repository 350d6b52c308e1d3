/** Serves the built renderer from atlas://app/ (never file://), with the CSP on every response. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/security/csp';
import { APP_SCHEME, appAssetPath } from '../shared/security/policies';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const relative = appAssetPath(request.url);
    if (!relative) return new Response('Not found', { status: 404 });
    try {
      const file = await net.fetch(pathToFileURL(join(rendererDir, relative)).toString());
      const headers = new Headers(file.headers);
      headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY_HEADER);
      headers.set('X-Content-Type-Options', 'nosniff');
      return new Response(file.body, { status: file.status, headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
