/** Rewrites the generated part of docs/lifecycle.md from the lifecycle table in the code. */
import { LIFECYCLE_DOC_MARKERS, renderLifecycle } from '@support/domain';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(__dirname, '../../docs/lifecycle.md');
const [begin, end] = LIFECYCLE_DOC_MARKERS;
const doc = readFileSync(file, 'utf8');
writeFileSync(file, `${doc.slice(0, doc.indexOf(begin) + begin.length)}\n${renderLifecycle()}${doc.slice(doc.indexOf(end))}`);
console.log(`wrote ${file}`);
