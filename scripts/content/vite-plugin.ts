/**
 * Vite plugin: builds the content bundle and the prebuilt search index from data/ when the
 * renderer builds (failing the build with every problem, by file and line), and serves both from
 * the dev server.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { buildSearchIndex } from '../../src/shared/search/build-index';
import { searchDocumentsFromBundle } from '../../src/shared/search/documents';
import { buildContent } from './build';
import { ContentBuildError } from './errors';

export const CONTENT_BUNDLE_PATH = 'content/bundle.json';
export const SEARCH_INDEX_PATH = 'content/search-index.json';

type ContentFiles = Record<typeof CONTENT_BUNDLE_PATH | typeof SEARCH_INDEX_PATH, string>;

function contentFiles(projectRoot: string): ContentFiles {
  const { bundle, errors } = buildContent(join(projectRoot, 'data'), projectRoot);
  if (!bundle) throw new ContentBuildError(errors);
  return {
    [CONTENT_BUNDLE_PATH]: JSON.stringify(bundle),
    [SEARCH_INDEX_PATH]: JSON.stringify(buildSearchIndex(searchDocumentsFromBundle(bundle))),
  };
}

export function atlasContent(projectRoot: string): Plugin {
  let files: ContentFiles | null = null;
  return {
    name: 'atlas-content',
    buildStart() {
      this.addWatchFile(join(projectRoot, 'data'));
      try {
        files = contentFiles(projectRoot);
      } catch (error) {
        this.error((error as Error).message);
      }
    },
    generateBundle() {
      for (const [fileName, source] of Object.entries(files ?? {})) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]?.slice(1);
        if (path !== CONTENT_BUNDLE_PATH && path !== SEARCH_INDEX_PATH) return next();
        try {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(contentFiles(projectRoot)[path]);
        } catch (error) {
          res.statusCode = 500;
          res.end(JSON.stringify({ error: (error as Error).message }));
        }
      });
    },
  };
}
