/** Start-up decisions of the Electron main process, as pure functions with tests. */

/**
 * The renderer dev server's URL, trusted only under `electron-vite dev`: it sets both
 * ELECTRON_RENDERER_URL and NODE_ENV_ELECTRON_VITE=development. A packaged app, `npm start`
 * (electron-vite preview) or a stray variable in the user's environment never loads a remote page.
 */
export function devServerUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  if (isPackaged || env['NODE_ENV_ELECTRON_VITE'] !== 'development') return null;
  const url = env['ELECTRON_RENDERER_URL'];
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
    return parsed.protocol === 'http:' && loopback ? parsed.origin + parsed.pathname : null;
  } catch {
    return null;
  }
}
