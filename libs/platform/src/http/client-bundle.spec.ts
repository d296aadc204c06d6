import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientDir, projectRoot, readClientFile } from './client-bundle';

describe('finding the bundled client files', () => {
  const root = mkdtempSync(join(tmpdir(), 'client-bundle-'));
  writeFileSync(join(root, 'package.json'), '{}');
  mkdirSync(join(root, 'dist/client/desk'), { recursive: true });
  writeFileSync(join(root, 'dist/client/desk/app.js'), 'console.log(1)');

  it('is dist/client of the project root, from source (ts-jest) and from dist alike', () => {
    expect(clientDir(join(root, 'libs/platform/src/http'))).toBe(join(root, 'dist/client'));
    expect(clientDir(join(root, 'dist/libs/platform/src/http'))).toBe(join(root, 'dist/client'));
    expect(projectRoot(__dirname)).toBe(join(__dirname, '../../../..'));
  });

  it('reads a bundle, and stops with how to build it when it is missing', () => {
    const dir = clientDir(join(root, 'dist/libs/platform/src/http'));
    expect(readClientFile('desk/app.js', dir)).toBe('console.log(1)');
    expect(() => readClientFile('surveys/csat-report.js', dir)).toThrow(/browser bundle .*surveys\/csat-report\.js is missing\. Run `npm run build`/);
  });
});
