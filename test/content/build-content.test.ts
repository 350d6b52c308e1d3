import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/content/build';
import { formatContentError } from '../../scripts/content/errors';
import { useTempDirs } from '../support/temp-dir';
import { GLOSSARY_YAML, LINKS_YAML, RELATIONS_YAML, writeFixtureData } from './fixture-data';

const tempDir = useTempDirs();

function build(dir: string): string[] {
  return buildContent(join(dir, 'data'), dir).errors.map(formatContentError);
}

function edit(path: string, change: (text: string) => string): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('the content build accepts valid data', () => {
  it('produces a bundle with both languages, sections and rewritten links', () => {
    const dir = tempDir();
    writeFixtureData(dir, [{ id: 'envoy', extra: 'See [Istio](note:istio#architecture) and [the site](https://www.envoyproxy.io/).' }, { id: 'istio', related: ['envoy'] }]);
    const { bundle, errors } = buildContent(join(dir, 'data'), dir);
    expect(errors).toEqual([]);
    expect(bundle!.notes.map((n) => n.id)).toEqual(['envoy', 'istio']);
    const envoy = bundle!.notes[0]!;
    expect(envoy.text.zh.sections.map((s) => s.id)).toEqual(envoy.text.en.sections.map((s) => s.id));
    expect(envoy.text.en.html).toContain('<h2 id="overview">Section overview</h2>');
    expect(envoy.text.en.html).toContain('<a href="#/note/istio/architecture" data-note="istio">Istio</a>');
    expect(envoy.text.en.html).toContain('<a href="https://www.envoyproxy.io/" rel="noopener noreferrer" data-external>the site</a>');
    expect(envoy.text.en.sections[0]).toEqual({
      id: 'overview',
      level: 2,
      title: 'Section overview',
      parentId: null,
      text: 'This is about envoy overview.\nSee Istio and the site.',
    });
    expect(bundle!.links).toHaveLength(3);
    expect(bundle!.relations.edges[0]).toMatchObject({ from: 'istio', to: 'envoy', type: 'built-on' });
    expect(bundle!.glossary[0]).toMatchObject({ id: 'sidecar', aliases: [] });
  });

  it('renders self-check questions as collapsed details, keeps their text searchable, and escapes them', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    edit(join(dataDir, 'notes', 'envoy.en.md'), (t) => t.replace('::: question Question 1?\nAnswer 1.', '::: question Why does **Envoy** use <img src=x onerror=alert(1)> xDS?\nBecause *config* changes.'));
    const { bundle, errors } = buildContent(dataDir, dir);
    expect(errors).toEqual([]);
    const en = bundle!.notes[0]!.text.en;
    expect(en.html).toContain('<details class="check-question"><summary>Why does <strong>Envoy</strong> use &lt;img src=x onerror=alert(1)&gt; xDS?</summary><div class="check-answer">\n<p>Because <em>config</em> changes.</p>\n</div></details>');
    expect(en.html).not.toContain('<img');
    expect(en.sections.find((s) => s.id === 'check')!.text).toContain('Why does Envoy use <img src=x onerror=alert(1)> xDS?\nBecause config changes.');
  });

  it('keeps sub-sections with their parent and their own text', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    for (const lang of ['zh', 'en']) {
      edit(join(dataDir, 'notes', `envoy.${lang}.md`), (t) => t.replace('envoy architecture.', 'envoy architecture.\n\n### xDS {#xds}\n\nDiscovery APIs.\n'));
    }
    const { bundle, errors } = buildContent(dataDir, dir);
    expect(errors).toEqual([]);
    const xds = bundle!.notes[0]!.text.en.sections.find((s) => s.id === 'xds');
    expect(xds).toMatchObject({ level: 3, parentId: 'architecture', text: 'Discovery APIs.' });
  });

  it('sanitizes what Markdown lets through: raw HTML stays text, scripts never run', () => {
    const dir = tempDir();
    writeFixtureData(dir, [
      { id: 'envoy', extra: '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) <svg onload=alert(1)>' },
      { id: 'istio' },
    ]);
    const { bundle, errors } = buildContent(join(dir, 'data'), dir);
    expect(errors.map(formatContentError)).toEqual([]);
    const html = bundle!.notes[0]!.text.en.html;
    expect(html).not.toMatch(/<script|<img|<svg|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('the content build rejects bad data with file, line and reason', () => {
  it('a missing translation', () => {
    const dir = tempDir();
    rmSync(join(writeFixtureData(dir), 'notes', 'istio.en.md'));
    expect(build(dir)).toContain('data/notes/istio.zh.md:1: missing translation: add data/notes/istio.en.md');
  });

  it('an unknown id in related', () => {
    const dir = tempDir();
    writeFixtureData(dir, [{ id: 'envoy' }, { id: 'istio', related: ['envoy', 'linkerd'] }]);
    expect(build(dir)).toContain('data/notes/istio.en.md:8: related: unknown note id "linkerd"');
  });

  it('an unknown id in a link\'s projects, a relation and the glossary', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    writeFileSync(join(dataDir, 'links.yaml'), LINKS_YAML.replace('projects: [envoy]', 'projects: [envoi]'));
    writeFileSync(join(dataDir, 'relations.yaml'), RELATIONS_YAML.replace('to: envoy', 'to: envoy-proxy'));
    writeFileSync(join(dataDir, 'glossary.yaml'), GLOSSARY_YAML.replace('notes: [istio]', 'notes: [istio, mesh]'));
    const errors = build(dir);
    expect(errors).toContain('data/links.yaml:4: projects: unknown note id "envoi"');
    expect(errors).toContain('data/relations.yaml:6: to: unknown note or external id "envoy-proxy"');
    expect(errors).toContain('data/glossary.yaml:5: notes: unknown note id "mesh"');
  });

  it('a duplicate URL, also when it differs only by a trailing slash', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    writeFileSync(join(dataDir, 'links.yaml'), LINKS_YAML + LINKS_YAML.split('- url: https://istio.io/docs/')[0]!.replace('https://www.envoyproxy.io/', 'https://www.envoyproxy.io'));
    expect(build(dir)).toContain('data/links.yaml:27: duplicate URL https://www.envoyproxy.io (first listed on line 1)');
  });

  it('a broken internal link, to a missing note or a missing section', () => {
    const dir = tempDir();
    writeFixtureData(dir, [{ id: 'envoy', extra: 'See [mesh](note:service-mesh) and [Istio](note:istio#xds).' }, { id: 'istio' }]);
    const errors = build(dir);
    expect(errors).toContain('data/notes/envoy.en.md:16: broken link: there is no note "service-mesh"');
    expect(errors).toContain('data/notes/envoy.en.md:16: broken link: note "istio" has no section "xds"');
  });

  it('an empty section', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    edit(join(dataDir, 'notes', 'envoy.en.md'), (t) => t.replace('This is about envoy status.', ''));
    expect(build(dir)).toContain('data/notes/envoy.en.md:28: section "status" is empty');
  });

  it('a missing required section, a heading without an id, and sections that differ between languages', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    edit(join(dataDir, 'notes', 'envoy.en.md'), (t) => t.replace(' {#glossary}', '').replace('{#status}', '{#state}'));
    const errors = build(dir);
    expect(errors).toContain('data/notes/envoy.en.md:36: heading "Section glossary" needs a stable id: write it as "## Title {#some-id}"');
    expect(errors).toContain('data/notes/envoy.en.md: missing required section(s): {#status}, {#glossary}');
    expect(errors).toContainEqual(expect.stringMatching(/^data\/notes\/envoy\.en\.md:28: sections differ from the Chinese note at position 5/));
  });

  it('bad front matter: wrong enum, id that does not match the file, broken YAML', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    edit(join(dataDir, 'notes', 'envoy.en.md'), (t) => t.replace('category: service-mesh', 'category: mesh').replace('id: envoy', 'id: envoy-proxy'));
    edit(join(dataDir, 'notes', 'istio.zh.md'), (t) => t.replace('tags: [proxy]', 'tags: [proxy'));
    const errors = build(dir);
    expect(errors).toContainEqual(expect.stringMatching(/^data\/notes\/envoy\.en\.md:6: category: /));
    expect(errors).toContainEqual(expect.stringMatching(/^data\/notes\/istio\.zh\.md:9: YAML: /));
  });

  it('a link that is neither http(s) nor note:, and a level-1 heading', () => {
    const dir = tempDir();
    writeFixtureData(dir, [{ id: 'envoy', extra: '# Big title\n\nRead [this](ftp://example.com/file).' }, { id: 'istio' }]);
    const errors = build(dir);
    expect(errors).toContain('data/notes/envoy.en.md:16: no level-1 headings in a note body: the title comes from the front matter');
    expect(errors).toContain('data/notes/envoy.en.md:18: link "ftp://example.com/file" must be an http(s) URL or a note:<id> link');
  });

  it('a replacedBy that is not in the library', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    writeFileSync(join(dataDir, 'links.yaml'), LINKS_YAML.replace('replacedBy: https://istio.io/latest/docs/', 'replacedBy: https://istio.io/v1/docs/'));
    expect(build(dir)).toEqual(['data/links.yaml:18: replacedBy https://istio.io/v1/docs/ is not a link in this file']);
  });

  it('a thin note, in either language', () => {
    const dir = tempDir();
    writeFixtureData(dir, [{ id: 'envoy', thin: true }]);
    const errors = build(dir);
    expect(errors).toContainEqual(expect.stringMatching(/^data\/notes\/envoy\.zh\.md: too thin: \d+ Han characters, at least 2000 are required$/));
    expect(errors).toContainEqual(expect.stringMatching(/^data\/notes\/envoy\.en\.md: too thin: \d+ English words, at least 1200 are required$/));
  });

  it('too few or too many self-check questions, or different counts in the two languages', () => {
    const dir = tempDir();
    writeFixtureData(dir, [{ id: 'envoy', questions: 2 }, { id: 'istio', questions: 6 }]);
    const errors = build(dir);
    expect(errors).toContainEqual(expect.stringMatching(/^data\/notes\/envoy\.zh\.md:\d+: the \{#check\} section has 2 question\(s\); write 3 to 5/));
    expect(errors).toContainEqual(expect.stringMatching(/^data\/notes\/istio\.en\.md:\d+: the \{#check\} section has 6 question\(s\)/));
    const other = tempDir();
    const dataDir = writeFixtureData(other);
    edit(join(dataDir, 'notes', 'envoy.en.md'), (t) => t.replace(':::\n\n::: question Question 3?\nAnswer 3.\n:::', ':::'));
    expect(build(other)).toContainEqual(expect.stringMatching(/envoy\.en\.md:\d+: 2 self-check question\(s\), the Chinese note has 3/));
  });

  it('a self-check question outside the check section', () => {
    const dir = tempDir();
    writeFixtureData(dir, [{ id: 'envoy', extra: '::: question Stray?\nNo.\n:::' }]);
    expect(build(dir)).toContainEqual(expect.stringMatching(/envoy\.zh\.md:\d+: a "::: question" block belongs in the \{#check\} section/));
  });

  it('a learning path step that points at a missing note or section', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    edit(join(dataDir, 'paths.yaml'), (t) => t.replace('note: envoy, section: overview', 'note: envoy, section: nowhere').replace('note: istio,', 'note: linkerd,'));
    expect(build(dir)).toEqual(['data/paths.yaml:5: note "envoy" has no section "nowhere"', 'data/paths.yaml:6: unknown note id "linkerd"']);
  });

  it('a link that is not active but has no status note', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    writeFileSync(join(dataDir, 'links.yaml'), LINKS_YAML.replace('status: active\n- url: https://istio.io/docs/', 'status: retired\n- url: https://istio.io/docs/'));
    expect(build(dir)).toEqual(['data/links.yaml:1: 0.statusNote: a link whose status is not "active" needs a statusNote']);
  });

  it('text outside any section', () => {
    const dir = tempDir();
    const dataDir = writeFixtureData(dir);
    edit(join(dataDir, 'notes', 'envoy.zh.md'), (t) => t.replace('---\n\n## ', '---\n\nStray paragraph.\n\n## '));
    expect(build(dir)).toContain('data/notes/envoy.zh.md:12: text before the first ## section: every paragraph belongs to a section');
  });
});


describe('Chinese Markdown', () => {
  it('closes emphasis next to full-width punctuation', () => {
    const dir = tempDir();
    writeFixtureData(dir, [{ id: 'envoy', extra: '每条序列由指标名加一组标签（label）**键值对**唯一确定。' }, { id: 'istio' }]);
    const { bundle } = buildContent(join(dir, 'data'), dir);
    const note = bundle!.notes[0]!.text.zh;
    expect(note.html).toContain('（label）<strong>键值对</strong>唯一确定');
    expect(note.sections[0]!.text).not.toContain('**');
  });
});
