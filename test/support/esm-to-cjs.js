/**
 * Jest transform for the ESM-only packages under node_modules (NestJS 12 ships its packages as ES
 * modules). Node 20.19+ loads them from our CommonJS build through require(esm), but Jest's own
 * module loader only does that on Node 24.9+, so on Node 20/22 Jest needs them as CommonJS.
 * TypeScript's transpiler rewrites import/export; `createRequire(import.meta.url)` and the
 * `import.meta` properties (url, dirname, filename, resolve) get their CommonJS equivalents first.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const ts = require('typescript');

const self = createHash('sha256').update(fs.readFileSync(__filename)).update(ts.version).digest('hex');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(self).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    if (!/^\s*(import|export)\b|\bimport\.meta\b/m.test(source)) return { code: source };
    const code = source
      // createRequire(import.meta.url) is this module's own require: Jest's, so that the packages it
      // loads (class-validator, @nestjs/platform-express, ...) are the instances the test sees.
      .replace(/^\s*(?:const|let|var)\s+require\s*=\s*createRequire\(import\.meta\.url\);?/gm, '')
      .replace(/\bcreateRequire\(import\.meta\.url\)/g, 'require')
      .replace(/\bimport\.meta\.url\b/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/\bimport\.meta\.dirname\b/g, '__dirname')
      .replace(/\bimport\.meta\.filename\b/g, '__filename')
      .replace(/\bimport\.meta\.resolve\(/g, 'require.resolve(');
    const out = ts.transpileModule(code, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, esModuleInterop: true, sourceMap: false },
    });
    return { code: out.outputText };
  },
};
