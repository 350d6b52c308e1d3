/**
 * Fuzzing the browser-mode API: random and near-valid inputs for every method of the contract, and
 * raw bodies and paths. Whatever comes in, the server stays up, answers with a well-formed Result,
 * and the data folder still opens cleanly afterwards.
 */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../src/shared/api';
import { createAppServices } from '../../src/services/app-services';
import { confBackend } from '../../src/services/conf-backend';
import { startWebServer, type RunningWebServer } from '../../src/web/server';
import { seededRandom } from '../../scripts/bench/synthetic-corpus';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const random = seededRandom(20261126);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const NASTY_STRINGS = [
  '', ' ', 'constructor', '__proto__', 'prototype', 'toString', '<img src=x onerror=alert(1)>', 'javascript:alert(1)',
  'https://user:pw@example.com/', 'https://example.com/' + 'a'.repeat(5000), '\u0000', '\uFEFF', '%E0%A4%A', '../../etc/passwd',
  '服务网格', '𝕌𝕟𝕚𝕔𝕠𝕕𝕖', 'envoy', 'architecture', 'a-b-c', 'x'.repeat(100_000),
];
const NASTY_NUMBERS = [0, -1, 1, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE, 0.5, 100, 101, NaN];

function randomValue(depth = 0): unknown {
  const roll = random();
  if (roll < 0.25) return pick(NASTY_STRINGS);
  if (roll < 0.4) return pick(NASTY_NUMBERS);
  if (roll < 0.5) return pick([true, false, null, undefined]);
  if (depth > 2) return pick(NASTY_STRINGS);
  if (roll < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
  const keys = ['id', 'revision', 'noteId', 'sectionId', 'url', 'kind', 'target', 'title', 'tags', 'comment', 'percent', 'quote', 'read', 'theme', 'language', 'limit', 'offset', 'text', 'seq', 'v', '__proto__', 'constructor'];
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 5); i > 0; i--) object[pick(keys)] = randomValue(depth + 1);
  return object;
}

/** Valid-looking inputs with one field bent. */
function nearValid(): unknown {
  const base = pick<Record<string, unknown>>([
    { target: { kind: 'note', noteId: 'envoy' }, title: 'Envoy' },
    { target: { kind: 'url', url: 'https://example.com/' }, title: 'x', tags: ['a'] },
    { id: 'x', revision: 1, title: 'y' },
    { noteId: 'envoy', sectionId: null, quote: '', percent: 50 },
    { noteId: 'envoy', read: true },
    { theme: 'dark' },
    { id: 'x' },
    { limit: 10, offset: 0, sort: 'title' },
  ]);
  const key = pick(Object.keys(base));
  return { ...base, [key]: randomValue(1) };
}

let server: RunningWebServer;
let dataDir: string;

beforeAll(async () => {
  const rendererDir = tempDir();
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
  dataDir = tempDir();
  server = await startWebServer({ port: 0, dataDir, rendererDir, version: '0.0.0', token: 'fuzz' });
});
afterAll(async () => {
  await server.close();
});

function raw(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path,
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: 'Bearer fuzz', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function expectResult(reply: { status: number; body: string }): void {
  const result = JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) expect(reply.status).toBe(200);
  else {
    expect(typeof result.error!.code).toBe('string');
    expect(typeof result.error!.message).toBe('string');
    expect(result.error!.message.length).toBeLessThan(5000);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(result.error!.code).not.toBe('INTERNAL');
  }
}

describe('API fuzzing', () => {
  it('answers every random and near-valid input to every method with a well-formed Result', async () => {
    for (let round = 0; round < 25; round++) {
      for (const method of API_METHODS) {
        const input = random() < 0.5 ? randomValue() : nearValid();
        expectResult(await raw(`/api/${method}`, JSON.stringify({ input })));
      }
    }
  }, 60_000);

  it('answers raw bodies and odd paths without dying', async () => {
    const bodies = ['', '{', 'null', '[]', '"x"', '{"input":', '{"input":1,"extra":2}', '\u0000', '{"__proto__":{"input":1}}', '{"input":{"__proto__":{"theme":"dark"}}}'];
    const paths = ['/api/', '/api/%', '/api/%E0%A4%A', '/api/..%2f..%2fsettings.get', '/api/settings.get/extra', '/api/constructor', '/api/__proto__', '/api/hasOwnProperty'];
    for (const body of bodies) for (const method of API_METHODS.slice(0, 5)) expectResult(await raw(`/api/${method}`, body));
    for (const path of paths) expectResult(await raw(path, '{}'));
    expectResult(await raw('/api/settings.get', '{}', { 'Content-Type': 'text/html' }));
  }, 60_000);

  it('is still up, and the data folder still opens cleanly in a new process', async () => {
    expectResult(await raw('/api/app.info', '{}'));
    await server.close();
    const services = createAppServices({ dataDir, mode: 'web', version: '0.0.0', backend: confBackend });
    expect(services.notices.list()).toEqual([]);
    server = await startWebServer({ port: 0, dataDir: tempDir(), rendererDir: tempDir(), version: '0.0.0', token: 'fuzz' });
  });
});
