/** The projects and things a note is connected to, from the relations graph and its front matter. */
import type { ContentBundle, Localized, RelationEdge } from '../../../shared/content';

export interface RelatedItem {
  key: string;
  type: RelationEdge['type'] | 'related';
  /** True when the note is the edge's subject ("Istio built-on Envoy" seen from Istio). */
  outgoing: boolean;
  noteId: string | null;
  url: string | null;
  name: Localized;
}

export function relatedOf(bundle: ContentBundle, noteId: string): RelatedItem[] {
  const notes = new Map(bundle.notes.map((note) => [note.id, note]));
  const externals = new Map(bundle.relations.externals.map((node) => [node.id, node]));
  const items: RelatedItem[] = [];
  const seen = new Set<string>();
  for (const edge of bundle.relations.edges) {
    const outgoing = edge.from === noteId;
    if (!outgoing && edge.to !== noteId) continue;
    const other = outgoing ? edge.to : edge.from;
    const note = notes.get(other);
    const external = externals.get(other);
    if (!note && !external) continue;
    seen.add(other);
    items.push({
      key: `${edge.from}>${edge.type}>${edge.to}`,
      type: edge.type,
      outgoing,
      noteId: note ? other : null,
      url: external?.url ?? null,
      name: note ? { zh: note.text.zh.title, en: note.text.en.title } : external!.name,
    });
  }
  // Front-matter "related" notes that no edge mentions yet.
  for (const id of notes.get(noteId)?.related ?? []) {
    const note = notes.get(id);
    if (!note || seen.has(id)) continue;
    items.push({ key: `related>${id}`, type: 'related', outgoing: true, noteId: id, url: null, name: { zh: note.text.zh.title, en: note.text.en.title } });
  }
  return items;
}
