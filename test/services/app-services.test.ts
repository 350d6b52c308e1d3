import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/services/app-services';
import { confBackend } from '../../src/services/conf-backend';
import { invokeMethod, type AnyHandlers } from '../../src/services/dispatch';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();

function services(dataDir: string, now = () => new Date('2026-11-24T08:00:00.000Z')) {
  return createAppServices({ dataDir, mode: 'web', version: '9.9.9', backend: confBackend, now });
}

describe('settings through the dispatcher', () => {
  it('starts from defaults and keeps updates across restarts', async () => {
    const dir = tempDir();
    const first = services(dir);
    expect(await invokeMethod(first.handlers, 'settings.get', undefined)).toMatchObject({
      ok: true,
      value: { language: null, theme: 'system', docsOpening: 'embedded', updatedAt: null },
    });
    const updated = await invokeMethod(first.handlers, 'settings.update', { language: 'zh', theme: 'dark' });
    expect(updated).toMatchObject({ ok: true, value: { language: 'zh', theme: 'dark', updatedAt: '2026-11-24T08:00:00.000Z' } });

    const second = services(dir);
    expect(await invokeMethod(second.handlers, 'settings.get', undefined)).toMatchObject({
      ok: true,
      value: { language: 'zh', theme: 'dark', docsOpening: 'embedded' },
    });
  });

  it('applies partial updates without touching other settings', async () => {
    const { handlers } = services(tempDir());
    await invokeMethod(handlers, 'settings.update', { theme: 'light' });
    const result = await invokeMethod(handlers, 'settings.update', { docsOpening: 'external' });
    expect(result).toMatchObject({ ok: true, value: { theme: 'light', docsOpening: 'external' } });
  });

  it('answers bad input with an error naming the field and changes nothing', async () => {
    const { handlers } = services(tempDir());
    const result = await invokeMethod(handlers, 'settings.update', { theme: 'neon' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/settings\.update: theme: /) },
    });
    expect(await invokeMethod(handlers, 'settings.get', undefined)).toMatchObject({ value: { theme: 'system' } });
  });

  it('refuses unknown methods', async () => {
    const { handlers } = services(tempDir());
    expect(await invokeMethod(handlers, 'settings.delete', undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await invokeMethod(handlers, 'constructor', undefined)).toMatchObject({ ok: false });
  });

  it('turns a handler that throws into an INTERNAL error instead of crashing', async () => {
    const { handlers } = services(tempDir());
    const broken: AnyHandlers = {
      ...handlers,
      'settings.get': () => {
        throw new Error('disk on fire');
      },
    };
    expect(await invokeMethod(broken, 'settings.get', undefined)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'settings.get failed: disk on fire' },
    });
  });
});

describe('app.info', () => {
  it('tells the version, mode, data folder and store recoveries', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), 'garbage');
    const { handlers } = services(dir);
    const result = await invokeMethod(handlers, 'app.info', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: {
        name: 'Cloud Native Atlas',
        version: '9.9.9',
        mode: 'web',
        dataDir: dir,
        notices: [{ store: 'settings', movedTo: join(dir, 'settings.corrupt-2026-11-24T08-00-00-000Z.json') }],
      },
    });
  });
});

describe('the live search index feed', () => {
  it('lists every bookmark as a search document and reports each change as an event', async () => {
    const dir = tempDir();
    const app = services(dir);
    const seen: unknown[] = [];
    app.events.subscribe((event, payload) => {
      if (event === 'search.userDocument') seen.push(payload);
    });
    const added = await invokeMethod(app.handlers, 'bookmarks.add', { target: { kind: 'url', url: 'https://example.com/a' }, title: 'A page', tags: ['读'], comment: '复习' });
    const id = (added as { value: { id: string } }).value.id;
    await invokeMethod(app.handlers, 'bookmarks.update', { id, revision: 1, title: 'Renamed' });
    expect(await invokeMethod(app.handlers, 'search.userDocuments', undefined, { checkOutputs: true })).toEqual({
      ok: true,
      value: [{ ref: `bookmark:${id}`, kind: 'bookmark', noteId: null, sectionId: null, pageId: null, url: 'https://example.com/a', title: 'Renamed', tags: ['读'], body: '复习\nhttps://example.com/a' }],
    });
    await invokeMethod(app.handlers, 'bookmarks.remove', { id });
    expect(seen).toEqual([
      { op: 'upsert', document: expect.objectContaining({ title: 'A page' }) },
      { op: 'upsert', document: expect.objectContaining({ title: 'Renamed' }) },
      { op: 'remove', ref: `bookmark:${id}` },
    ]);
  });
});
