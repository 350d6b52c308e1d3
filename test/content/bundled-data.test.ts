/**
 * The knowledge base that ships in data/: every link of the seed is curated, every note exists in
 * both languages with every required section, and the seed's facts are there in both languages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/content/build';
import { REQUIRED_SECTIONS } from '../../src/shared/content';

const root = resolve(__dirname, '../..');
const seedDir = resolve(root, '../shared/seeds');
const NOTE_IDS = ['cncf', 'service-mesh', 'linkerd', 'envoy', 'istio', 'kubernetes', 'prometheus', 'opentracing', 'fluentd', 'grpc', 'coredns', 'containerd', 'rkt', 'docker', 'opentelemetry'];
const { bundle, errors } = buildContent(join(root, 'data'), root);

describe('the bundled knowledge base', () => {
  it('builds without a single problem', () => {
    expect(errors).toEqual([]);
  });

  it('has every note of the seed in Chinese and English with every required section', () => {
    expect(bundle!.notes.map((n) => n.id).sort()).toEqual([...NOTE_IDS].sort());
    for (const note of bundle!.notes) {
      for (const lang of ['zh', 'en'] as const) {
        const top = note.text[lang].sections.filter((s) => s.level === 2).map((s) => s.id);
        expect(top, `${note.id}.${lang}`).toEqual([...REQUIRED_SECTIONS]);
        expect(note.text[lang].sections.every((s) => s.text.trim().length > 0 || s.level === 2), `${note.id}.${lang}`).toBe(true);
      }
    }
  });

  it.runIf(existsSync(seedDir))('curates every URL of the seed, exactly as written there', () => {
    const seedText = readdirSync(seedDir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => readFileSync(join(seedDir, name), 'utf8'))
      .join('\n');
    const seedUrls = [...new Set(seedText.match(/https?:\/\/[^\s，,（）()　]+/g) ?? [])];
    expect(seedUrls.length).toBeGreaterThanOrEqual(37);
    const curated = new Map(bundle!.links.map((link) => [link.url, link]));
    for (const url of seedUrls) {
      expect(curated.get(url)?.source, url).toBe('seed');
    }
  });

  it('states the seed facts in both languages', () => {
    const text = (id: string, lang: 'zh' | 'en') => bundle!.notes.find((n) => n.id === id)!.text[lang].sections.map((s) => s.text).join('\n');
    for (const lang of ['zh', 'en'] as const) {
      expect(text('linkerd', lang)).toMatch(/Buoyant/);
      expect(text('linkerd', lang)).toMatch(/Finagle/);
      expect(text('linkerd', lang)).toMatch(/DC\/OS/);
      expect(text('envoy', lang)).toMatch(/Lyft/);
      expect(text('envoy', lang)).toMatch(/gRPC/);
      expect(text('istio', lang)).toMatch(/IBM/);
      expect(text('istio', lang)).toMatch(/Mesos/);
      expect(text('istio', lang)).toMatch(/Envoy/);
      expect(text('cncf', lang)).toMatch(/Linux/);
      expect(text('rkt', lang)).toMatch(/2019/);
      expect(text('opentracing', lang)).toMatch(/OpenTelemetry/);
    }
  });

  it('connects every CNCF project to the CNCF in the relations graph', () => {
    const members = new Set(bundle!.relations.edges.filter((e) => e.type === 'member-of' && e.to === 'cncf').map((e) => e.from));
    for (const note of bundle!.notes) {
      if (!['foundation', 'not-cncf'].includes(note.cncfStatus)) expect(members.has(note.id), note.id).toBe(true);
    }
    expect(bundle!.relations.edges).toContainEqual(expect.objectContaining({ from: 'istio', to: 'envoy', type: 'built-on' }));
    expect(bundle!.glossary.length).toBeGreaterThanOrEqual(40);
  });
});
