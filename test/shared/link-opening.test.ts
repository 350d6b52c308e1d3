import { describe, expect, it } from 'vitest';
import { decideLinkOpening, otherChoice } from '../../src/shared/link-opening';

describe('where a link opens', () => {
  it('follows the preference in the desktop app, and a one-click override', () => {
    expect(decideLinkOpening('https://istio.io/', 'embedded', 'electron')).toBe('pane');
    expect(decideLinkOpening('https://istio.io/', 'external', 'electron')).toBe('system-browser');
    expect(decideLinkOpening('https://istio.io/', 'embedded', 'electron', 'system')).toBe('system-browser');
    expect(decideLinkOpening('https://istio.io/', 'external', 'electron', otherChoice('external'))).toBe('pane');
  });

  it('opens a new tab in browser mode, whatever the preference', () => {
    expect(decideLinkOpening('https://istio.io/', 'embedded', 'web')).toBe('tab');
    expect(decideLinkOpening('https://istio.io/', 'external', 'web', 'app')).toBe('tab');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'https://user:pw@example.com/', 'atlas://app/'])('refuses %s everywhere', (url) => {
    expect(decideLinkOpening(url, 'embedded', 'electron')).toBe('refuse');
    expect(decideLinkOpening(url, 'external', 'web')).toBe('refuse');
  });
});
