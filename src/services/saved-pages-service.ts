/**
 * Saving web pages for offline study: fetch (page-fetch.ts) → extract the article
 * (@mozilla/readability over linkedom's DOM) → sanitize (the app's sanitizer) → store the article
 * in `pages/<id>.json` and its record in saved-pages.json. Long fetches report progress as
 * `task.progress` events and can be cancelled by task id.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { TaskProgress } from '../shared/api';
import { sanitizeSavedPageHtml } from '../shared/content/sanitize';
import {
  SAVED_PAGE_RECORD_VERSION,
  SavedPageContentSchema,
  type SavedPage,
  type SavedPageContent,
  type SavedPagesFile,
} from '../shared/saved-pages';
import { ConflictError, NotFoundError, ServiceError } from './errors';
import { fetchPage, type PageFetchOptions } from './page-fetch';
import type { StoreFile } from './store';

export type SavedPageChange = { op: 'upsert'; page: SavedPage; text: string } | { op: 'remove'; id: string };

class NoArticleError extends ServiceError {
  readonly code = 'INVALID_INPUT';
}

/** The readable article of an HTML page, sanitized, with its title, byline and language. */
export function extractArticle(html: string, url: string): { title: string; byline: string | null; language: string | null; html: string; text: string; site: string } {
  const { document } = parseHTML(html);
  const language = document.documentElement?.getAttribute('lang') || null;
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content) throw new NoArticleError('No readable article was found on this page.');
  const clean = sanitizeSavedPageHtml(article.content, url);
  const text = parseHTML(`<!doctype html><html><body>${clean}</body></html>`).document.body?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return {
    title: (article.title || new URL(url).hostname).slice(0, 500),
    byline: article.byline?.slice(0, 300) || null,
    language: language ? language.slice(0, 20) : null,
    html: clean,
    text,
    site: (article.siteName || new URL(url).hostname).slice(0, 200),
  };
}

export class SavedPagesService {
  private data: SavedPagesFile;
  private readonly tasks = new Map<string, AbortController>();
  private readonly removed = new Map<string, { page: SavedPage; content: SavedPageContent }>();
  private readonly folder: string;

  constructor(
    private readonly file: StoreFile<SavedPagesFile>,
    initial: SavedPagesFile,
    dataDir: string,
    private readonly report: (progress: TaskProgress) => void,
    private readonly onChange: (change: SavedPageChange) => void = () => {},
    private readonly now: () => Date = () => new Date(),
    private readonly fetchOptions: Pick<PageFetchOptions, 'fetchImpl' | 'timeoutMs' | 'maxBytes'> = {},
  ) {
    this.data = initial;
    this.folder = join(dataDir, 'pages');
  }

  private write(next: SavedPagesFile): void {
    this.file.store = next;
    this.data = next;
  }

