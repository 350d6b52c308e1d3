/** Builds a small, valid data/ folder in a temp directory that tests then break on purpose. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REQUIRED_SECTIONS } from '../../src/shared/content';

export interface FixtureNote {
  id: string;
  related?: string[];
  /** Extra Markdown appended to the overview section. */
  extra?: string;
  /** Leave out the text that reaches the depth floors. */
  thin?: boolean;
  /** How many self-check questions (default 3). */
  questions?: number;
}

/** Enough text for the build's depth floors (2,000 Han characters, 1,200 English words). */
function depth(lang: 'zh' | 'en'): string {
  return lang === 'zh' ? '这一段文字只用来让测试笔记达到篇幅下限。'.repeat(110) : 'This paragraph only pads the test note past the minimum length. '.repeat(110);
}

function checkQuestions(lang: 'zh' | 'en', count: number): string {
  return Array.from({ length: count }, (_, i) =>
    lang === 'zh' ? `::: question 第 ${i + 1} 个问题？\n答案 ${i + 1}。\n:::` : `::: question Question ${i + 1}?\nAnswer ${i + 1}.\n:::`,
  ).join('\n\n');
}

function sectionBody(note: FixtureNote, lang: 'zh' | 'en', id: string): string {
  if (id === 'check') return checkQuestions(lang, note.questions ?? 3);
  const line = `${lang === 'zh' ? '这是关于' : 'This is about'} ${note.id} ${id}.`;
  if (id === 'overview' && note.extra) return `${line}\n\n${note.extra}`;
  // The last section carries the bulk, so the line numbers of everything before it stay put.
  if (id === 'resources' && !note.thin) return `${line}\n\n${depth(lang)}`;
  return line;
}

export function noteMarkdown(note: FixtureNote, lang: 'zh' | 'en'): string {
  const sections = REQUIRED_SECTIONS.map((id) => `## ${lang === 'zh' ? '章节' : 'Section'} ${id} {#${id}}\n\n${sectionBody(note, lang, id)}\n`);
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

export const PATHS_YAML = `- id: a-walk
  title: { zh: 一段路, en: A walk }
  description: { zh: 两步。, en: Two steps. }
  steps:
    - { note: envoy, section: overview, title: { zh: 第一步, en: Step one } }
    - { note: istio, section: architecture, title: { zh: 第二步, en: Step two } }
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
  writeFileSync(join(dataDir, 'paths.yaml'), PATHS_YAML);
  return dataDir;
}
