/** Reads one note file: front matter (checked against the schema and the file name) and body. */
import type { Language } from '../../src/shared/settings';
import { ID_SOURCE } from '../../src/shared/rules/ids';
import { NoteFrontMatterSchema, type NoteFrontMatter } from '../../src/shared/content';
import type { ContentError } from './errors';
import { renderNoteMarkdown, type RenderedMarkdown } from '../../src/shared/content/markdown';
import { parseYamlWithSchema } from './yaml-source';

export const NOTE_FILE_NAME = new RegExp(String.raw`^(${ID_SOURCE})\.(zh|en)\.md$`);

export interface NoteFile {
  file: string;
  id: string;
  lang: Language;
  frontMatter: NoteFrontMatter;
  frontMatterLine: (key: string) => number;
  body: RenderedMarkdown;
}

export function readNoteFile(file: string, fileName: string, text: string): { note: NoteFile | null; errors: ContentError[] } {
  const nameMatch = NOTE_FILE_NAME.exec(fileName);
  if (!nameMatch) {
    return { note: null, errors: [{ file, line: null, message: 'note files are named <id>.zh.md or <id>.en.md' }] };
  }
  const [, id, lang] = nameMatch as unknown as [string, string, Language];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const end = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  if (end < 0) {
    return { note: null, errors: [{ file, line: 1, message: 'a note starts with front matter between two "---" lines' }] };
  }
  const parsed = parseYamlWithSchema(lines.slice(1, end).join('\n'), NoteFrontMatterSchema, file, 2);
  const errors = [...parsed.errors];
  if (!parsed.value) return { note: null, errors };
  const frontMatter = parsed.value;
  const frontMatterLine = (key: string): number => parsed.lineOf([key]);
  if (frontMatter.id !== id) {
    errors.push({ file, line: frontMatterLine('id'), message: `id "${frontMatter.id}" does not match the file name (${id})` });
  }
  if (frontMatter.lang !== lang) {
    errors.push({ file, line: frontMatterLine('lang'), message: `lang "${frontMatter.lang}" does not match the file name (${lang})` });
  }
  const body = renderNoteMarkdown(lines.slice(end + 1).join('\n'), file, end + 2);
  errors.push(...body.errors);
  return { note: { file, id, lang, frontMatter, frontMatterLine, body }, errors };
}
