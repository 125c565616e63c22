import path from 'node:path';
import { repairedCorpus } from '../support/corpus.js';
import type { SharedBuild } from '../support/shared-builds.js';
import { corpusAvailable, corpusRoot, repoRoot } from '../support/tools.js';

/**
 * The guide, built once per format for all 16 languages by the `corpus` tier's global setup
 * (test/corpus/setup.cjs), from the repaired copy of its sources (see repairedCorpus), with
 * the repository's book.yaml. Tests read them with builtBook('html' | 'epub' | 'pdf',
 * 'FOLIO_TEST_CORPUS'). The copy is ROOT/sources.
 */
export default function guideBuilds(root: string): SharedBuild[] {
  // Without the sources the tier's tests skip, except in CI, where they must fail.
  if (!corpusAvailable && process.env.CI !== 'true') return [];
  if (!corpusAvailable) {
    throw new Error(`The guide's sources are missing at ${corpusRoot}; the corpus tier needs ../shared/corpora/agency-success-guide beside the repository`);
  }
  const source = repairedCorpus(path.join(root, 'sources'));
  const manifest = path.join(repoRoot, 'book.yaml');
  // HTML and EPUB in one build, which parses the guide once for both (about 5 s of CPU
  // less); the PDF on its own, so that the HTML and EPUB tests need not wait for it.
  return [
    { name: 'html+epub', manifest, options: { formats: ['html', 'epub'], source }, byFormat: true },
    { name: 'pdf', manifest, options: { formats: ['pdf'], source } },
  ];
}
