import { createRequire } from 'node:module';
import type { CssNode, Declaration } from 'css-tree';

// Loaded on the first style attribute: most books have none, and css-tree is large.
let cssTree: typeof import('css-tree') | undefined;
const css = () => (cssTree ??= createRequire(import.meta.url)('css-tree') as typeof import('css-tree'));

/**
 * CSS functions a `style` attribute may use: colours, arithmetic, gradients, transforms.
 * Everything that can fetch (`url()`, `image-set()`, `image()`, `cross-fade()`,
 * `element()`, `paint()`) or run (`expression()`) is missing, so its declaration goes.
 */
const safeFunctions = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark',
  'calc', 'min', 'max', 'clamp', 'var', 'attr', 'counter', 'counters',
  'linear-gradient', 'radial-gradient', 'conic-gradient', 'repeating-linear-gradient', 'repeating-radial-gradient', 'repeating-conic-gradient',
  'translate', 'translatex', 'translatey', 'rotate', 'scale', 'scalex', 'scaley', 'skew', 'skewx', 'skewy', 'matrix',
  'cubic-bezier', 'steps', 'minmax', 'repeat', 'fit-content',
]);

/** Properties that bind behaviour (old IE and Firefox) whatever their value. */
const unsafeProperties = /^(?:behavior|-moz-binding|-ms-behavior)$/i;

export interface CleanStyle {
  /** The attribute to keep (the original text when nothing was removed), or '' when nothing is left. */
  value: string;
  /** The properties whose declarations were removed. */
  removed: string[];
}

/**
 * Keeps the declarations of an inline `style` that only set how text looks and drops
 * those that could load something (a `url()`, even escaped as `u\72l()`) or bind code.
 * Parsed by css-tree, the way a browser tokenizes it, rather than matched by pattern.
 */
export function cleanStyle(style: string): CleanStyle {
  const { generate, parse, walk } = css();
  let list: CssNode;
  try {
    list = parse(style, { context: 'declarationList', parseValue: true });
  } catch {
    return { value: '', removed: ['(unreadable style)'] };
  }
  const kept: Declaration[] = [];
  const removed: string[] = [];
  walk(list, {
    visit: 'Declaration',
    enter(declaration: Declaration) {
      if (safe(declaration)) kept.push(declaration);
      else removed.push(declaration.property);
    },
  });
  if (removed.length === 0) return { value: style, removed };
  return { value: kept.map((declaration) => generate(declaration)).join(';'), removed };
}

function safe(declaration: Declaration): boolean {
  const { walk } = css();
  if (unsafeProperties.test(declaration.property) || declaration.property.includes('\\')) return false;
  let ok = true;
  walk(declaration.value, (node: CssNode) => {
    if (node.type === 'Url') ok = false;
    else if (node.type === 'Function' && !safeFunctions.has(node.name.toLowerCase())) ok = false;
    // Unparsed text or escapes may hide a function name from the checks above.
    else if (node.type === 'Raw' && /[\\(]/.test(node.value)) ok = false;
  });
  return ok;
}
