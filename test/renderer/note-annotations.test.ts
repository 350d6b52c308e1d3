import { describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../src/shared/anchoring/selectors';
import type { Annotation } from '../../src/shared/annotations';
import type { AtlasApi } from '../../src/shared/api';
import { fail, ok } from '../../src/shared/result';
import { NoteAnnotations } from '../../src/renderer/features/annotations/note-annotations.svelte';
import { annotationAt, placeAnnotations } from '../../src/shared/anchoring/placement';

const TEXT = 'Listeners accept connections. Filter chains process them. Clusters group hosts.';
let next = 0;
function annotation(quote: string, text = TEXT, extra: Partial<Annotation> = {}): Annotation {
  const at = text.indexOf(quote);
  return {
    v: 1, id: `a${++next}`, revision: 1, noteId: 'envoy', pageId: null, language: 'en', sectionId: 'concepts',
    selectors: describeRange(text, at, at + quote.length), color: 'yellow', comment: '', tags: [],
    createdAt: `2026-11-26T00:00:0${next % 10}.000Z`, updatedAt: '2026-11-26T00:00:00.000Z', ...extra,
  };
}

describe('placing annotations in a note', () => {
  it('orders anchored ones by position and lists orphans after them', () => {
    const clusters = annotation('Clusters group hosts');
    const listeners = annotation('Listeners accept');
    const gone = annotation('a sentence that was deleted', 'x a sentence that was deleted y');
    const placements = placeAnnotations(TEXT, [clusters, gone, listeners]);
    expect(placements.map((p) => [p.annotation.id, p.orphaned])).toEqual([[listeners.id, false], [clusters.id, false], [gone.id, true]]);
  });

  it('finds the highlight under an offset, the shortest when they overlap', () => {
    const wide = annotation('Filter chains process them');
    const narrow = annotation('chains');
    const placements = placeAnnotations(TEXT, [wide, narrow]);
    expect(annotationAt(placements, TEXT.indexOf('chains') + 1)?.id).toBe(narrow.id);
    expect(annotationAt(placements, TEXT.indexOf('process'))?.id).toBe(wide.id);
    expect(annotationAt(placements, 0)).toBeNull();
  });
});

describe('the note annotations state', () => {
  function api(overrides: Partial<AtlasApi['annotations']>): AtlasApi {
    return { annotations: { list: vi.fn(async () => ok({ items: [], total: 0, tags: [] })), ...overrides } } as unknown as AtlasApi;
  }

  it('adds, recolours, removes and restores through the services, keeping its list in step', async () => {
    const stored = annotation('Filter chains');
    const state = new NoteAnnotations(
      api({
        add: vi.fn(async () => ok(stored)),
        update: vi.fn(async () => ok({ ...stored, color: 'green' as const, revision: 2 })),
        remove: vi.fn(async () => ok(stored)),
        restore: vi.fn(async () => ok(stored)),
      }),
      { noteId: 'envoy', language: 'en' },
      TEXT,
    );
    await state.load();
    await state.add(stored.selectors, 'concepts', 'yellow');
    expect(state.items).toEqual([stored]);
    expect(state.placements[0]).toMatchObject({ orphaned: false, start: TEXT.indexOf('Filter chains') });
    await state.update(stored, { color: 'green' });
    expect(state.items[0]!.color).toBe('green');
    await state.remove(stored);
    expect(state.items).toEqual([]);
    await state.restore(stored.id);
    expect(state.items).toEqual([stored]);
  });

  it('reloads after a conflict and reports the error', async () => {
    const stored = annotation('Clusters');
    const list = vi.fn(async () => ok({ items: [{ ...stored, revision: 3, comment: 'from the other window' }], total: 1, tags: [] }));
    const state = new NoteAnnotations(api({ list, update: vi.fn(async () => fail('CONFLICT', 'changed elsewhere')) }), { noteId: 'envoy', language: 'en' }, TEXT);
    expect(await state.update(stored, { comment: 'mine' })).toBeNull();
    expect(state.error).toBe('changed elsewhere');
    expect(state.items[0]).toMatchObject({ revision: 3, comment: 'from the other window' });
  });
});
