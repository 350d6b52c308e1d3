/** Groups results by kind, best group first, keeping the engine's order inside each group. */
import type { ResultKind, SearchResult } from '../../../shared/search/engine';
import { noteRoute, savedPageRoute } from '../../../shared/content';

export interface ResultGroup {
  kind: ResultKind;
  results: SearchResult[];
}

export function groupResults(results: readonly SearchResult[]): ResultGroup[] {
  const groups: ResultGroup[] = [];
  for (const result of results) {
    const group = groups.find((g) => g.kind === result.kind);
    if (group) group.results.push(result);
    else groups.push({ kind: result.kind, results: [result] });
  }
  return groups;
}

/**
 * Where a result leads: an app route for notes, sections and terms; the page itself for links and
 * for the user's records that point at a web page (a bookmarked URL).
 */
export function resultTarget(result: SearchResult): { route: string } | { url: string } {
  if (result.url && (result.kind === 'link' || result.noteId === null)) return { url: result.url };
  if (result.kind === 'glossary') return { route: noteRoute(result.noteId ?? '', 'glossary') };
  if (result.kind === 'saved-page') return { route: savedPageRoute(result.pageId ?? '') };
  if (result.kind === 'annotation' && result.pageId) return { route: savedPageRoute(result.pageId, result.ref.slice('annotation:'.length)) };
  if (result.kind === 'annotation') return { route: noteRoute(result.noteId ?? '', result.sectionId, result.ref.slice('annotation:'.length)) };
  return { route: noteRoute(result.noteId ?? '', result.sectionId ?? undefined) };
}
