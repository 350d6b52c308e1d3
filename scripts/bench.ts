/**
 * `npm run -s bench -- [--json] [--documents n]`: the search benchmark. Builds, side by side in one
 * run, our index (atlas), MiniSearch and FlexSearch over the bundled corpus and a deterministic
 * synthetic bilingual corpus, and measures build time, index size, load time, query latency and
 * recall on the labelled query set. How each engine is configured: scripts/bench/engines.ts.
 * Timings are printed, never asserted: targets are reported as met or not.
 */
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildContent } from './content/build';
import { ContentBuildError } from './content/errors';
import { benchAnnotations } from './bench/annotations';
import { benchBookmarks } from './bench/bookmarks';
import { benchUserIndex } from './bench/user-index';
import { BENCH_ENGINES, type BenchEngine, type LoadedEngine } from './bench/engines';
import { readLabelledQueries, recallAt, type LabelledQuery } from './bench/labelled';
import { benchQueries, typedPrefixes } from './bench/queries';
import { DEFAULT_SYNTHETIC_OPTIONS, syntheticCorpus } from './bench/synthetic-corpus';
import { percentile, round } from './bench/timing';
import { searchDocumentsFromBundle, type SearchDocument } from '../src/shared/search/documents';
import { SearchEngine } from '../src/shared/search/engine';
import { buildSearchIndex } from '../src/shared/search/build-index';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function timeQueries(engine: LoadedEngine, queries: readonly string[]): number[] {
  return queries.map((query) => {
    const start = performance.now();
    engine.search(query, 10);
    return performance.now() - start;
  });
}

interface EngineMeasurement {
  buildMs: number;
  indexBytes: number;
  loadMs: number | null;
  /** First time each query of the mix is asked (no answer cached), on the synthetic corpus. */
  queryP50Ms: number;
  queryP95Ms: number;
  /** Every keystroke while typing the mix, as the palette asks it. */
  typingP95Ms: number;
  recallAt5: number;
  bundledP95Ms: number;
  bundledBuildMs: number;
  bundledIndexBytes: number;
}

async function buildAndLoad(engine: BenchEngine, documents: readonly SearchDocument[]) {
  let start = performance.now();
  const serialized = await engine.build(documents);
  const buildMs = performance.now() - start;
  start = performance.now();
  const loaded = await engine.load(serialized, documents);
  const loadMs = performance.now() - start;
  return { serialized, buildMs, loadMs, loaded };
}

