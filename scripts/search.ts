/**
 * `npm run -s search -- [--json] [--limit n] [--lang zh|en] "<query>"` searches the bundled
 * knowledge base the way the app does. With no query it reads one query per line from standard
 * input and prints one JSON line (or one table) per query.
 */
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildContent } from './content/build';
import { ContentBuildError } from './content/errors';
import { buildSearchIndex } from '../src/shared/search/build-index';
import { searchDocumentsFromBundle } from '../src/shared/search/documents';
import { SearchEngine, type SearchResult } from '../src/shared/search/engine';
import { isHanToken } from '../src/shared/search/tokenizer';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface CliResult {
  kind: SearchResult['kind'];
  title: string;
  noteId: string | null;
  sectionId: string | null;
  url: string | null;
  score: number;
  snippet: string;
}

export function toCliResult(result: SearchResult): CliResult {
  return { kind: result.kind, title: result.title, noteId: result.noteId, sectionId: result.sectionId, url: result.url, score: result.score, snippet: result.snippet };
}

function table(query: string, results: CliResult[], suggestion: string | null): string {
  if (results.length === 0) return `No results for "${query}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`;
  const rows = results.map((r, i) => `${String(i + 1).padStart(2)}. [${r.kind}] ${r.title}  (${r.noteId ?? '-'}${r.url ? `, ${r.url}` : ''})  ${r.score}\n    ${r.snippet}`);
  return `Results for "${query}":\n${rows.join('\n')}`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      limit: { type: 'string', default: '10' },
      lang: { type: 'string' },
    },
  });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit must be a positive whole number, not "${values.limit}"`);
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') throw new Error('--lang must be zh or en');

  const { bundle, errors } = buildContent(join(projectRoot, 'data'), projectRoot);
  if (!bundle) throw new ContentBuildError(errors);
  const documents = searchDocumentsFromBundle(bundle);
  const engine = SearchEngine.load(buildSearchIndex(documents), documents);
  const answer = (query: string): CliResult[] => {
    const language = (values.lang as 'zh' | 'en' | undefined) ?? ([...query].some((c) => isHanToken(c)) ? 'zh' : 'en');
    return engine.search(query, { limit, language }).map(toCliResult);
  };

  if (positionals.length > 0) {
    const query = positionals.join(' ');
    const results = answer(query);
    console.log(values.json ? JSON.stringify(results, null, 2) : table(query, results, results.length === 0 ? engine.suggest(query) : null));
    return;
  }
  for await (const line of createInterface({ input: process.stdin })) {
    const query = line.trim();
    if (!query) continue;
    const results = answer(query);
    const suggestion = results.length === 0 ? engine.suggest(query) : null;
    console.log(values.json ? JSON.stringify({ query, results, suggestion }) : `${table(query, results, suggestion)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
