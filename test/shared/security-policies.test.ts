import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../src/shared/security/csp';
import {
  APP_ORIGIN,
  appAssetPath,
  decideWindowOpen,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  mayGrantPermission,
  mayNavigateMainWindow,
  secureWebPreferences,
} from '../../src/shared/security/policies';

const origins = [APP_ORIGIN];

describe('external URLs', () => {
  it.each(['https://kubernetes.io/', 'http://istio.doczh.cn/', 'https://github.com/envoyproxy/envoy?tab=readme#top'])(
    'allows %s',
    (url) => expect(isSafeExternalUrl(url)).toBe(true),
  );

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'atlas://app/index.html',
    'ms-settings:privacy',
    'smb://server/share',
    'https://user:secret@example.com/',
    'not a url',
    '',
    `https://example.com/${'a'.repeat(9000)}`,
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});

describe('main window navigation', () => {
  it('stays inside the app', () => {
    expect(mayNavigateMainWindow('atlas://app/index.html#/settings', origins)).toBe(true);
    expect(mayNavigateMainWindow('atlas://evil/index.html', origins)).toBe(false);
    expect(mayNavigateMainWindow('https://kubernetes.io/', origins)).toBe(false);
    expect(mayNavigateMainWindow('file:///tmp/index.html', origins)).toBe(false);
  });

  it('allows the dev server only when it is listed', () => {
    expect(mayNavigateMainWindow('http://localhost:5173/', origins)).toBe(false);
    expect(mayNavigateMainWindow('http://localhost:5173/', [...origins, 'http://localhost:5173'])).toBe(true);
    expect(isAppUrl('http://localhost:5174/', [...origins, 'http://localhost:5173'])).toBe(false);
  });
});

describe('new windows', () => {
  it('are always denied; safe links go to the system browser', () => {
    expect(decideWindowOpen('https://prometheus.io/')).toEqual({
      action: 'deny',
      thenOpenExternally: true,
      url: 'https://prometheus.io/',
    });
    expect(decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', thenOpenExternally: false });
    expect(decideWindowOpen('file:///etc/passwd')).toEqual({ action: 'deny', thenOpenExternally: false });
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'midi', 'openExternal', 'hid', 'serial', 'fullscreen'])(
    'denies %s even to the app',
    (permission) => expect(mayGrantPermission(permission, 'atlas://app/index.html', origins)).toBe(false),
  );

  it('lets only the app write to the clipboard', () => {
    expect(mayGrantPermission('clipboard-sanitized-write', 'atlas://app/index.html', origins)).toBe(true);
    expect(mayGrantPermission('clipboard-sanitized-write', 'atlas://app', origins)).toBe(true);
    expect(mayGrantPermission('clipboard-sanitized-write', 'https://istio.io/', origins)).toBe(false);
  });
});

describe('IPC senders', () => {
  it('trusts only the top frame of the app', () => {
    expect(isTrustedSender({ url: 'atlas://app/index.html', isTopFrame: true }, origins)).toBe(true);
    expect(isTrustedSender({ url: 'atlas://app/index.html', isTopFrame: false }, origins)).toBe(false);
    expect(isTrustedSender({ url: 'https://istio.io/docs/', isTopFrame: true }, origins)).toBe(false);
    expect(isTrustedSender(null, origins)).toBe(false);
  });
});

describe('app protocol paths', () => {
  it.each([
    ['atlas://app/', 'index.html'],
    ['atlas://app/index.html', 'index.html'],
    ['atlas://app/assets/index-abc.js', 'assets/index-abc.js'],
    ['atlas://app/assets/./x.css?v=1', 'assets/x.css'],
  ])('maps %s to %s', (url, path) => expect(appAssetPath(url)).toBe(path));

  it('resolves dot segments inside the folder, never above it', () => {
    expect(appAssetPath('atlas://app/%2e%2e/%2e%2e/etc/passwd')).toBe('etc/passwd');
    expect(appAssetPath('atlas://app/../../index.html')).toBe('index.html');
  });

  it.each([
    'atlas://app/..%2f..%2fetc/passwd',
    'atlas://app/assets%5c..%5c..%5csecret',
    'atlas://app/a%00.js',
    'atlas://other/index.html',
    'https://app/index.html',
    'atlas://app/%E0%A4%A',
  ])('refuses %s', (url) => expect(appAssetPath(url)).toBeNull());
});

describe('window and page hardening', () => {
  it('uses isolated, sandboxed windows without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('never lets scripts run inline or through eval', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER]) {
      const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'));
      expect(scriptSrc).toBe("script-src 'self'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).toContain("object-src 'none'");
    }
    expect(CONTENT_SECURITY_POLICY_HEADER).toContain("frame-ancestors 'none'");
  });
});
