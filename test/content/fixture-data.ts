/** Builds a small, valid data/ folder in a temp directory that tests then break on purpose. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REQUIRED_SECTIONS } from '../../src/shared/content';

export interface FixtureNote {
  id: string;
  related?: string[];
  /** Extra Markdown appended to the overview section. */
  extra?: string;
}

export function noteMarkdown(note: FixtureNote, lang: 'zh' | 'en'): string {
  const sections = REQUIRED_SECTIONS.map((id) => `## ${lang === 'zh' ? '章节' : 'Section'} ${id} {#${id}}\n\n${lang === 'zh' ? '这是关于' : 'This is about'} ${note.id} ${id}.${id === 'overview' && note.extra ? `\n\n${note.extra}` : ''}\n`);
  return [
    '---',
    `id: ${note.id}`,
    `lang: ${lang}`,
    `title: ${note.id.toUpperCase()} ${lang}`,
    `summary: ${lang === 'zh' ? '一句话简介。' : 'A one-line summary.'}`,
    'category: service-mesh',
    'cncfStatus: graduated',
    `related: [${(note.related ?? []).join(', ')}]`,
    'tags: [proxy]',
    '---',
    '',
    ...sections,
  ].join('\n');
}

export const LINKS_YAML = `- url: https://www.envoyproxy.io/
  source: seed
  kind: official
  projects: [envoy]
  lang: en
  title: { zh: Envoy 官网, en: Envoy website }
  description: { zh: 官方网站。, en: The official site. }
  status: active
- url: https://istio.io/docs/
  source: seed
  kind: docs
  projects: [istio, envoy]
  lang: en
  title: { zh: Istio 文档, en: Istio docs }
  description: { zh: 文档。, en: The docs. }
  status: moved
  statusNote: { zh: 已迁移。, en: Moved. }
  replacedBy: https://istio.io/latest/docs/
- url: https://istio.io/latest/docs/
  source: addition
  kind: docs
  projects: [istio]
  lang: en
  title: { zh: Istio 最新文档, en: Istio latest docs }
  description: { zh: 最新文档。, en: The current docs. }
  status: active
`;

export const RELATIONS_YAML = `externals:
  - id: finagle
    name: { zh: Finagle, en: Finagle }
edges:
  - from: istio
    to: envoy
    type: built-on
    description: { zh: Istio 使用 Envoy。, en: Istio uses Envoy. }
`;

export const GLOSSARY_YAML = `- id: sidecar
  zh: 边车
  en: sidecar
  definition: { zh: 与应用同部署的代理。, en: A proxy deployed next to the app. }
  notes: [istio]
`;

export function writeFixtureData(dir: string, notes: FixtureNote[] = [{ id: 'envoy' }, { id: 'istio', related: ['envoy'] }]): string {
  const dataDir = join(dir, 'data');
  mkdirSync(join(dataDir, 'notes'), { recursive: true });
  for (const note of notes) {
    for (const lang of ['zh', 'en'] as const) writeFileSync(join(dataDir, 'notes', `${note.id}.${lang}.md`), noteMarkdown(note, lang));
  }
  writeFileSync(join(dataDir, 'links.yaml'), LINKS_YAML);
  writeFileSync(join(dataDir, 'relations.yaml'), RELATIONS_YAML);
  writeFileSync(join(dataDir, 'glossary.yaml'), GLOSSARY_YAML);
  return dataDir;
}
