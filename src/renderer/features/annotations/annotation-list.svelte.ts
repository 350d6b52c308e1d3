/**
 * The Annotations view's state: filters (project, tag, colour, text), pages of 100 from the
 * services in document order, and each item's place in its note's current text (so orphans get
 * their own group). Changes (delete, undo) go through the services.
 */
import type { AtlasApi } from '../../../shared/api';
import type { Annotation, AnnotationColor } from '../../../shared/annotations';

export const PAGE_SIZE = 100;

export class AnnotationList {
  noteId = $state('');
  tag = $state('');
  color = $state<AnnotationColor | ''>('');
  text = $state('');
  items = $state<Annotation[]>([]);
  total = $state(0);
  tags = $state<{ tag: string; count: number }[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  filtered = $derived(this.noteId !== '' || this.tag !== '' || this.color !== '' || this.text.trim() !== '');
  private request = 0;

  constructor(private readonly api: AtlasApi) {}

  async load(offset = 0): Promise<void> {
    const mine = ++this.request;
    const result = await this.api.annotations.list({
      noteId: this.noteId || undefined,
      tag: this.tag || undefined,
      color: this.color || undefined,
      text: this.text.trim() || undefined,
      offset,
      limit: PAGE_SIZE,
    });
    if (mine !== this.request) return;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.error = null;
    this.items = offset === 0 ? result.value.items : [...this.items, ...result.value.items];
    this.total = result.value.total;
    this.tags = result.value.tags;
    this.loaded = true;
  }

  clearFilters(): void {
    this.noteId = '';
    this.tag = '';
    this.color = '';
    this.text = '';
  }

  async remove(annotation: Annotation): Promise<Annotation | null> {
    const result = await this.api.annotations.remove({ id: annotation.id });
    if (!result.ok) {
      this.error = result.error.message;
      return null;
    }
    await this.load();
    return result.value;
  }

  async restore(id: string): Promise<void> {
    const result = await this.api.annotations.restore({ id });
    if (!result.ok) this.error = result.error.message;
    await this.load();
  }
}
