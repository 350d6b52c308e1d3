/**
 * Annotations at scale: 10,000 over the bundled notes (500 of them on one note, Envoy in English),
 * each a real passage of the note's canonical text. Measured in Node: opening the store, the
 * Annotations view's first page (the services' page plus grouping and orphan detection in the
 * renderer's code), placing the 500 of one note in its text, and p95 of adding one. In a browser
 * (Debian's Chromium, when installed): opening that note in the built app and drawing all 500
 * highlights, read from the app's own `atlas:draw-highlights` measure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnnotationsService } from '../../src/services/annotations-service';
import { confBackend } from '../../src/services/conf-backend';
import { openStore } from '../../src/services/store';
import { annotationsSpec } from '../../src/services/store-specs';
import { describeRange } from '../../src/shared/anchoring/selectors';
import { ANNOTATION_COLORS, type Annotation, type AnnotationsFile } from '../../src/shared/annotations';
import type { ContentBundle } from '../../src/shared/content';
import { groupAnnotations, placeAnnotations } from '../../src/shared/anchoring/placement';
import { seededRandom } from './synthetic-corpus';
import { p95, round as roundTo, time } from './timing';

export interface AnnotationBench {
  annotations: number;
  onOneNote: number;
  openMs: number;
  viewFirstPageMs: number;
  placeOneNoteMs: number;
  addP95Ms: number;
  /** Drawing the 500 highlights in Chromium; null when no browser is installed. */
  drawHighlightsMs: number | null;
}

const HOT_NOTE = 'envoy';
const ON_HOT_NOTE = 500;

export function syntheticAnnotations(bundle: ContentBundle, count: number, seed = 5): Annotation[] {
  const random = seededRandom(seed);
  const notes = bundle.notes;
  return Array.from({ length: count }, (_, i) => {
    const note = i < ON_HOT_NOTE ? notes.find((n) => n.id === HOT_NOTE)! : notes[Math.floor(random() * notes.length)]!;
    const language = i < ON_HOT_NOTE ? 'en' : random() < 0.5 ? 'zh' : 'en';
    const text = note.text[language].plain;
    const length = 8 + Math.floor(random() * 60);
    const start = Math.floor(random() * (text.length - length));
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    return {
      v: 1, id: `bench-${i}`, revision: 1, noteId: note.id, pageId: null, language, sectionId: null,
      selectors: describeRange(text, start, start + length), color: ANNOTATION_COLORS[i % 4]!,
      comment: i % 3 === 0 ? `Review this with the team / 和团队一起复习 ${i}` : '', tags: i % 5 === 0 ? ['复习'] : [],
      createdAt: at, updatedAt: at,
    };
  });
}

const round = (n: number): number => roundTo(n, 1);

export async function benchAnnotations(bundle: ContentBundle, projectRoot: string, count = 10_000): Promise<AnnotationBench> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-annotations-'));
  try {
    const annotations = syntheticAnnotations(bundle, count);
    const file: AnnotationsFile = { schemaVersion: 1, annotations };
    writeFileSync(join(dir, 'annotations.json'), JSON.stringify(file));
    const [service, openMs] = time(() => {
      const opened = openStore({ spec: annotationsSpec, dataDir: dir, backend: confBackend, onNotice: () => {} });
      return new AnnotationsService(opened.file, opened.data);
    });
    const [, viewFirstPageMs] = time(() => groupAnnotations(service.list({ limit: 100 }).items, bundle));
    const hot = bundle.notes.find((n) => n.id === HOT_NOTE)!.text.en.plain;
    const [, placeOneNoteMs] = time(() => placeAnnotations(hot, service.list({ noteId: HOT_NOTE, language: 'en', limit: 10_000 }).items));
    const adds: number[] = [];
    for (let i = 0; i < 40; i++) {
      const selectors = describeRange(hot, i * 10, i * 10 + 12);
      adds.push(time(() => service.add({ noteId: HOT_NOTE, language: 'en', sectionId: null, selectors, color: 'yellow' }))[1]);
    }
    const drawHighlightsMs = await drawInBrowser(projectRoot, dir);
    return { annotations: count, onOneNote: ON_HOT_NOTE, openMs: round(openMs), viewFirstPageMs: round(viewFirstPageMs), placeOneNoteMs: round(placeOneNoteMs), addP95Ms: round(p95(adds)), drawHighlightsMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the hot note in the built app (browser mode over this data folder) and reads the draw time. */
async function drawInBrowser(projectRoot: string, dataDir: string): Promise<number | null> {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  const rendererDir = join(projectRoot, 'out', 'renderer');
  if (!chromium || !existsSync(join(rendererDir, 'index.html'))) return null;
  const { chromium: playwright } = await import('@playwright/test');
  const server = await startBrowserMode(projectRoot, dataDir);
  const browser = await playwright.launch({ executablePath: chromium, args: ['--disable-gpu', '--no-sandbox'] });
  try {
    const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-ready="true"]');
    await page.goto(`${server.url.split('?')[0]}#/note/${HOT_NOTE}`);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    const draws = await page.waitForFunction(
      (wanted) => {
        // Runs in the page: a browser's PerformanceMeasure carries the `detail` the app set.
        const entries = performance.getEntriesByName('atlas:draw-highlights') as unknown as { duration: number; detail: { annotations: number } }[];
        const full = entries.filter((entry) => entry.detail.annotations >= wanted);
        return full.length > 0 ? full.map((entry) => entry.duration) : null;
      },
      ON_HOT_NOTE,
      { timeout: 30_000 },
    );
    const durations = (await draws.jsonValue()) as number[];
    return round(Math.max(...durations));
  } finally {
    await browser.close();
    server.stop();
  }
}

/** `npm run web` on this data folder, as a user starts it; resolves with its address. */
function startBrowserMode(projectRoot: string, dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/web/cli.ts', '--port', '0', '--data-dir', dataDir, '--no-build'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}`)));
  });
}
