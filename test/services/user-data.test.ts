import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/services/app-services';
import { confBackend } from '../../src/services/conf-backend';
import { invokeMethod } from '../../src/services/dispatch';
import { describeRange } from '../../src/shared/anchoring/selectors';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
let clock = Date.parse('2026-11-26T08:00:00.000Z');
const now = () => new Date((clock += 1000));
const services = (dir = tempDir()) => createAppServices({ dataDir: dir, mode: 'web', version: '0.2.0', backend: confBackend, now });

async function call<T>(app: ReturnType<typeof services>, method: string, input?: unknown): Promise<T> {
  const result = await invokeMethod(app.handlers, method, input, { checkOutputs: true });
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const TEXT = 'Listeners accept connections; filter chains process them.';

async function fill(app: ReturnType<typeof services>) {
  await call(app, 'settings.update', { theme: 'dark', language: 'zh' });
  await call(app, 'bookmarks.add', { target: { kind: 'section', noteId: 'envoy', sectionId: 'xds' }, title: 'xDS', tags: ['复习'], comment: 'ADS order' });
  await call(app, 'bookmarks.add', { target: { kind: 'url', url: 'https://example.com/a?b=1#c' }, title: '<b>page</b>' });
  await call(app, 'progress.save', { noteId: 'envoy', sectionId: 'xds', quote: 'The xDS APIs', percent: 40 });
  await call(app, 'progress.mark', { noteId: 'istio', read: true });
  for (let i = 0; i < 3; i++) {
    await call(app, 'annotations.add', {
      noteId: 'envoy', language: i === 2 ? 'zh' : 'en', sectionId: 'concepts', selectors: describeRange(TEXT, i * 5, i * 5 + 10),
      color: (['yellow', 'green', 'blue'] as const)[i], comment: i === 1 ? '<script>alert(1)</script>' : '', tags: i ? ['t'] : [],
    });
  }
}

describe('export and import of all user data', () => {
  it('round-trips every record exactly into an empty data folder', async () => {
    const source = services();
    await fill(source);
    const exported = await call<Record<string, unknown>>(source, 'userData.export');
    const target = services();
    const plan = await call(target, 'userData.import', { content: JSON.stringify(exported) });
    expect(plan).toEqual({
      bookmarks: { add: 2, skip: 0, newer: 0 },
      progress: { add: 2, skip: 0, newer: 0 },
      annotations: { add: 3, skip: 0, newer: 0 },
      settings: true,
    });
    const again = await call<Record<string, unknown>>(target, 'userData.export');
    expect({ ...again, exportedAt: null }).toEqual({ ...exported, exportedAt: null });
  });

  it('previews without changing anything, then merges without duplicates and takes newer records', async () => {
    const dir = tempDir();
    const app = services(dir);
    await fill(app);
    const file = await call<{ bookmarks: { id: string; title: string; updatedAt: string }[]; annotations: { id: string; comment: string; updatedAt: string }[] }>(app, 'userData.export');
    // Newer than ours: one annotation edited later elsewhere; plus a bookmark we do not have.
    file.annotations[0] = { ...file.annotations[0]!, comment: 'edited on the other machine', updatedAt: '2030-01-01T00:00:00.000Z' };
    file.bookmarks.push({ ...file.bookmarks[0]!, id: 'other-id', seq: 99, target: { kind: 'note', noteId: 'linkerd' }, title: 'Linkerd' } as never);
    const content = JSON.stringify(file);
    const before = readFileSync(join(dir, 'annotations.json'), 'utf8');
    const preview = await call(app, 'userData.previewImport', { content });
    expect(preview).toEqual({
      bookmarks: { add: 1, skip: 2, newer: 0 },
      progress: { add: 0, skip: 2, newer: 0 },
      annotations: { add: 0, skip: 2, newer: 1 },
      settings: false,
    });
    expect(readFileSync(join(dir, 'annotations.json'), 'utf8')).toBe(before);
    await call(app, 'userData.import', { content });
    expect(app.bookmarks.all()).toHaveLength(3);
    expect(app.annotations.all()).toHaveLength(3);
    expect(app.annotations.all().find((a) => a.comment === 'edited on the other machine')).toBeDefined();
    expect(await call(app, 'userData.previewImport', { content })).toMatchObject({ bookmarks: { add: 0 }, annotations: { add: 0, newer: 0 } });
  });

  it.each([
    ['not JSON', '{"format":', /not valid JSON/],
    ['another format', JSON.stringify({ format: 'something-else', version: 1 }), /not a Cloud Native Atlas export/],
    ['a newer version', JSON.stringify({ format: 'cloud-native-atlas/user-data', version: 9 }), /newer version of the app/],
    ['a bad record', JSON.stringify({ format: 'cloud-native-atlas/user-data', version: 1, exportedAt: '2026-11-26T00:00:00.000Z', appVersion: '0.2.0', settings: {}, bookmarks: [], progress: [], annotations: [] }), /expected content/],
  ])('refuses %s, says why, and changes nothing', async (_label, content, message) => {
    const dir = tempDir();
    const app = services(dir);
    await fill(app);
    const files = ['settings.json', 'bookmarks.json', 'progress.json', 'annotations.json'].map((name) => readFileSync(join(dir, name), 'utf8'));
    const result = await invokeMethod(app.handlers, 'userData.import', { content });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(message) } });
    expect((result as { error: { message: string } }).error.message).toMatch(/nothing was imported/);
    expect(['settings.json', 'bookmarks.json', 'progress.json', 'annotations.json'].map((name) => readFileSync(join(dir, name), 'utf8'))).toEqual(files);
  });
});

describe('annotations on saved pages', () => {
  it('are stored with their page instead of a note, listed by page, and must name exactly one of the two', async () => {
    const app = services();
    const selectors = describeRange(TEXT, 0, 9);
    const onPage = await call<{ id: string; noteId: string | null; pageId: string }>(app, 'annotations.add', { pageId: '0f1e2d3c-aaaa-4bbb-8ccc-123456789abc', language: 'en', sectionId: null, selectors, color: 'blue' });
    expect(onPage).toMatchObject({ noteId: null, pageId: '0f1e2d3c-aaaa-4bbb-8ccc-123456789abc' });
    await call(app, 'annotations.add', { noteId: 'envoy', language: 'en', sectionId: null, selectors, color: 'yellow' });
    expect(await call(app, 'annotations.list', { pageId: '0f1e2d3c-aaaa-4bbb-8ccc-123456789abc' })).toMatchObject({ total: 1, items: [{ id: onPage.id }] });
    for (const both of [{}, { noteId: 'envoy', pageId: '0f1e2d3c-aaaa-4bbb-8ccc-123456789abc' }]) {
      expect(await invokeMethod(app.handlers, 'annotations.add', { ...both, language: 'en', sectionId: null, selectors, color: 'blue' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringContaining('exactly one of noteId and pageId') },
      });
    }
  });
});
