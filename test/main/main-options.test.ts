import { describe, expect, it } from 'vitest';
import { devServerUrl } from '../../src/main/main-options';

describe('devServerUrl', () => {
  const dev = { NODE_ENV_ELECTRON_VITE: 'development', ELECTRON_RENDERER_URL: 'http://localhost:5173' };

  it('trusts the renderer URL under electron-vite dev only', () => {
    expect(devServerUrl(dev, false)).toBe('http://localhost:5173/');
    expect(devServerUrl({ ...dev, NODE_ENV_ELECTRON_VITE: 'production' }, false)).toBeNull();
    expect(devServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBeNull();
    expect(devServerUrl(dev, true)).toBeNull();
  });

  it.each(['https://evil.example/', 'http://192.168.1.5:5173', 'file:///etc/passwd', 'not a url', ''])('never loads %j, even in dev', (url) => {
    expect(devServerUrl({ ...dev, ELECTRON_RENDERER_URL: url }, false)).toBeNull();
  });
});
