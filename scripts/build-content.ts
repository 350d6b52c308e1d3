/**
 * `npm run content`: checks data/ and reports what the bundle holds, or every problem by file
 * and line. `--out <file>` also writes the bundle (the app build emits it by itself).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildContent } from './content/build';
import { formatContentError } from './content/errors';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });

const { bundle, errors } = buildContent(join(projectRoot, 'data'), projectRoot);
if (!bundle) {
  console.error(errors.map(formatContentError).join('\n'));
  console.error(`\n${errors.length} problem(s) in data/: the build stops until they are fixed.`);
  process.exit(1);
}
if (values.out) {
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(resolve(values.out), JSON.stringify(bundle));
}
const sections = bundle.notes.reduce((sum, note) => sum + note.text.zh.sections.length, 0);
console.log(
  `data/ is valid: ${bundle.notes.length} notes (${sections} sections each in zh and en), ${bundle.links.length} links, ` +
    `${bundle.relations.edges.length} relations, ${bundle.glossary.length} glossary terms.`,
);
