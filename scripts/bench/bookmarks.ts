/**
 * Bookmarks at scale: 10,000 records in the store file, as a heavy user might collect. Measures
 * opening the service (start-up: read and check the file), the first page of the Bookmarks view,
 * a text filter, the library summary, and adding and editing bookmarks (each change rewrites the
 * file): the first add alone, then p95 over `CHANGES` adds and `CHANGES` edits at that size.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BookmarksService } from '../../src/services/bookmarks-service';
import { confBackend } from '../../src/services/conf-backend';
import { openStore } from '../../src/services/store';
import { bookmarksSpec } from '../../src/services/store-specs';
import { BOOKMARK_RECORD_VERSION, BOOKMARKS_SCHEMA_VERSION, type Bookmark, type BookmarksFile } from '../../src/shared/study';
import { seededRandom } from './synthetic-corpus';
import { p95, round as roundTo, time } from './timing';

export interface BookmarkBench {
  bookmarks: number;
  fileBytes: number;
  openMs: number;
  firstPageMs: number;
  filterMs: number;
  summaryMs: number;
  addMs: number;
  /** p95 of one `bookmarks.add` / `bookmarks.update` with the store at this size. */
  addP95Ms: number;
  updateP95Ms: number;
  changes: number;
}

const CHANGES = 40;

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
      v: BOOKMARK_RECORD_VERSION,
      id: `bench-${i}`,
      seq: i,
      revision: 1,
      target,
      title: `${note} 笔记 ${i} — page about ${note}`,
      tags: [note, i % 7 === 0 ? '复习' : 'later'],
      comment: i % 5 === 0 ? `Remember to read about ${note} again / 再读一遍` : '',
      createdAt: at,
      updatedAt: at,
    });
  }
  return { schemaVersion: BOOKMARKS_SCHEMA_VERSION, nextSeq: count, bookmarks };
}

export function benchBookmarks(count = 10_000): BookmarkBench {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  try {
    writeFileSync(join(dir, 'bookmarks.json'), JSON.stringify(syntheticBookmarks(count)));
    const [service, openMs] = time(() => {
      const { file, data } = openStore({ spec: bookmarksSpec, dataDir: dir, backend: confBackend, onNotice: () => {} });
      return new BookmarksService(file, data);
    });
    const [, firstPageMs] = time(() => service.list({ limit: 100 }));
    const [, filterMs] = time(() => service.list({ text: '再读', sort: 'title', limit: 100 }));
    const [, summaryMs] = time(() => service.summary());
    const [, addMs] = time(() => service.add({ target: { kind: 'url', url: 'https://example.com/new' }, title: 'New' }));
    const adds: number[] = [];
    for (let i = 0; i < CHANGES; i++) adds.push(time(() => service.add({ target: { kind: 'url', url: `https://example.com/more/${i}` }, title: `More ${i}` }))[1]);
    const updates: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const id = `bench-${i * 97}`;
      updates.push(time(() => service.update({ id, revision: 1, tags: ['edited'] }))[1]);
    }
    const round = (n: number) => roundTo(n, 1);
    return {
      bookmarks: count,
      fileBytes: statSync(join(dir, 'bookmarks.json')).size,
      openMs: round(openMs),
      firstPageMs: round(firstPageMs),
      filterMs: round(filterMs),
      summaryMs: round(summaryMs),
      addMs: round(addMs),
      addP95Ms: round(p95(adds)),
      updateP95Ms: round(p95(updates)),
      changes: CHANGES,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
