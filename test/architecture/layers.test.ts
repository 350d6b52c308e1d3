import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, findLayerViolations, packageKind } from './layer-rules';

const root = resolve(import.meta.dirname, '..', '..');
const file = (path: string) => join(root, path);

describe('layer rules (ARCHITECTURE.md)', () => {
  it('hold for every file in src/ and scripts/', () => {
    expect(findLayerViolations(root)).toEqual([]);
  });

  it.each([
    ['src/renderer/app/x.ts', "import { app } from 'electron';", 'renderer may not import electron packages'],
    ['src/renderer/app/x.ts', "import { readFileSync } from 'node:fs';", 'renderer may not import node packages'],
    ['src/renderer/app/x.ts', "import { SettingsService } from '../../services/settings-service';", 'renderer may not import services'],
    ['src/services/x.ts', "import Store from 'electron-store';", 'services may not import electron packages'],
    ['src/services/x.ts', "import { mount } from 'svelte';", 'services may not import svelte packages'],
    ['src/shared/x.ts', "import { join } from 'path';", 'shared may not import node packages'],
    ['src/shared/x.ts', "const m = await import('../main/index');", 'shared may not import main'],
    ['src/preload/index.ts', "import { z } from 'zod';", 'preload may not import library packages'],
    ['src/preload/index.ts', "import { invokeMethod } from '../services/dispatch';", 'preload may not import services'],
    ['src/web/x.ts', "const { shell } = require('electron');", 'web may not import electron packages'],
    ['src/main/x.ts', "import App from '../renderer/app/App.svelte';", 'main may not import renderer'],
    ['scripts/x.ts', "import { runWebCli } from '../src/web/cli';", 'scripts may not import web'],
    ['src/renderer/ui/X.svelte', "import { useAppState } from '../app/context';", 'renderer/ui may not import renderer/app'],
    ['src/renderer/ui/X.svelte', "import { groupResults } from '../features/search/search-groups';", 'renderer/ui may not import renderer/features'],
  ])('catches a wrong import in %s: %s', (path, source, reason) => {
    expect(checkFile(root, file(path), source).map((v) => v.reason)).toEqual([reason]);
  });

  it.each([
    ['src/main/x.ts', "import { app } from 'electron';\nimport { createAppServices } from '../services/app-services';"],
    ['src/renderer/x.ts', "import type { AtlasApi } from '../shared/api';\nimport { mount } from 'svelte';"],
    ['src/web/x.ts', "import { createServer } from 'node:http';\nimport sirv from 'sirv';"],
    ['src/preload/index.ts', "import { contextBridge } from 'electron';\nimport { channelOf } from '../shared/api';"],
    ['src/renderer/features/x.ts', "import Toast from '../ui/Toast.svelte';\nimport { useAppState } from '../app/context';"],
  ])('accepts allowed imports in %s', (path, source) => {
    expect(checkFile(root, file(path), source)).toEqual([]);
  });

  it('tells package kinds apart', () => {
    expect(packageKind('node:fs')).toBe('node');
    expect(packageKind('fs/promises')).toBe('node');
    expect(packageKind('electron-store')).toBe('electron');
    expect(packageKind('@lucide/svelte/icons/x')).toBe('svelte');
    expect(packageKind('zod')).toBe('library');
  });
});