  private contentPath(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  private writeContent(id: string, content: SavedPageContent): void {
    mkdirSync(this.folder, { recursive: true });
    const path = this.contentPath(id);
    writeFileSync(`${path}.atlas-tmp`, JSON.stringify(content));
    renameSync(`${path}.atlas-tmp`, path);
  }

  list(text?: string): SavedPage[] {
    const wanted = text?.trim().toLocaleLowerCase() ?? '';
    return [...this.data.pages]
      .filter((page) => !wanted || `${page.title} ${page.site} ${page.url}`.toLocaleLowerCase().includes(wanted))
      .sort((a, b) => b.fetchedAt.localeCompare(a.fetchedAt));
  }

  find(id: string): SavedPage {
    const page = this.data.pages.find((p) => p.id === id);
    if (!page) throw new NotFoundError(`There is no saved page ${id}.`);
    return page;
  }

  /** The record and its article file as stored. */
  private stored(id: string): { page: SavedPage; content: SavedPageContent } {
    const page = this.find(id);
    try {
      return { page, content: SavedPageContentSchema.parse(JSON.parse(readFileSync(this.contentPath(id), 'utf8'))) };
    } catch {
      throw new NotFoundError(`The saved copy of ${page.url} is missing or damaged; save the page again.`);
    }
  }

  /** A saved page for the reader. */
  get(id: string): { page: SavedPage; content: SavedPageContent } {
    const { page, content } = this.stored(id);
    // The file is on disk, where anything may have changed it: what reaches the reader's {@html}
    // goes through the same sanitizer as at save time, every time it is read.
    return { page, content: { ...content, html: sanitizeSavedPageHtml(content.html, page.url) } };
  }

  /** The text of every saved page, for the live search index. */
  textOf(id: string): string {
    try {
      return this.stored(id).content.text;
    } catch {
      return '';
    }
  }

  private async download(url: string, taskId: string): Promise<{ page: Omit<SavedPage, 'id' | 'v'>; content: SavedPageContent }> {
    if (this.tasks.has(taskId)) throw new ConflictError(`Task ${taskId} is already running.`);
    const controller = new AbortController();
    this.tasks.set(taskId, controller);
    const progress = (state: TaskProgress['state'], done: number, total: number | null, message: string | null = null): void =>
      this.report({ taskId, kind: 'save-page', state, done, total, message });
    progress('running', 0, null);
    try {
      const fetched = await fetchPage(url, { ...this.fetchOptions, signal: controller.signal, onProgress: (done, total) => progress('running', done, total) });
      const article = extractArticle(fetched.html, fetched.url);
      progress('done', fetched.bytes, fetched.bytes);
      return {
        page: {
          url,
          finalUrl: fetched.url,
          title: article.title,
          site: article.site,
          byline: article.byline,
          language: article.language,
          fetchedAt: this.now().toISOString(),
          bytes: fetched.bytes,
          textLength: article.text.length,
          charset: fetched.charset,
        },
        content: { html: article.html, text: article.text },
      };
    } catch (error) {
      const cancelled = controller.signal.aborted;
      progress(cancelled ? 'cancelled' : 'failed', 0, null, (error as Error).message);
      throw error;
    } finally {
      this.tasks.delete(taskId);
    }
  }

  /** Saves a page (or saves it again when that address is already saved). */
  async save(url: string, taskId: string): Promise<SavedPage> {
    const { page, content } = await this.download(url, taskId);
    const existing = this.data.pages.find((p) => p.url === url);
    const record: SavedPage = { v: SAVED_PAGE_RECORD_VERSION, id: existing?.id ?? randomUUID(), ...page };
    this.writeContent(record.id, content);
    this.write({ ...this.data, pages: [...this.data.pages.filter((p) => p.id !== record.id), record] });
    this.onChange({ op: 'upsert', page: record, text: content.text });
    return record;
  }

  /** Fetches a saved page again; returns the new record and the one it replaced, to show what changed. */
  async refetch(id: string, taskId: string): Promise<{ page: SavedPage; previous: SavedPage }> {
    const previous = this.find(id);
    const page = await this.save(previous.url, taskId);
    return { page, previous };
  }

  cancel(taskId: string): boolean {
    const controller = this.tasks.get(taskId);
    controller?.abort();
    return controller !== undefined;
  }

  remove(id: string): SavedPage {
    const { page, content } = this.stored(id);
    this.write({ ...this.data, pages: this.data.pages.filter((p) => p.id !== id) });
    rmSync(this.contentPath(id), { force: true });
    this.removed.set(id, { page, content });
    this.onChange({ op: 'remove', id });
    return page;
  }

  restore(id: string): SavedPage {
    const entry = this.removed.get(id);
    if (!entry) throw new NotFoundError(`There is no removed saved page ${id} to restore.`);
    this.removed.delete(id);
    this.writeContent(id, entry.content);
    this.write({ ...this.data, pages: [...this.data.pages.filter((p) => p.id !== id), entry.page] });
    this.onChange({ op: 'upsert', page: entry.page, text: entry.content.text });
    return entry.page;
  }
}
