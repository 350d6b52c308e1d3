/**
 * One start of the live user index in a process of its own, as the search worker does it: nothing
 * compiled or cached yet (no tokens, no Traditional → Simplified answers, no optimized code).
 * `node --import tsx scripts/bench/user-index-start.ts <documents.json>` prints `{"ms": n}`; the
 * documents are read and parsed before the clock starts, as the worker receives them in a message.
 */
import { readFileSync } from 'node:fs';
import { UserIndex, type UserSearchDocument } from '../../src/shared/search/user-index';

const documents = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as UserSearchDocument[];
const index = new UserIndex();
const start = performance.now();
index.reset(documents);
const ms = performance.now() - start;
if (index.size !== documents.length) throw new Error(`indexed ${index.size} of ${documents.length} documents`);
console.log(JSON.stringify({ ms }));
