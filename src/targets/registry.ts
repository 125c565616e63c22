import { epubTarget } from './epub.js';
import { htmlTarget } from './html.js';
import type { Target } from './target.js';

/**
 * The targets Folio can build, by name. Each owns the schema of its book.yaml section,
 * so the manifest schema is assembled from here.
 */
export const targets = {
  html: htmlTarget,
  epub: epubTarget,
} satisfies Record<string, Target<any>>;

export type TargetName = keyof typeof targets;

/** Formats that are planned but not built yet: asking for them is a clear error. */
export const plannedTargets = ['pdf'] as const;

export const targetOptionSchemas = {
  html: htmlTarget.options,
  epub: epubTarget.options,
};
