/**
 * Annotations: add, edit (with the revision it was based on), remove with undo, and list with
 * filters and pages in document order (note, then position), so 10,000 of them stay quick. Like
 * bookmarks, every change is one synchronous read-modify-write of the store file.
 */
import { randomUUID } from 'node:crypto';
import {
  ANNOTATION_RECORD_VERSION,
  type Annotation,
  type AnnotationAdd,
  type AnnotationListInput,
  type AnnotationPage,
  type AnnotationsFile,
  type AnnotationUpdate,
} from '../shared/annotations';
import { ConflictError, NotFoundError } from './errors';
import type { StoreFile } from './store';

export type AnnotationChange = { op: 'upsert'; annotation: Annotation } | { op: 'remove'; id: string };

const DEFAULT_PAGE = 100;

/** Ids, language codes and ISO timestamps are ASCII: code-unit order is their order (and fast). */
function byCodeUnits(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Notes (by id) before saved pages (by id); then language, place in the text, creation time. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    Number(a.noteId === null) - Number(b.noteId === null) ||
    byCodeUnits(a.noteId ?? a.pageId ?? '', b.noteId ?? b.pageId ?? '') ||
    byCodeUnits(a.language, b.language) ||
    a.selectors.position.start - b.selectors.position.start ||
    byCodeUnits(a.createdAt, b.createdAt)
  );
}

export class AnnotationsService {
  private data: AnnotationsFile;
  private readonly removed = new Map<string, Annotation>();

  constructor(
    private readonly file: StoreFile<AnnotationsFile>,
    initial: AnnotationsFile,
    private readonly now: () => Date = () => new Date(),
    private readonly onChange: (change: AnnotationChange) => void = () => {},
    private readonly newId: () => string = randomUUID,
  ) {
    this.data = initial;
  }

  private write(next: AnnotationsFile): void {
    this.file.store = next;
    this.data = next;
  }

  all(): Annotation[] {
    return [...this.data.annotations];
  }

  list(input: AnnotationListInput = {}): AnnotationPage {
    const text = input.text?.trim().toLocaleLowerCase() ?? '';
    const matches = this.data.annotations.filter(
      (a) =>
        (!input.noteId || a.noteId === input.noteId) &&
        (!input.pageId || a.pageId === input.pageId) &&
        (!input.language || a.language === input.language) &&
        (!input.tag || a.tags.includes(input.tag)) &&
        (!input.color || a.color === input.color) &&
        (!text || `${a.selectors.quote.exact} ${a.comment} ${a.tags.join(' ')}`.toLocaleLowerCase().includes(text)),
    );
    matches.sort(compareAnnotations);
    const counts = new Map<string, number>();
    for (const annotation of this.data.annotations) for (const tag of annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const offset = input.offset ?? 0;
    return {
      items: matches.slice(offset, offset + (input.limit ?? DEFAULT_PAGE)),
      total: matches.length,
      tags: [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    };
  }

  add(input: AnnotationAdd): Annotation {
    const at = this.now().toISOString();
    const annotation: Annotation = {
      v: ANNOTATION_RECORD_VERSION,
      id: this.newId(),
      revision: 1,
      noteId: input.noteId ?? null,
      pageId: input.pageId ?? null,
      language: input.language,
      sectionId: input.sectionId,
      selectors: input.selectors,
      color: input.color,
      comment: input.comment ?? '',
      tags: input.tags ?? [],
      createdAt: at,
      updatedAt: at,
    };
    this.write({ ...this.data, annotations: [...this.data.annotations, annotation] });
    this.onChange({ op: 'upsert', annotation });
    return annotation;
  }

  update(patch: AnnotationUpdate): Annotation {
    const index = this.data.annotations.findIndex((a) => a.id === patch.id);
    if (index < 0) throw new NotFoundError(`There is no annotation ${patch.id}.`);
    const current = this.data.annotations[index]!;
    if (patch.revision !== current.revision) {
      throw new ConflictError(`This annotation was changed elsewhere (revision ${current.revision}, this edit was based on ${patch.revision}).`);
    }
    const next: Annotation = {
      ...current,
      revision: current.revision + 1,
      color: patch.color ?? current.color,
      comment: patch.comment ?? current.comment,
      tags: patch.tags ?? current.tags,
      updatedAt: this.now().toISOString(),
    };
    const annotations = [...this.data.annotations];
    annotations[index] = next;
    this.write({ ...this.data, annotations });
    this.onChange({ op: 'upsert', annotation: next });
    return next;
  }

  remove(id: string): Annotation {
    const removed = this.data.annotations.find((a) => a.id === id);
    if (!removed) throw new NotFoundError(`There is no annotation ${id}.`);
    this.write({ ...this.data, annotations: this.data.annotations.filter((a) => a.id !== id) });
    this.removed.set(id, removed);
    this.onChange({ op: 'remove', id });
    return removed;
  }

  /** Undo of a remove made by this process. */
  restore(id: string): Annotation {
    const annotation = this.removed.get(id);
    if (!annotation) throw new NotFoundError(`There is no removed annotation ${id} to restore.`);
    this.removed.delete(id);
    if (this.data.annotations.some((a) => a.id === id)) return annotation;
    this.write({ ...this.data, annotations: [...this.data.annotations, annotation] });
    this.onChange({ op: 'upsert', annotation });
    return annotation;
  }

  /** Puts imported records in (already checked and chosen: new, or newer than ours), by id. */
  merge(records: readonly Annotation[]): void {
    if (records.length === 0) return;
    const incoming = new Map(records.map((record) => [record.id, record]));
    const kept = this.data.annotations.filter((a) => !incoming.has(a.id));
    this.write({ ...this.data, annotations: [...kept, ...records] });
    for (const annotation of records) this.onChange({ op: 'upsert', annotation });
  }
}