async function measure(
  engine: BenchEngine,
  bundled: readonly SearchDocument[],
  labelled: readonly LabelledQuery[],
  synthetic: readonly SearchDocument[],
  mix: readonly string[],
  warmup: readonly string[],
): Promise<{ result: EngineMeasurement; misses: ReturnType<typeof recallAt>['misses'] }> {
  // Bundled corpus: recall on the labelled set, then latency of every keystroke of those queries.
  const small = await buildAndLoad(engine, bundled);
  const recall = recallAt(5, labelled, bundled, small.loaded.search);
  const bundledTimes = timeQueries(small.loaded, typedPrefixes(labelled.map((q) => q.query)));

  const big = await buildAndLoad(engine, synthetic);
  timeQueries(big.loaded, warmup);
  const times = timeQueries(big.loaded, mix);
  const typing = timeQueries(big.loaded, typedPrefixes(mix));
  return {
    misses: recall.misses,
    result: {
      buildMs: round(big.buildMs, 0),
      indexBytes: Buffer.byteLength(big.serialized),
      loadMs: round(big.loadMs, 0),
      queryP50Ms: round(percentile(times, 50), 3),
      queryP95Ms: round(percentile(times, 95), 3),
      typingP95Ms: round(percentile(typing, 95), 3),
      recallAt5: round(recall.recall, 4),
      bundledP95Ms: round(percentile(bundledTimes, 95), 3),
      bundledBuildMs: round(small.buildMs, 0),
      bundledIndexBytes: Buffer.byteLength(small.serialized),
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      documents: { type: 'string', default: String(DEFAULT_SYNTHETIC_OPTIONS.documents) },
      engines: { type: 'string', default: BENCH_ENGINES.map((e) => e.name).join(',') },
      bookmarks: { type: 'string', default: '10000' },
    },
  });
  const documentCount = Number(values.documents);
  if (!Number.isInteger(documentCount) || documentCount < 1) throw new Error(`--documents must be a positive whole number`);
  const engines = values.engines.split(',').map((name) => {
    const engine = BENCH_ENGINES.find((e) => e.name === name.trim());
    if (!engine) throw new Error(`unknown engine "${name}" (known: ${BENCH_ENGINES.map((e) => e.name).join(', ')})`);
    return engine;
  });
  const log = (message: string): void => {
    if (!values.json) console.log(message);
    else process.stderr.write(`${message}\n`);
  };

  const { bundle, errors } = buildContent(join(projectRoot, 'data'), projectRoot);
  if (!bundle) throw new ContentBuildError(errors);
  const bundled = searchDocumentsFromBundle(bundle);
  const labelled = readLabelledQueries(join(projectRoot, 'test/search/labelled-queries.json'));

  log(`Generating the synthetic corpus (${documentCount} documents)…`);
  const corpus = syntheticCorpus({ ...DEFAULT_SYNTHETIC_OPTIONS, documents: documentCount });
  const queries = benchQueries(corpus);
  const warmup = benchQueries(corpus, 99).map((q) => q.query);
  const mix = queries.map((q) => q.query);

  const results: Record<string, EngineMeasurement> = {};
  const misses: Record<string, unknown> = {};
  for (const engine of engines) {
    log(`Measuring ${engine.name}…`);
    const measured = await measure(engine, bundled, labelled, corpus.documents, mix, warmup);
    results[engine.name] = measured.result;
    misses[engine.name] = measured.misses;
  }

  log(`Measuring bookmarks (${values.bookmarks})…`);
  const bookmarks = benchBookmarks(Number(values.bookmarks));

  log('Measuring annotations (10,000; drawing 500 in Chromium when it is installed)…');
  const annotations = await benchAnnotations(bundle, projectRoot);

  log('Measuring the live user index (10,000 documents)…');
  const bundledEngine = SearchEngine.load(JSON.parse(JSON.stringify(buildSearchIndex(bundled))), bundled);
  const bundledWords = [...new Set(bundled.flatMap((d) => `${d.text.en} ${d.text.zh}`.split(/[\s，。、,.()（）:：;；]+/)))].filter((w) => w.length > 1 && w.length < 15);
  const glossaryWarmup = bundle.glossary.flatMap((term) => [term.zh, term.en]);
  const userIndex = benchUserIndex(bundledEngine, bundledWords, labelled.map((q) => q.query), glossaryWarmup);

  const atlas = results.atlas;
  const mini = results.minisearch;
  const flex = results.flexsearch;
  const targets: Record<string, boolean | null> = atlas
    ? {
        'p95 <= 16 ms on the synthetic corpus': atlas.queryP95Ms <= 16,
        'p95 no worse than MiniSearch': mini ? atlas.queryP95Ms <= mini.queryP95Ms : null,
        'p95 <= 1 ms on the bundled corpus': atlas.bundledP95Ms <= 1,
        'load at least 10x faster than build': atlas.loadMs !== null && atlas.loadMs * 10 <= atlas.buildMs,
        'recall@5 at least that of both peers':
          (mini ? atlas.recallAt5 >= mini.recallAt5 : true) && (flex ? atlas.recallAt5 >= flex.recallAt5 : true),
      }
    : {};
  Object.assign(targets, {
    'bookmarks: first page of the view <= 50 ms': bookmarks.firstPageMs <= 50,
    'bookmarks: start-up read <= 500 ms': bookmarks.openMs <= 500,
    'bookmarks: add p95 <= 250 ms at this size': bookmarks.addP95Ms <= 250,
    'bookmarks: update p95 <= 250 ms at this size': bookmarks.updateP95Ms <= 250,
    'annotations: drawing 500 highlights of one note <= 50 ms': annotations.drawHighlightsMs === null ? null : annotations.drawHighlightsMs <= 50,
    'annotations: first page of the Annotations view <= 50 ms': annotations.viewFirstPageMs <= 50,
    'user index: start <= 300 ms with 10,000 documents': userIndex.startMs <= 300,
    'user index: one update <= 5 ms p95': Math.max(userIndex.addP95Ms, userIndex.updateP95Ms, userIndex.removeP95Ms) <= 5,
    'user index: merged query p95 <= 2 ms': userIndex.mergedQueryP95Ms <= 2,
  });

  const report = {
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version },
    corpus: {
      bundled: { documents: bundled.length, labelledQueries: labelled.length },
      synthetic: {
        documents: corpus.documents.length,
        tokens: corpus.tokens,
        vocabulary: corpus.english.length + corpus.chinese.length,
        zipfExponent: corpus.options.zipfExponent,
        seed: corpus.options.seed,
        queries: mix.length,
        queryKinds: Object.fromEntries([...new Set(queries.map((q) => q.kind))].map((kind) => [kind, queries.filter((q) => q.kind === kind).length])),
      },
    },
    engines: results,
    bookmarks,
    userIndex,
    annotations,
    targets,
    recallMisses: misses,
  };

  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const metrics = Object.keys(Object.values(results)[0] ?? {}) as (keyof EngineMeasurement)[];
  console.log(`\n${'metric'.padEnd(18)}${engines.map((e) => e.name.padStart(14)).join('')}`);
  for (const metric of metrics) console.log(`${metric.padEnd(18)}${engines.map((e) => String(results[e.name]![metric]).padStart(14)).join('')}`);
  console.log(`\nBookmarks (${bookmarks.bookmarks}): ${JSON.stringify(bookmarks)}`);
  console.log(`Live user index: ${JSON.stringify(userIndex)}`);
  console.log(`Annotations: ${JSON.stringify(annotations)}`);
  console.log('\nTargets:');
  for (const [target, met] of Object.entries(targets)) console.log(`  ${met === null ? 'skipped' : met ? 'met    ' : 'NOT MET'}  ${target}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
