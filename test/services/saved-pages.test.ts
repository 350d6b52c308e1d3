/**
 * Save for offline against a local HTTP server started by the test: what is stored for a normal
 * article and a GBK page, that nothing executable survives, and a clear error for each failure
 * (too large, redirect loop, not HTML, HTTP error, timeout, cancel).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/services/app-services';
import { confBackend } from '../../src/services/conf-backend';
import { invokeMethod } from '../../src/services/dispatch';
import type { TaskProgress } from '../../src/shared/api';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const paragraph = (text: string, times: number) => `<p>${text.repeat(times)}</p>`;
const ARTICLE = `<!doctype html><html lang="en"><head><title>Envoy xDS explained</title><meta name="author" content="A. Writer"></head>
<body><nav>Home · Docs · Blog</nav><article><h1>Envoy xDS explained</h1>${paragraph('The xDS APIs let a control plane reconfigure Envoy at run time. ', 12)}
${paragraph('Listeners, routes, clusters and endpoints each have their own discovery service. ', 10)}<p>See <a href="/docs/xds">the docs</a>.</p></article><footer>© 2026</footer></body></html>`;
const EVIL = `<html><head><title>Evil</title><script>window.x=1</script></head><body><article><h1 onclick="alert(1)">Evil page</h1>
${paragraph('This article tries every trick to run code inside the app that saved it. ', 10)}
<p><a href="javascript:alert(1)">click</a> <img src="https://tracker.example/p.png" alt="a diagram" onerror="alert(1)"> <iframe src="https://evil.example"></iframe></p>
<svg><script>alert(1)</script></svg><form action="https://evil.example"><input name=x></form><p style="background:url(javascript:alert(1))">styled</p>
<script>document.cookie</script><noscript><img src=x onerror=alert(1)></noscript></article></body></html>`;
// 你好，服务网格 in GBK, in a page that declares its charset in a <meta> only.
const GBK_TEXT = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xb7, 0xfe, 0xce, 0xf1, 0xcd, 0xf8, 0xb8, 0xf1]);

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/article') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(ARTICLE);
    if (path === '/evil') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(EVIL);
    if (path === '/gbk') {
      const head = Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>GBK</title></head><body><article><h1>GBK</h1><p>');
      const body = Buffer.concat([head, ...Array.from({ length: 30 }, () => GBK_TEXT), Buffer.from('</p></article></body></html>')]);
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(body);
    }
    if (path === '/huge') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<html><body>${'x'.repeat(300_000)}</body></html>`);
    if (path.startsWith('/loop')) return void res.writeHead(302, { Location: `/loop${Number(path.slice(5) || 0) + 1}` }).end();
    if (path === '/pdf') return void res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.7');
    if (path === '/missing') return void res.writeHead(404, 'Not Found').end();
    if (path === '/slow') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><body>');
      return; // never ends
    }
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function services(dir = tempDir()) {
  const progress: TaskProgress[] = [];
  const app = createAppServices({ dataDir: dir, mode: 'web', version: 'test', backend: confBackend, pageFetch: { timeoutMs: 600, maxBytes: 200_000 } });
  app.events.subscribe((event, payload) => {
    if (event === 'task.progress') progress.push(payload as TaskProgress);
  });
  return { app, progress, dir };
}

const save = (app: ReturnType<typeof services>['app'], url: string, taskId = 't1') => invokeMethod(app.handlers, 'savedPages.save', { url, taskId }, { checkOutputs: true });

describe('saving a page for offline reading', () => {
  it('stores the readable article, its record and its text, and reports progress', async () => {
    const { app, progress, dir } = services();
    const result = await save(app, `${base}/article`);
    expect(result).toMatchObject({ ok: true, value: { url: `${base}/article`, title: 'Envoy xDS explained', site: '127.0.0.1', language: 'en', charset: 'utf-8' } });
    const page = (result as { value: { id: string } }).value;
    const stored = await invokeMethod(app.handlers, 'savedPages.get', { id: page.id }, { checkOutputs: true });
    const content = (stored as { value: { content: { html: string; text: string } } }).value.content;
    expect(content.text).toContain('The xDS APIs let a control plane reconfigure Envoy');
    expect(content.text).not.toContain('Home · Docs · Blog');
    expect(content.html).toContain(`<a href="${base}/docs/xds" rel="noopener noreferrer" data-external>the docs</a>`);
    expect(existsSync(join(dir, 'pages', `${page.id}.json`))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'saved-pages.json'), 'utf8')).pages).toHaveLength(1);
    expect(progress.at(0)).toMatchObject({ taskId: 't1', kind: 'save-page', state: 'running' });
    expect(progress.at(-1)).toMatchObject({ taskId: 't1', state: 'done' });
    // Saving the same address again replaces it instead of adding a second copy.
    await save(app, `${base}/article`, 't2');
    expect(app.savedPages.list()).toHaveLength(1);
  });

  it('decodes a GBK page by the charset its <meta> declares', async () => {
    const { app } = services();
    const result = await save(app, `${base}/gbk`);
    const id = (result as { value: { id: string; charset: string } }).value.id;
    expect((result as { value: { charset: string } }).value.charset).toBe('gbk');
    expect(app.savedPages.get(id).content.text).toContain('你好，服务网格');
  });

  it('keeps nothing that could run: no scripts, handlers, javascript: links, frames, forms, styles or remote images', async () => {
    const { app } = services();
    const result = await save(app, `${base}/evil`);
    const { html } = app.savedPages.get((result as { value: { id: string } }).value.id).content;
    expect(html).not.toMatch(/<script|<iframe|<form|<svg|<img|<style|\son\w+=|javascript:|style=/i);
    expect(html).toContain('[a diagram]');
    expect(html).toContain('Evil page');
  });

  it('sanitizes the stored article again when it is read, so an edited file cannot run anything', async () => {
    const { app, dir } = services();
    const result = await save(app, `${base}/article`);
    const id = (result as { value: { id: string } }).value.id;
    const file = join(dir, 'pages', `${id}.json`);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { html: string; text: string };
    const tampered = `<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a><p onclick="alert(4)">kept text</p>`;
    writeFileSync(file, JSON.stringify({ ...stored, html: stored.html + tampered }));
    const got = await invokeMethod(app.handlers, 'savedPages.get', { id }, { checkOutputs: true });
    const { html } = (got as { value: { content: { html: string } } }).value.content;
    expect(html).not.toMatch(/<script|<img|onerror|onclick|javascript:/i);
    expect(html).toContain('<p>kept text</p>');
    expect(html).toContain(`<a href="${base}/docs/xds" rel="noopener noreferrer" data-external>the docs</a>`);
  });

  it.each([
    ['/huge', /larger than/],
    ['/loop0', /redirects more than 5 times/],
    ['/pdf', /not a web page \(application\/pdf\)/],
    ['/missing', /answered 404/],
    ['/slow', /did not arrive within 1 seconds/],
  ])('refuses %s with a clear message and stores nothing', async (path, message) => {
    const { app, progress, dir } = services();
    const result = await save(app, `${base}${path}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'NETWORK', message: expect.stringMatching(message) } });
    expect(app.savedPages.list()).toEqual([]);
    expect(existsSync(join(dir, 'pages'))).toBe(false);
    expect(progress.at(-1)).toMatchObject({ state: 'failed' });
  });

  it('can be cancelled while it downloads', async () => {
    const { app, progress } = services();
    const pending = save(app, `${base}/slow`, 'slow-task');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await invokeMethod(app.handlers, 'savedPages.cancel', { taskId: 'slow-task' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await pending).toMatchObject({ ok: false, error: { message: 'Saving the page was cancelled.' } });
    expect(progress.at(-1)).toMatchObject({ taskId: 'slow-task', state: 'cancelled' });
  });

  it('refuses addresses that are not web pages before fetching anything', async () => {
    const { app } = services();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/']) {
      expect(await save(app, url)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('re-fetches to show what changed, and deletes with undo', async () => {
    const { app } = services();
    const saved = (await save(app, `${base}/article`)) as { value: { id: string } };
    const again = await invokeMethod(app.handlers, 'savedPages.refetch', { id: saved.value.id, taskId: 'r1' }, { checkOutputs: true });
    expect(again).toMatchObject({ ok: true, value: { page: { id: saved.value.id }, previous: { id: saved.value.id } } });
    await invokeMethod(app.handlers, 'savedPages.remove', { id: saved.value.id });
    expect(app.savedPages.list()).toEqual([]);
    await invokeMethod(app.handlers, 'savedPages.restore', { id: saved.value.id });
    expect(app.savedPages.get(saved.value.id).content.text).toContain('xDS');
  });
});
