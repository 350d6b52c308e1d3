/**
 * Reading progress per note: where the reader is (heading, a short quote of the paragraph at the
 * top, percent), the furthest they got, whether they marked it read, and which note was last open.
 */
import {
  ProgressFileSchema,
  PROGRESS_RECORD_VERSION,
  type Progress,
  type ProgressFile,
  type ProgressOverview,
  type ProgressSave,
} from '../shared/study';
import type { StoreFile } from './store';

export class ProgressService {
  private data: ProgressFile;

  /** `initial`: the file's content as already read and checked (see loadStoreFile). */
  constructor(
    private readonly file: StoreFile<ProgressFile>,
    initial: ProgressFile | null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.data = initial ?? ProgressFileSchema.parse(file.store);
  }

  private write(next: ProgressFile): void {
    this.file.store = next;
    this.data = next;
  }

  /** A note's record; own properties only, so "constructor" is a note id like any other. */
  private of(noteId: string): Progress | undefined {
    return Object.hasOwn(this.data.notes, noteId) ? this.data.notes[noteId] : undefined;
  }

  overview(): ProgressOverview {
    const { notes, lastNoteId } = this.data;
    return { notes, last: lastNoteId ? (this.of(lastNoteId) ?? null) : null };
  }

  save(input: ProgressSave): Progress {
    const previous = this.of(input.noteId);
    const progress: Progress = {
      v: PROGRESS_RECORD_VERSION,
      noteId: input.noteId,
      sectionId: input.sectionId,
      quote: input.quote,
      percent: input.percent,
      maxPercent: Math.max(previous?.maxPercent ?? 0, input.percent),
      read: previous?.read ?? false,
      updatedAt: this.now().toISOString(),
    };
    this.write({ ...this.data, notes: { ...this.data.notes, [input.noteId]: progress }, lastNoteId: input.noteId });
    return progress;
  }

  mark(noteId: string, read: boolean): Progress {
    const previous = this.of(noteId);
    const progress: Progress = {
      v: PROGRESS_RECORD_VERSION,
      noteId,
      sectionId: previous?.sectionId ?? null,
      quote: previous?.quote ?? '',
      percent: previous?.percent ?? 0,
      maxPercent: previous?.maxPercent ?? 0,
      read,
      updatedAt: this.now().toISOString(),
    };
    this.write({ ...this.data, notes: { ...this.data.notes, [noteId]: progress } });
    return progress;
  }

  /** Puts imported records in (already checked and chosen: new, or newer than ours). */
  merge(records: readonly Progress[]): void {
    if (records.length === 0) return;
    const notes = { ...this.data.notes };
    for (const record of records) notes[record.noteId] = record;
    this.write({ ...this.data, notes });
  }

  /** Forgets one note's progress, or all of it. */
  reset(noteId?: string): ProgressOverview {
    if (noteId === undefined) {
      this.write({ ...this.data, notes: {}, lastNoteId: null });
    } else {
      const notes = { ...this.data.notes };
      delete notes[noteId];
      this.write({ ...this.data, notes, lastNoteId: this.data.lastNoteId === noteId ? null : this.data.lastNoteId });
    }
    return this.overview();
  }
}
