/**
 * Markdown → sanitized HTML for one note body, with stable heading ids (`## Title {#id}`),
 * `note:<id>#<section>` links turned into app routes, self-check questions (`::: question …`)
 * turned into collapsed `<details>`, and the plain text of every section. Links to other notes are
 * collected here and checked later, once every note is known. Pure: the build runs it in Node,
 * and runtime features (saved pages, the user's own notes) use the same sanitizer.
 */
import markdownit, { type Token } from 'markdown-it';
import container from 'markdown-it-container';
import cjkFriendly from 'markdown-it-cjk-friendly';
import { ID_SOURCE } from '../rules/ids';
import type { ContentError } from './errors';
import { sanitizeNoteHtml } from './sanitize';
import { noteRoute, parseNoteLink } from './routes';
import type { NoteSection } from './schema';

const HEADING_ID = new RegExp(String.raw`\s*\{#(${ID_SOURCE})\}\s*$`);

export interface NoteLinkReference {
  noteId: string;
  sectionId: string | null;
  line: number;
}

export interface RenderedMarkdown {
  html: string;
  sections: NoteSection[];
  /** File line of each `##`/`###` heading, by id, for later error messages. */
  headingLines: Map<string, number>;
  noteLinks: NoteLinkReference[];
  /** The self-check questions (`::: question …`), with the \`##\` section each stands in. */
  questions: { sectionId: string | null; text: string; line: number }[];
  errors: ContentError[];
}

// CommonMark does not close **emphasis** next to full-width punctuation (（label）**键值对**);
// the CJK-friendly rules fix that for Chinese text.
const QUESTION = /^question\s+(.+)$/;

/**
 * `::: question <text>` … `:::` → `<details class="check-question"><summary>text</summary>answer</details>`:
 * the answer stays collapsed until the reader opens it. The question text is rendered as inline
 * Markdown and escaped like any other text.
 */
const markdown = markdownit({ html: false, linkify: false, typographer: false })
  .use(cjkFriendly)
  .use(container, 'question', {
    validate: (params: string) => QUESTION.test(params.trim()),
    render: (tokens: Token[], index: number): string => {
      const token = tokens[index]!;
      if (token.nesting !== 1) return '</div></details>\n';
      const question = QUESTION.exec(token.info.trim())?.[1] ?? '';
      return `<details class="check-question"><summary>${markdown.renderInline(question)}</summary><div class="check-answer">\n`;
    },
  });


/** The visible text of an inline token (text, code, line breaks). */
function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : ''))
    .join('');
}

/** The plain text of a `::: question <text>` line (its inline Markdown rendered away). */
function questionText(token: Token): string {
  const source = QUESTION.exec(token.info.trim())?.[1] ?? '';
  const inline = markdown.parseInline(source, {})[0];
  return inline ? inlineText(inline) : source;
}

/**
 * @param body the Markdown after the front matter
 * @param file the path for error messages
 * @param firstLine the file line number of the body's first line
 */
export function renderNoteMarkdown(body: string, file: string, firstLine: number): RenderedMarkdown {
  const tokens = markdown.parse(body, {});
  const errors: ContentError[] = [];
  const noteLinks: NoteLinkReference[] = [];
  const questions: RenderedMarkdown['questions'] = [];
  const sections: NoteSection[] = [];
  const headingLines = new Map<string, number>();
  const lineOf = (token: Token | undefined): number => (token?.map ? token.map[0] + firstLine : firstLine);
  const fail = (token: Token | undefined, message: string): void => {
    errors.push({ file, line: lineOf(token), message });
  };

  let current: NoteSection | null = null;
  let currentHeading: Token | undefined;
  let currentHasContent = false;
  let currentH2: NoteSection | null = null;
  const seenIds = new Set<string>();
  const closeSection = (nextLevel: number | null): void => {
    // A section is empty when nothing, not even a sub-section, stands between it and the next
    // heading of its own level or higher.
    if (current && !currentHasContent && (nextLevel === null || nextLevel <= current.level)) {
      fail(currentHeading, `section "${current.id}" is empty`);
    }
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      const inline = tokens[index + 1]!;
      const match = HEADING_ID.exec(inline.content);
      if (level === 1) fail(token, 'no level-1 headings in a note body: the title comes from the front matter');
      if (match) {
        const id = match[1]!;
        inline.content = inline.content.replace(HEADING_ID, '');
        const last = inline.children?.at(-1);
        if (last?.type === 'text') last.content = last.content.replace(HEADING_ID, '');
        token.attrSet('id', id);
        if (seenIds.has(id)) fail(token, `heading id "${id}" is used twice in this note`);
        seenIds.add(id);
        if (level === 2 || level === 3) {
          closeSection(level);
          if (current && level > current.level) currentHasContent = true;
          const section: NoteSection = {
            id,
            level,
            title: inlineText(inline).trim(),
            parentId: level === 3 ? (currentH2?.id ?? null) : null,
            text: '',
          };
          if (level === 3 && !currentH2) fail(token, `sub-section "${id}" comes before any ## section`);
          if (level === 2) currentH2 = section;
          sections.push(section);
          headingLines.set(id, lineOf(token));
          current = section;
          currentHeading = token;
          currentHasContent = false;
        }
      } else if (level === 2 || level === 3) {
        fail(token, `heading "${inline.content}" needs a stable id: write it as "## Title {#some-id}"`);
      }
      index += 2; // the inline content and heading_close
      continue;
    }
    if (token.type === 'container_question_open') {
      questions.push({ sectionId: currentH2?.id ?? null, text: questionText(token), line: lineOf(token) });
    }
    if (token.type === 'inline') {
      for (const child of token.children ?? []) {
        if (child.type !== 'link_open') continue;
        const href = String(child.attrGet('href') ?? '');
        const target = parseNoteLink(href);
        if (href.startsWith('note:')) {
          if (!target) {
            fail(token, `malformed note link "${href}": write note:<id> or note:<id>#<section-id>`);
            continue;
          }
          noteLinks.push({ ...target, line: lineOf(token) });
          child.attrSet('href', noteRoute(target.noteId, target.sectionId));
          child.attrSet('data-note', target.noteId);
        } else if (/^https?:\/\//.test(href)) {
          child.attrSet('rel', 'noopener noreferrer');
          child.attrSet('data-external', '');
        } else {
          fail(token, `link "${href}" must be an http(s) URL or a note:<id> link`);
        }
      }
    }
    if (current && (token.type === 'inline' || token.type === 'fence' || token.type === 'code_block' || token.type === 'container_question_open')) {
      const text =
        token.type === 'inline' ? inlineText(token) : token.type === 'container_question_open' ? questionText(token) : token.content;
      if (text.trim() !== '') {
        currentHasContent = true;
        current.text += (current.text ? '\n' : '') + text.trim();
      }
    } else if (!current && token.type === 'inline' && inlineText(token).trim() !== '') {
      fail(token, 'text before the first ## section: every paragraph belongs to a section');
    }
  }
  closeSection(null);

  const html = sanitizeNoteHtml(markdown.renderer.render(tokens, markdown.options, {}));
  return { html, sections, headingLines, noteLinks, questions, errors };
}
