import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startWebServer, type RunningWebServer } from '../../src/web/server';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const running: RunningWebServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function start(dataDir = tempDir()): Promise<RunningWebServer> {
  const rendererDir = tempDir();
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>atlas</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const server = await startWebServer({ port: 0, dataDir, rendererDir, version: '1.2.3', token: 'test-token' });
  running.push(server);
  return server;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can set Host and Origin the way an attacker's page or tool would. */
function send(server: RunningWebServer, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function callApi(server: RunningWebServer, method: string, input?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return send(server, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
    body: JSON.stringify({ input }),
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=test-token`);
  });

  it('serves the renderer with the CSP and other security headers', async () => {
    const server = await start();
    const page = await send(server, { path: '/?token=test-token' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>atlas</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(server, { path: '/assets/app.js' })).status).toBe(200);
    expect((await send(server, { path: '/../../etc/passwd' })).status).toBe(404);
  });

  it('answers the API through the services', async () => {
    const server = await start();
    const info = await callApi(server, 'app.info');
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { mode: 'web', version: '1.2.3' } });

    const updated = await callApi(server, 'settings.update', { theme: 'dark' });
    expect(JSON.parse(updated.body)).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(JSON.parse((await callApi(server, 'settings.get')).body)).toMatchObject({ value: { theme: 'dark' } });
  });

  it('refuses API calls without the right token', async () => {
    const server = await start();
    const missing = await callApi(server, 'settings.get', undefined, { Authorization: '' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await callApi(server, 'settings.get', undefined, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await callApi(server, 'settings.get', undefined, { Authorization: 'Bearer test-token-longer' })).status).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const server = await start();
    const api = await callApi(server, 'settings.get', undefined, { Host: `evil.example:${server.port}` });
    expect(api.status).toBe(421);
    expect((await send(server, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(421);
    expect((await callApi(server, 'settings.get', undefined, { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses cross-origin calls even with the token', async () => {
    const server = await start();
    const foreign = await callApi(server, 'settings.update', { theme: 'dark' }, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const crossSite = await callApi(server, 'settings.get', undefined, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const own = await callApi(server, 'settings.get', undefined, { Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(JSON.parse((await callApi(server, 'settings.get')).body)).toMatchObject({ value: { theme: 'system' } });
  });

  it('validates input and names the bad field', async () => {
    const server = await start();
    const bad = await callApi(server, 'settings.update', { theme: 'neon' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('theme') } });
    expect((await callApi(server, 'settings.nope')).status).toBe(404);
  });

  it('refuses bodies that are not JSON, not an envelope, or too large', async () => {
    const server = await start();
    const auth = { Authorization: `Bearer ${server.token}` };
    const notJson = await send(server, { method: 'POST', path: '/api/settings.get', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{oops' });
    expect(notJson.status).toBe(400);
    const textPlain = await send(server, { method: 'POST', path: '/api/settings.get', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(textPlain.status).toBe(415);
    const notEnvelope = await send(server, { method: 'POST', path: '/api/settings.get', headers: { ...auth, 'Content-Type': 'application/json' }, body: '[1,2]' });
    expect(notEnvelope.status).toBe(400);
    const huge = await callApi(server, 'settings.update', { theme: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('only allows POST on the API and GET on files', async () => {
    const server = await start();
    expect((await send(server, { path: '/api/settings.get', headers: { Authorization: `Bearer ${server.token}` } })).status).toBe(405);
    expect((await send(server, { method: 'POST', path: '/index.html', body: 'x' })).status).toBe(405);
  });

  it('answers malformed percent-encoding in the path with 400 and keeps serving', async () => {
    const server = await start();
    const bad = await send(server, { method: 'POST', path: '/api/%E0%A4%A', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` }, body: '{}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await callApi(server, 'settings.get')).status).toBe(200);
  });

  it('maps NOT_FOUND to 404 and a stale edit to 409 CONFLICT', async () => {
    const server = await start();
    expect((await callApi(server, 'bookmarks.remove', { id: 'nope' })).status).toBe(404);
    const added = JSON.parse((await callApi(server, 'bookmarks.add', { target: { kind: 'note', noteId: 'envoy' }, title: 'Envoy' })).body);
    expect((await callApi(server, 'bookmarks.update', { id: added.value.id, revision: 1, title: 'one' })).status).toBe(200);
    const stale = await callApi(server, 'bookmarks.update', { id: added.value.id, revision: 1, title: 'two' });
    expect(stale.status).toBe(409);
    expect(JSON.parse(stale.body)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('streams service events to a page holding the token, and to no one else', async () => {
    const server = await start();
    expect((await send(server, { path: '/api/events' })).status).toBe(401);
    expect((await send(server, { path: '/api/events?token=test-token', headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events?token=test-token', headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes(': connected') && !text.includes('bookmarks.changed')) {
            void callApi(server, 'bookmarks.add', { target: { kind: 'note', noteId: 'istio' }, title: 'Istio' });
          }
          if (text.includes('"title":"Istio"')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (error) => (error.message.includes('aborted') ? undefined : reject(error)));
      req.end();
    });
    expect(received).toMatch(/event: bookmarks\.changed\ndata: \{"op":"upsert","bookmark":\{/);
  });

  it('lets only one process use a data folder, and says who has it', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await expect(start(dataDir)).rejects.toThrow(/is in use by browser mode \(npm run web\) \(process \d+ .*--data-dir/);
    await first.close();
    running.splice(running.indexOf(first), 1);
    const second = await start(dataDir);
    expect((await callApi(second, 'settings.get')).status).toBe(200);
  });
});
