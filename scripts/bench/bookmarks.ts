/**
 * Bookmarks at scale: 10,000 records in the store file, as a heavy user might collect. Measures
 * opening the service (start-up: read and check the file), the first page of the Bookmarks view,
 * a text filter, the library summary, and adding one more (which rewrites the file).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BookmarksService } from '../../src/services/bookmarks-service';
import { confBackend } from '../../src/services/conf-backend';
import { loadStoreFile } from '../../src/services/store';
import { BookmarksFileSchema, DEFAULT_BOOKMARKS_FILE, type Bookmark, type BookmarksFile } from '../../src/shared/study';
import { seededRandom } from './synthetic-corpus';

export interface BookmarkBench {
  bookmarks: number;
  fileBytes: number;
  openMs: number;
  firstPageMs: number;
  filterMs: number;
  summaryMs: number;
  addMs: number;
}

const NOTES = ['cncf', 'envoy', 'istio', 'linkerd', 'kubernetes', 'prometheus', 'grpc', 'coredns', 'containerd', 'rkt', 'docker'];

export function syntheticBookmarks(count: number, seed = 3): BookmarksFile {
  const random = seededRandom(seed);
  const bookmarks: Bookmark[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const note = NOTES[Math.floor(random() * NOTES.length)]!;
    const roll = random();
    const target: Bookmark['target'] =
      roll < 0.3 ? { kind: 'section', noteId: note, sectionId: 'architecture' } : { kind: 'url', url: `https://example.com/${note}/${i}` };
    bookmarks.push({
      v: 1,
      id: `bench-${i}`,
      seq: i,
      target,
      title: `${note} 笔记 ${i} — page about ${note}`,
      tags: [note, i % 7 === 0 ? '复习' : 'later'],
      comment: i % 5 === 0 ? `Remember to read about ${note} again / 再读一遍` : '',
      createdAt: at,
      updatedAt: at,
    });
  }
  return { schemaVersion: 1, nextSeq: count, bookmarks };
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

export function benchBookmarks(count = 10_000): BookmarkBench {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  try {
    writeFileSync(join(dir, 'bookmarks.json'), JSON.stringify(syntheticBookmarks(count)));
    const [service, openMs] = time(() => {
      const { file, data } = loadStoreFile({ name: 'bookmarks', dataDir: dir, schema: BookmarksFileSchema, defaults: DEFAULT_BOOKMARKS_FILE, backend: confBackend, onNotice: () => {} });
      return new BookmarksService(file, data);
    });
    const [, firstPageMs] = time(() => service.list({ limit: 100 }));
    const [, filterMs] = time(() => service.list({ text: '再读', sort: 'title', limit: 100 }));
    const [, summaryMs] = time(() => service.summary());
    const [, addMs] = time(() => service.add({ target: { kind: 'url', url: 'https://example.com/new' }, title: 'New' }));
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      bookmarks: count,
      fileBytes: statSync(join(dir, 'bookmarks.json')).size,
      openMs: round(openMs),
      firstPageMs: round(firstPageMs),
      filterMs: round(filterMs),
      summaryMs: round(summaryMs),
      addMs: round(addMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
