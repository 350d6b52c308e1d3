/**
 * The search worker: loads the prebuilt lunr index and the content bundle once, then answers
 * queries, so typing never waits on the UI thread.
 */
import type { ContentBundle } from '../../../shared/content';
import type { SerializedSearchIndex } from '../../../shared/search/build-index';
import { searchDocumentsFromBundle } from '../../../shared/search/documents';
import { SearchEngine } from '../../../shared/search/engine';
import type { FromSearchWorker, ToSearchWorker } from './search-protocol';

let engine: SearchEngine | null = null;
const post = (message: FromSearchWorker): void => postMessage(message);

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

addEventListener('message', (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  if (message.type === 'init') {
    const started = performance.now();
    Promise.all([fetchJson<ContentBundle>(message.bundleUrl), fetchJson<SerializedSearchIndex>(message.indexUrl)])
      .then(([bundle, index]) => {
        const documents = searchDocumentsFromBundle(bundle);
        engine = SearchEngine.load(index, documents);
        post({ type: 'ready', documents: documents.length, loadMs: performance.now() - started });
      })
      .catch((error: unknown) => post({ type: 'failed', message: (error as Error).message }));
    return;
  }
  if (!engine) return;
  const started = performance.now();
  const results = engine.search(message.query, message.options);
  post({ type: 'results', id: message.id, results, tookMs: performance.now() - started });
});
