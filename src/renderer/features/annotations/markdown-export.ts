/**
 * Annotations as Markdown, for reading or keeping elsewhere: by project, then section, each with
 * its quote, comment, tags and a link back into the app. User text is written as text: quotes go
 * into blockquotes, and Markdown/HTML characters in comments are escaped so the file renders the
 * words, never markup.
 */
import { noteRoute, savedPageRoute, type ContentBundle } from '../../../shared/content';
import type { Annotation } from '../../../shared/annotations';
import type { Language } from '../../../shared/settings';

/** Escapes what would make Markdown (or HTML inside it) mean something. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^(\s*)([#>+-]|\d+\.)/gm, '$1\\$2');
}

function quoteBlock(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

export interface MarkdownExportOptions {
  bundle: ContentBundle;
  language: Language;
  /** The app's address up to the route, e.g. `atlas://app/index.html`. */
  appUrl: string;
  exportedAt: Date;
  labels: { title: string; exported: string; tags: string; open: string; unknownSection: string; savedPages: string };
  /** Titles of saved pages, for annotations made on them. */
  pageTitles?: ReadonlyMap<string, string>;
}

export function annotationsToMarkdown(annotations: readonly Annotation[], options: MarkdownExportOptions): string {
  const { bundle, language, labels } = options;
  const lines: string[] = [`# ${labels.title}`, '', `${labels.exported} ${options.exportedAt.toISOString().slice(0, 10)}`, ''];
  const entry = (annotation: Annotation, route: string): void => {
    lines.push(quoteBlock(annotation.selectors.quote.exact), '');
    if (annotation.comment) lines.push(escapeMarkdown(annotation.comment), '');
    if (annotation.tags.length > 0) lines.push(`${labels.tags} ${annotation.tags.map((tag) => `\`${tag.replace(/`/g, "'")}\``).join(' ')}`, '');
    lines.push(`[${labels.open}](${options.appUrl}${route})`, '');
  };
  const byNote = new Map<string, Annotation[]>();
  const byPage = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    if (annotation.noteId) byNote.set(annotation.noteId, [...(byNote.get(annotation.noteId) ?? []), annotation]);
    else if (annotation.pageId) byPage.set(annotation.pageId, [...(byPage.get(annotation.pageId) ?? []), annotation]);
  }
  const order = bundle.notes.map((note) => note.id);
  const noteIds = [...byNote.keys()].sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  for (const noteId of noteIds) {
    const note = bundle.notes.find((n) => n.id === noteId);
    lines.push(`## ${escapeMarkdown(note?.text[language].title ?? noteId)}`, '');
    const bySection = new Map<string, Annotation[]>();
    for (const annotation of byNote.get(noteId)!) {
      const key = annotation.sectionId ?? '';
      bySection.set(key, [...(bySection.get(key) ?? []), annotation]);
    }
    const sectionOrder = note?.text[language].sections.map((s) => s.id) ?? [];
    const sectionIds = [...bySection.keys()].sort((a, b) => (sectionOrder.indexOf(a) + 1 || 999) - (sectionOrder.indexOf(b) + 1 || 999));
    for (const sectionId of sectionIds) {
      const title = note?.text[language].sections.find((s) => s.id === sectionId)?.title ?? labels.unknownSection;
      lines.push(`### ${escapeMarkdown(title)}`, '');
      const items = [...bySection.get(sectionId)!].sort((a, b) => a.selectors.position.start - b.selectors.position.start);
      for (const annotation of items) entry(annotation, noteRoute(noteId, annotation.sectionId, annotation.id));
    }
  }
  if (byPage.size > 0) {
    lines.push(`## ${escapeMarkdown(labels.savedPages)}`, '');
    for (const [pageId, items] of byPage) {
      lines.push(`### ${escapeMarkdown(options.pageTitles?.get(pageId) ?? pageId)}`, '');
      for (const annotation of [...items].sort((a, b) => a.selectors.position.start - b.selectors.position.start)) {
        entry(annotation, savedPageRoute(pageId, annotation.id));
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
