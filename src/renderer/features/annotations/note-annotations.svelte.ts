/**
 * The annotations of what is being read — a note in one language, or a saved page: loaded from the
 * services, placed in its canonical text, and changed through the services (add, recolour, comment,
 * delete, undo). One instance per open note or page; the reader, its side panel and the highlight
 * layer read it.
 */
import type { AtlasApi } from '../../../shared/api';
import type { TextSelectors } from '../../../shared/anchoring/selectors';
import type { Annotation, AnnotationColor } from '../../../shared/annotations';
import type { Result } from '../../../shared/result';
import type { Language } from '../../../shared/settings';
import { placeAnnotations } from '../../../shared/anchoring/placement';

/** What the annotations are on. */
export type AnnotationSource = { noteId: string; language: Language } | { pageId: string; language: Language };

export class NoteAnnotations {
  items = $state<Annotation[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  // Lazy: first read after the constructor has set the text.
  placements = $derived.by(() => placeAnnotations(this.text, this.items));
  orphans = $derived(this.placements.filter((placement) => placement.orphaned).map((placement) => placement.annotation));

  constructor(
    private readonly api: AtlasApi,
    readonly source: AnnotationSource,
    private readonly text: string,
  ) {}

  /** The list filter and the add fields that name the source. */
  private get where(): { noteId: string } | { pageId: string } {
    return 'noteId' in this.source ? { noteId: this.source.noteId } : { pageId: this.source.pageId };
  }

  private unwrap<T>(result: Result<T>): T | null {
    if (result.ok) return result.value;
    this.error = result.error.message;
    return null;
  }

  async load(): Promise<void> {
    const language = 'noteId' in this.source ? this.source.language : undefined;
    const page = this.unwrap(await this.api.annotations.list({ ...this.where, language, limit: 10_000 }));
    if (page) this.items = page.items;
    this.loaded = true;
  }

  private replace(annotation: Annotation): void {
    this.items = [...this.items.filter((a) => a.id !== annotation.id), annotation];
  }

  async add(selectors: TextSelectors, sectionId: string | null, color: AnnotationColor, comment = '', tags: string[] = []): Promise<Annotation | null> {
    const added = this.unwrap(await this.api.annotations.add({ ...this.where, language: this.source.language, sectionId, selectors, color, comment, tags }));
    if (added) this.replace(added);
    return added;
  }

  async update(annotation: Annotation, patch: { color?: AnnotationColor; comment?: string; tags?: string[] }): Promise<Annotation | null> {
    const result = await this.api.annotations.update({ id: annotation.id, revision: annotation.revision, ...patch });
    if (!result.ok && result.error.code === 'CONFLICT') await this.load();
    const updated = this.unwrap(result);
    if (updated) this.replace(updated);
    return updated;
  }

  async remove(annotation: Annotation): Promise<Annotation | null> {
    const removed = this.unwrap(await this.api.annotations.remove({ id: annotation.id }));
    if (removed) this.items = this.items.filter((a) => a.id !== removed.id);
    return removed;
  }

  async restore(id: string): Promise<Annotation | null> {
    const restored = this.unwrap(await this.api.annotations.restore({ id }));
    if (restored) this.replace(restored);
    return restored;
  }
}
