import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { atlasContent } from './scripts/content/vite-plugin';
import { CONTENT_SECURITY_POLICY } from './src/shared/security/csp';

/** Puts the shared CSP into the built index.html, so browser mode and Electron load the same policy. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'atlas-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads run as CommonJS and may only require electron: everything else is bundled.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    publicDir: resolve('resources'),
    plugins: [svelte({ configFile: resolve('svelte.config.js') }), contentSecurityPolicyMeta(), atlasContent(resolve('.'))],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
