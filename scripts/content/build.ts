/**
 * Builds the content bundle from data/: reads every note, link, relation and glossary term,
 * checks that they agree with each other, and returns the bundle or the list of problems.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  CATEGORIES,
  CONTENT_BUNDLE_VERSION,
  GlossaryFileSchema,
  LinksFileSchema,
  PathsFileSchema,
  REQUIRED_SECTIONS,
  RelationsFileSchema,
  type ContentBundle,
  type Note,
} from '../../src/shared/content';
import { LANGUAGES, type Language } from '../../src/shared/settings';
import type { ContentError } from './errors';
import { canonicalTextOfHtml } from '../../src/shared/anchoring/html-text';
import { readNoteFile, type NoteFile } from './note-file';
import { parseYamlWithSchema } from './yaml-source';

export interface ContentBuildResult {
  bundle: ContentBundle | null;
  errors: ContentError[];
}

/** Trailing slashes and host case do not make a different page. */
export function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url;
  }
}

function readYaml<T>(dataDir: string, name: string, schema: Parameters<typeof parseYamlWithSchema<T>>[1], display: (path: string) => string) {
  const path = join(dataDir, name);
  if (!existsSync(path)) {
    return { value: null, errors: [{ file: display(path), line: null, message: 'file is missing' }], lineOf: () => 1 };
  }
  return parseYamlWithSchema(readFileSync(path, 'utf8'), schema, display(path));
}

function checkNotePair(zh: NoteFile, en: NoteFile, errors: ContentError[]): void {
  for (const key of ['category', 'cncfStatus'] as const) {
    if (zh.frontMatter[key] !== en.frontMatter[key]) {
      errors.push({ file: en.file, line: en.frontMatterLine(key), message: `${key} "${en.frontMatter[key]}" differs from the Chinese note ("${zh.frontMatter[key]}")` });
    }
  }
  if (zh.body.questions.length !== en.body.questions.length) {
    errors.push({ file: en.file, line: en.body.headingLines.get('check') ?? null, message: `${en.body.questions.length} self-check question(s), the Chinese note has ${zh.body.questions.length}: ask the same questions in both languages` });
  }
  if ([...zh.frontMatter.related].sort().join() !== [...en.frontMatter.related].sort().join()) {
    errors.push({ file: en.file, line: en.frontMatterLine('related'), message: 'related differs from the Chinese note: both languages must relate to the same notes' });
  }
  const zhSections = zh.body.sections.map((s) => `${s.level}:${s.id}`);
  const enSections = en.body.sections.map((s) => `${s.level}:${s.id}`);
  const firstDifference = zhSections.findIndex((section, index) => section !== enSections[index]);
  if (firstDifference >= 0 || zhSections.length !== enSections.length) {
    const index = firstDifference >= 0 ? firstDifference : Math.min(zhSections.length, enSections.length);
    const enSection = en.body.sections[index];
    errors.push({
      file: en.file,
      line: enSection ? (en.body.headingLines.get(enSection.id) ?? null) : null,
      message: `sections differ from the Chinese note at position ${index + 1}: zh has "${zhSections[index] ?? 'nothing'}", en has "${enSections[index] ?? 'nothing'}" (same ids, levels and order in both languages)`,
    });
  }
}

/** The depth every note must reach (issue 12): a thin note fails the build. */
export const MIN_HAN_CHARACTERS = 2000;
export const MIN_ENGLISH_WORDS = 1200;
export const CHECK_QUESTIONS = { min: 3, max: 5 } as const;

function noteText(note: NoteFile): string {
  return [note.frontMatter.title, note.frontMatter.summary, ...note.body.sections.flatMap((s) => [s.title, s.text])].join('\n');
}

export function countHan(text: string): number {
  return (text.match(/\p{Script=Han}/gu) ?? []).length;
}

export function countEnglishWords(text: string): number {
  return (text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []).length;
}

function checkDepth(note: NoteFile, errors: ContentError[]): void {
  const text = noteText(note);
  if (note.lang === 'zh' && countHan(text) < MIN_HAN_CHARACTERS) {
    errors.push({ file: note.file, line: null, message: `too thin: ${countHan(text)} Han characters, at least ${MIN_HAN_CHARACTERS} are required` });
  }
  if (note.lang === 'en' && countEnglishWords(text) < MIN_ENGLISH_WORDS) {
    errors.push({ file: note.file, line: null, message: `too thin: ${countEnglishWords(text)} English words, at least ${MIN_ENGLISH_WORDS} are required` });
  }
  const questions = note.body.questions;
  const inCheck = questions.filter((q) => q.sectionId === 'check');
  for (const stray of questions.filter((q) => q.sectionId !== 'check')) {
    errors.push({ file: note.file, line: stray.line, message: 'a "::: question" block belongs in the {#check} section' });
  }
  if (inCheck.length < CHECK_QUESTIONS.min || inCheck.length > CHECK_QUESTIONS.max) {
    errors.push({
      file: note.file,
      line: note.body.headingLines.get('check') ?? null,
      message: `the {#check} section has ${inCheck.length} question(s); write ${CHECK_QUESTIONS.min} to ${CHECK_QUESTIONS.max} as "::: question <text>" … ":::"`,
    });
  }
}

