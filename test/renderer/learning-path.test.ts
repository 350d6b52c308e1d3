import { describe, expect, it } from 'vitest';
import type { LearningPath, Note } from '../../src/shared/content';
import type { Progress } from '../../src/shared/study';
import { pathStanding, stepState } from '../../src/renderer/features/library/learning-path';

const sections = (ids: [string, string | null][]) => ids.map(([id, parentId]) => ({ id, level: parentId ? (3 as const) : (2 as const), title: id, parentId, text: '' }));
const noteText = (ids: [string, string | null][]) => ({ title: 't', summary: '', tags: [], aliases: [], html: '', plain: '', sections: sections(ids) });
const note = (id: string, ids: [string, string | null][]): Note => ({ id, category: 'networking', cncfStatus: 'graduated', related: [], text: { zh: noteText(ids), en: noteText(ids) } });

const coredns = note('coredns', [['overview', null], ['concepts', null], ['ndots', 'concepts'], ['ndots-fixes', 'concepts'], ['architecture', null], ['status', null]]);
const grpc = note('grpc', [['overview', null], ['wire', null], ['status', null]]);
const progress = (noteId: string, sectionId: string | null, maxPercent = 30, read = false): Progress => ({
  v: 1, noteId, sectionId, quote: '', percent: maxPercent, maxPercent, read, updatedAt: '2026-11-26T00:00:00.000Z',
});

describe('a step of a learning path', () => {
  it('is not started without progress, here while the reader is in its section, done once past it', () => {
    expect(stepState(coredns, 'ndots', undefined)).toBe('todo');
    expect(stepState(coredns, 'ndots', progress('coredns', 'overview'))).toBe('todo');
    expect(stepState(coredns, 'ndots', progress('coredns', 'ndots'))).toBe('here');
    expect(stepState(coredns, 'ndots', progress('coredns', 'architecture'))).toBe('done');
  });

  it('counts the section’s own sub-sections as being in it', () => {
    expect(stepState(coredns, 'concepts', progress('coredns', 'ndots-fixes'))).toBe('here');
  });

  it('is done when the note is marked read or read to the end, wherever the reader stopped', () => {
    expect(stepState(coredns, 'ndots', progress('coredns', 'overview', 10, true))).toBe('done');
    expect(stepState(coredns, 'ndots', progress('coredns', 'overview', 97))).toBe('done');
  });

  it('tolerates a saved place whose section no longer exists', () => {
    expect(stepState(coredns, 'ndots', progress('coredns', 'removed-section'))).toBe('todo');
  });
});

describe('standing on a path', () => {
  const path: LearningPath = {
    id: 'p',
    title: { zh: 'p', en: 'p' },
    description: { zh: 'p', en: 'p' },
    steps: [
      { note: 'coredns', section: 'ndots', title: { zh: '1', en: '1' } },
      { note: 'grpc', section: 'wire', title: { zh: '2', en: '2' } },
    ],
  };
  const notes = new Map([['coredns', coredns], ['grpc', grpc]]);

  it('counts done steps and points at the first one not done', () => {
    const saved = new Map([['coredns', progress('coredns', 'status')]]);
    expect(pathStanding(path, (id) => notes.get(id), (id) => saved.get(id))).toEqual({ states: ['done', 'todo'], done: 1, next: 1 });
    saved.set('grpc', progress('grpc', 'wire', 100, true));
    expect(pathStanding(path, (id) => notes.get(id), (id) => saved.get(id))).toEqual({ states: ['done', 'done'], done: 2, next: null });
  });
});
