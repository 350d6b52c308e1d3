/**
 * What search indexes: every note, every section of a note (so a hit opens at its heading), every
 * link and every glossary term, each with its text in both languages (queries mix languages).
 */
import type { ContentBundle } from '../content';
import type { Language } from '../settings';

export const SEARCH_KINDS = ['note', 'section', 'link', 'glossary'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The fields of the index, with their boosts: title > headings > tags > body. */
export const SEARCH_FIELDS = { title: 8, headings: 3, tags: 2, body: 1 } as const;
export type SearchField = keyof typeof SEARCH_FIELDS;

export interface SearchDocument {
  ref: string;
  kind: SearchKind;
  /** The note the result belongs to (a link's first project). */
  noteId: string | null;
  sectionId: string | null;
  url: string | null;
  category: string | null;
  title: Record<Language, string>;
  /** The heading this section sits under (sub-sections), else null. */
  parentSectionId: string | null;
  /**
   * Names a person may type to mean exactly this document: a note's titles, id and aliases, a
   * glossary term in both languages and its aliases. Typed in full (or, for notes, as a prefix)
   * they put the document first.
   */
  names: string[];
  /** Text the snippet is cut from, per language. */
  text: Record<Language, string>;
  fields: Record<SearchField, string>;
}

const both = (value: Record<Language, string>): string => `${value.zh}\n${value.en}`;

/** Words of a URL that people type: host parts and path segments. */
export function urlWords(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, '')} ${decodeURIComponent(parsed.pathname)}`.replace(/[./_-]+/g, ' ');
  } catch {
    return url;
  }
}

export function searchDocumentsFromBundle(bundle: ContentBundle): SearchDocument[] {
  const documents: SearchDocument[] = [];
  const noteTitles = new Map(bundle.notes.map((note) => [note.id, note.text]));

  for (const note of bundle.notes) {
    const { zh, en } = note.text;
    documents.push({
      ref: `note:${note.id}`,
      kind: 'note',
      noteId: note.id,
      sectionId: null,
      parentSectionId: null,
      names: [zh.title, en.title, note.id, ...zh.aliases, ...en.aliases],
      url: null,
      category: note.category,
      title: { zh: zh.title, en: en.title },
      text: { zh: zh.summary, en: en.summary },
      fields: {
        title: [zh.title, en.title, note.id, ...zh.aliases, ...en.aliases].join('\n'),
        headings: [...zh.sections, ...en.sections].map((section) => section.title).join('\n'),
        tags: [...new Set([...zh.tags, ...en.tags, note.category])].join('\n'),
        body: `${zh.summary}\n${en.summary}`,
      },
    });
    zh.sections.forEach((section, index) => {
      const english = en.sections[index]!;
      documents.push({
        ref: `section:${note.id}#${section.id}`,
        kind: 'section',
        noteId: note.id,
        sectionId: section.id,
        parentSectionId: section.parentId,
        names: [],
        url: null,
        category: note.category,
        title: { zh: section.title, en: english.title },
        text: { zh: section.text, en: english.text },
        fields: {
          title: `${section.title}\n${english.title}`,
          // The self-check section is also found as what people call it: 练习题, quiz, …
          headings: `${zh.title}\n${en.title}${section.id === 'check' ? '\n练习题 自我测验 自测 quiz self-test' : ''}`,
          tags: '',
          body: `${section.text}\n${english.text}`,
        },
      });
    });
  }

  for (const link of bundle.links) {
    const noteId = link.projects[0] ?? null;
    const projects = link.projects.map((id) => noteTitles.get(id)?.en.title ?? id).join('\n');
    documents.push({
      ref: `link:${link.url}`,
      kind: 'link',
      noteId,
      sectionId: null,
      parentSectionId: null,
      names: [],
      url: link.url,
      category: bundle.notes.find((note) => note.id === noteId)?.category ?? null,
      title: link.title,
      text: link.description,
      fields: {
        title: both(link.title),
        headings: projects,
        tags: link.kind,
        body: `${both(link.description)}\n${urlWords(link.url)}`,
      },
    });
  }

  for (const term of bundle.glossary) {
    const noteId = term.notes[0] ?? null;
    documents.push({
      ref: `glossary:${term.id}`,
      kind: 'glossary',
      noteId,
      // A term opens at its note's glossary.
      sectionId: 'glossary',
      parentSectionId: null,
      names: [term.zh, term.en, ...term.aliases],
      url: null,
      category: bundle.notes.find((note) => note.id === noteId)?.category ?? null,
      title: { zh: `${term.zh}（${term.en}）`, en: `${term.en} (${term.zh})` },
      text: term.definition,
      fields: {
        title: [term.zh, term.en, ...term.aliases].join('\n'),
        headings: '',
        tags: '',
        body: both(term.definition),
      },
    });
  }
  return documents;
}
