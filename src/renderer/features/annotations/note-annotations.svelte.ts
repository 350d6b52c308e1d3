/**
 * The annotations of the note being read, in one language: loaded from the services, placed in the
 * note's canonical text, and changed through the services (add, recolour, comment, delete, undo).
 * One instance per open note; the reader, its side panel and the highlight layer read it.
 */
import type { AtlasApi } from '../../../shared/api';
import type { TextSelectors } from '../../../shared/anchoring/selectors';
import type { Annotation, AnnotationColor } from '../../../shared/annotations';
import type { Result } from '../../../shared/result';
import type { Language } from '../../../shared/settings';
import { placeAnnotations } from '../../../shared/anchoring/placement';

export class NoteAnnotations {
  items = $state<Annotation[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  // Lazy: first read after the constructor has set the text.
  placements = $derived.by(() => placeAnnotations(this.text, this.items));
  orphans = $derived(this.placements.filter((placement) => placement.orphaned).map((placement) => placement.annotation));

  constructor(
    private readonly api: AtlasApi,
    readonly noteId: string,
    readonly language: Language,
    private readonly text: string,
  ) {}

  private unwrap<T>(result: Result<T>): T | null {
    if (result.ok) return result.value;
    this.error = result.error.message;
    return null;
  }

  async load(): Promise<void> {
    const page = this.unwrap(await this.api.annotations.list({ noteId: this.noteId, language: this.language, limit: 10_000 }));
    if (page) this.items = page.items;
    this.loaded = true;
  }

  private replace(annotation: Annotation): void {
    this.items = [...this.items.filter((a) => a.id !== annotation.id), annotation];
  }

  async add(selectors: TextSelectors, sectionId: string | null, color: AnnotationColor, comment = '', tags: string[] = []): Promise<Annotation | null> {
    const added = this.unwrap(await this.api.annotations.add({ noteId: this.noteId, language: this.language, sectionId, selectors, color, comment, tags }));
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