function checkRequiredSections(note: NoteFile, errors: ContentError[]): void {
  const present = note.body.sections.filter((s) => s.level === 2).map((s) => s.id);
  const missing = REQUIRED_SECTIONS.filter((id) => !present.includes(id));
  if (missing.length > 0) {
    errors.push({ file: note.file, line: null, message: `missing required section(s): ${missing.map((id) => `{#${id}}`).join(', ')}` });
    return;
  }
  const order = present.filter((id) => (REQUIRED_SECTIONS as readonly string[]).includes(id));
  if (order.join() !== REQUIRED_SECTIONS.join()) {
    errors.push({ file: note.file, line: null, message: `required sections must come in this order: ${REQUIRED_SECTIONS.join(', ')}` });
  }
}

export function buildContent(dataDir: string, projectRoot: string): ContentBuildResult {
  const display = (path: string): string => relative(projectRoot, path).split('\\').join('/');
  const errors: ContentError[] = [];

  const notesDir = join(dataDir, 'notes');
  const noteFiles: NoteFile[] = [];
  for (const fileName of existsSync(notesDir) ? readdirSync(notesDir).sort() : []) {
    const path = join(notesDir, fileName);
    const { note, errors: fileErrors } = readNoteFile(display(path), fileName, readFileSync(path, 'utf8'));
    errors.push(...fileErrors);
    if (note) noteFiles.push(note);
  }

  const byId = new Map<string, Partial<Record<Language, NoteFile>>>();
  for (const note of noteFiles) byId.set(note.id, { ...byId.get(note.id), [note.lang]: note });
  const noteIds = new Set(byId.keys());

  for (const [id, translations] of byId) {
    for (const lang of LANGUAGES) {
      const other = translations[lang === 'zh' ? 'en' : 'zh'];
      if (!translations[lang] && other) {
        errors.push({ file: other.file, line: 1, message: `missing translation: add data/notes/${id}.${lang}.md` });
      }
    }
    if (translations.zh && translations.en) checkNotePair(translations.zh, translations.en, errors);
  }

  for (const note of noteFiles) {
    checkRequiredSections(note, errors);
    checkDepth(note, errors);
    for (const related of note.frontMatter.related) {
      if (!noteIds.has(related)) errors.push({ file: note.file, line: note.frontMatterLine('related'), message: `related: unknown note id "${related}"` });
      if (related === note.id) errors.push({ file: note.file, line: note.frontMatterLine('related'), message: 'related: a note cannot relate to itself' });
    }
    for (const link of note.body.noteLinks) {
      const target = byId.get(link.noteId)?.[note.lang];
      if (!target) {
        errors.push({ file: note.file, line: link.line, message: `broken link: there is no note "${link.noteId}"` });
      } else if (link.sectionId && !target.body.sections.some((s) => s.id === link.sectionId)) {
        errors.push({ file: note.file, line: link.line, message: `broken link: note "${link.noteId}" has no section "${link.sectionId}"` });
      }
    }
  }

  const links = readYaml(dataDir, 'links.yaml', LinksFileSchema, display);
  errors.push(...links.errors);
  const linksFile = display(join(dataDir, 'links.yaml'));
  const seenUrls = new Map<string, number>();
  for (const [index, link] of (links.value ?? []).entries()) {
    const line = links.lineOf([index, 'url']);
    const key = normalizeUrl(link.url);
    const firstLine = seenUrls.get(key);
    if (firstLine !== undefined) errors.push({ file: linksFile, line, message: `duplicate URL ${link.url} (first listed on line ${firstLine})` });
    else seenUrls.set(key, line);
    link.projects.forEach((project, p) => {
      if (!noteIds.has(project)) errors.push({ file: linksFile, line: links.lineOf([index, 'projects', p]), message: `projects: unknown note id "${project}"` });
    });
  }
  for (const [index, link] of (links.value ?? []).entries()) {
    link.successor?.to.forEach((to, t) => {
      if (!/^https?:/.test(to) && !noteIds.has(to)) {
        errors.push({ file: linksFile, line: links.lineOf([index, 'successor', 'to', t]), message: `successor: unknown note id "${to}"` });
      }
    });
    if (link.replacedBy && !seenUrls.has(normalizeUrl(link.replacedBy))) {
      errors.push({ file: linksFile, line: links.lineOf([index, 'replacedBy']), message: `replacedBy ${link.replacedBy} is not a link in this file` });
    }
  }

  const relations = readYaml(dataDir, 'relations.yaml', RelationsFileSchema, display);
  errors.push(...relations.errors);
  const relationsFile = display(join(dataDir, 'relations.yaml'));
  const externalIds = new Set<string>();
  for (const [index, external] of (relations.value?.externals ?? []).entries()) {
    if (noteIds.has(external.id) || externalIds.has(external.id)) {
      errors.push({ file: relationsFile, line: relations.lineOf(['externals', index, 'id']), message: `external id "${external.id}" is already used by a note or another external` });
    }
    externalIds.add(external.id);
  }
  const seenEdges = new Set<string>();
  for (const [index, edge] of (relations.value?.edges ?? []).entries()) {
    for (const end of ['from', 'to'] as const) {
      if (!noteIds.has(edge[end]) && !externalIds.has(edge[end])) {
        errors.push({ file: relationsFile, line: relations.lineOf(['edges', index, end]), message: `${end}: unknown note or external id "${edge[end]}"` });
      }
    }
    const key = `${edge.from} ${edge.type} ${edge.to}`;
    if (seenEdges.has(key)) errors.push({ file: relationsFile, line: relations.lineOf(['edges', index]), message: `duplicate edge: ${key}` });
    seenEdges.add(key);
  }

  const glossary = readYaml(dataDir, 'glossary.yaml', GlossaryFileSchema, display);
  errors.push(...glossary.errors);
  const glossaryFile = display(join(dataDir, 'glossary.yaml'));
  const termIds = new Set<string>();
  for (const [index, term] of (glossary.value ?? []).entries()) {
    if (termIds.has(term.id)) errors.push({ file: glossaryFile, line: glossary.lineOf([index, 'id']), message: `duplicate glossary id "${term.id}"` });
    termIds.add(term.id);
    term.notes.forEach((noteId, n) => {
      if (!noteIds.has(noteId)) errors.push({ file: glossaryFile, line: glossary.lineOf([index, 'notes', n]), message: `notes: unknown note id "${noteId}"` });
    });
  }

  const paths = readYaml(dataDir, 'paths.yaml', PathsFileSchema, display);
  errors.push(...paths.errors);
  const pathsFile = display(join(dataDir, 'paths.yaml'));
  const pathIds = new Set<string>();
  for (const [index, path] of (paths.value ?? []).entries()) {
    if (pathIds.has(path.id)) errors.push({ file: pathsFile, line: paths.lineOf([index, 'id']), message: `duplicate path id "${path.id}"` });
    pathIds.add(path.id);
    path.steps.forEach((step, s) => {
      const target = byId.get(step.note);
      if (!target) {
        errors.push({ file: pathsFile, line: paths.lineOf([index, 'steps', s, 'note']), message: `unknown note id "${step.note}"` });
      } else if (!LANGUAGES.every((lang) => target[lang]?.body.sections.some((section) => section.id === step.section))) {
        errors.push({ file: pathsFile, line: paths.lineOf([index, 'steps', s, 'section']), message: `note "${step.note}" has no section "${step.section}"` });
      }
    });
  }

  if (noteIds.size === 0) errors.push({ file: display(notesDir), line: null, message: 'there are no notes' });
  if (errors.length > 0 || !links.value || !relations.value || !glossary.value || !paths.value) return { bundle: null, errors };

  const notes: Note[] = [...byId.values()].map((translations) => {
    const zh = translations.zh!;
    const en = translations.en!;
    const text = (file: NoteFile) => ({
      title: file.frontMatter.title,
      summary: file.frontMatter.summary,
      tags: file.frontMatter.tags,
      aliases: file.frontMatter.aliases,
      html: file.body.html,
      plain: canonicalTextOfHtml(file.body.html),
      sections: file.body.sections,
    });
    return {
      id: zh.id,
      category: zh.frontMatter.category,
      cncfStatus: zh.frontMatter.cncfStatus,
      related: zh.frontMatter.related,
      text: { zh: text(zh), en: text(en) },
    };
  });
  notes.sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || a.id.localeCompare(b.id));

  return {
    bundle: { version: CONTENT_BUNDLE_VERSION, notes, links: links.value, relations: relations.value, glossary: glossary.value, paths: paths.value },
    errors: [],
  };
}
