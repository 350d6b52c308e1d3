/**
 * Electron's side of the contract's `shell` methods: the system browser and the native file
 * dialogs. Browser mode answers the same methods in src/web/server.ts.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import type { ShellHandlers } from '../services/dispatch';
import { BadFileError } from '../services/errors';
import { MAX_IMPORT_BYTES } from '../shared/user-data';
import type { DocsPane } from './docs-pane';
import { openExternalSafely } from './hardening';

const FILTERS = {
  json: [{ name: 'JSON', extensions: ['json'] }],
  markdown: [{ name: 'Markdown', extensions: ['md'] }],
};

export function createElectronShell(window: () => BrowserWindow | null, pane: DocsPane): ShellHandlers {
  return {
    'docs.open': async ({ url }) => ({ how: 'pane', state: await pane.open(url) }),
    'docs.command': ({ command }) => pane.command(command),
    'docs.setBounds': (bounds) => {
      pane.setBounds(bounds);
      return { ok: true };
    },
    'shell.openExternal': ({ url }) => {
      openExternalSafely(url);
      return { how: 'system-browser' };
    },
    'shell.saveFile': async ({ suggestedName, content, kind }) => {
      const owner = window();
      const options = { defaultPath: suggestedName, filters: FILTERS[kind] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { how: 'cancelled' };
      await writeFile(choice.filePath, content, 'utf8');
      return { how: 'saved', path: choice.filePath };
    },
    'shell.openFile': async ({ kind }) => {
      const owner = window();
      const options = { properties: ['openFile' as const], filters: FILTERS[kind] };
      const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return { how: 'cancelled' };
      if ((await stat(path)).size > MAX_IMPORT_BYTES) {
        throw new BadFileError(`${basename(path)} is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MB, the most that can be imported.`);
      }
      return { how: 'opened', name: basename(path), content: await readFile(path, 'utf8') };
    },
  };
}
