// How Folio's sources are bundled for Node: by the `folio` command (scripts/folio.js) and
// by the tests that run a bundle of their own (test/books/rebuild.test.ts), so that a
// test's bundle loads packages the way the command's does.
import { prebuiltPlugin } from './prebuilt.js';

export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Left as packages: sharp (native code, loaded only when needed) and the tools that load
  // TypeScript; css-tree, which reads its data files with require(). The browser driver,
  // puppeteer-core, is bundled: into chunks that only a build that prints loads.
  external: ['sharp', 'tsx', 'esbuild', 'css-tree'],
  // CommonJS dependencies inside an ES module bundle still need a require().
  banner: { js: "import { createRequire as folioCreateRequire } from 'node:module'; const require = folioCreateRequire(import.meta.url);" },
  // Folio's own templates precompiled and its locale table parsed (src/templates/prebuilt.ts).
  plugins: [prebuiltPlugin],
  logLevel: 'error',
};
