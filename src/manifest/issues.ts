import type { z } from 'zod';
import { suggest } from './suggest.js';

type Key = string | number;
type Issue = z.core.$ZodIssue;

/** A schema problem, ready to be located in the YAML file and reported. */
export interface ManifestProblem {
  path: Key[];
  /** Point at the key (`titel:`) rather than at its value. */
  atKey: boolean;
  reason: string;
  ruleId: string;
  /** The key belongs to another branch of a union: this branch is the wrong reading of the value. */
  otherBranch?: boolean;
}

/** `parts[0].opener` */
export function formatPath(path: readonly Key[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}

/**
 * Turns zod issues into problems a book author can act on. Unions (a part is either
 * `{opener, chapters}` or `{title, chapters}`) are reported through the branch that came
 * closest, not as zod's "invalid input".
 */
export function explainIssues(
  issues: readonly Issue[],
  schema: z.ZodType,
  value: unknown,
  base: Key[] = [],
): ManifestProblem[] {
  return issues.flatMap((issue) => explainIssue(issue, schema, value, base));
}

function explainIssue(issue: Issue, schema: z.ZodType, value: unknown, base: Key[]): ManifestProblem[] {
  const path = [...base, ...(issue.path as Key[])];
  const name = formatPath(path) || 'book.yaml';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schemaAt(schema, path));
      return issue.keys.map((key) => {
        // A key that another branch of a union knows (`summary` beside `front`/`parts`).
        if (known.includes(key)) return { ...problem([...path, key], `\`${key}\` cannot go with the other keys of ${name}`, 'manifest-unknown-key'), atKey: true, otherBranch: true };
        const hint = suggest(key, known);
        const where = path.length > 0 ? ` in ${name}` : '';
        return {
          path: [...path, key],
          atKey: true,
          reason:
            `Unknown key \`${key}\`${where}` +
            (hint ? `; did you mean \`${hint}\`?` : `; known keys: ${known.join(', ')}`),
          ruleId: 'manifest-unknown-key',
        };
      });
    }
    case 'invalid_union': {
      // A branch that wanted another kind of value altogether (a list, not a map) is the
      // wrong reading of what the author meant, unless every branch is.
      const sameKind = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
      const candidates = sameKind.length > 0 ? sameKind : issue.errors;
      const branches = candidates.map((branch) => explainIssues(branch, schema, value, path));
      return pickBranch(branches) ?? [problem(path, `${name} has the wrong shape`, 'manifest-type')];
    }
    case 'invalid_type': {
      const actual = valueAt(value, path);
      if (actual === undefined) {
        const parent = path.slice(0, -1);
        return [problem(parent, `Missing key \`${path.at(-1)}\` (${article(issue.expected)})`, 'manifest-missing-key')];
      }
      return [problem(path, `\`${name}\` must be ${article(issue.expected)}, not ${describe(actual)}`, 'manifest-type')];
    }
    default:
      return [problem(path, `\`${name}\` ${lowerFirst(issue.message)}`, 'manifest-invalid')];
  }
}

function problem(path: Key[], reason: string, ruleId: string): ManifestProblem {
  return { path, atKey: false, reason, ruleId };
}

/** The union branch with the fewest problems; on a tie, the one whose typos have a suggestion. */
function pickBranch(branches: ManifestProblem[][]): ManifestProblem[] | undefined {
  const score = (branch: ManifestProblem[]) =>
    branch.length * 2 - branch.filter((item) => item.reason.includes('did you mean')).length + branch.filter((item) => item.otherBranch).length * 4;
  return [...branches].sort((a, b) => score(a) - score(b))[0];
}

function article(expected: string): string {
  if (expected === 'array') return 'a list';
  if (expected === 'object' || expected === 'record') return 'a map of keys to values';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function valueAt(value: unknown, path: readonly Key[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<Key, unknown>)[key];
  }
  return current;
}

/** Follows `path` through objects, arrays, optionals, defaults, pipes and unions. */
function schemaAt(schema: z.ZodType, path: readonly Key[]): z.ZodType[] {
  let current: z.ZodType[] = [schema];
  for (const key of path) {
    current = current.flatMap(unwrap).flatMap((node): z.ZodType[] => {
      const def = node.def as { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; valueType?: z.ZodType; items?: z.ZodType[] };
      if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key]) return [def.shape[key]];
      if (def.type === 'array' && def.element && typeof key === 'number') return [def.element];
      if (def.type === 'tuple' && def.items && typeof key === 'number' && def.items[key]) return [def.items[key]];
      if (def.type === 'record' && def.valueType) return [def.valueType];
      return [];
    });
  }
  return current.flatMap(unwrap);
}

function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = schema.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

function knownKeys(schemas: z.ZodType[]): string[] {
  const keys = new Set<string>();
  for (const schema of schemas) {
    const def = schema.def as { type: string; shape?: Record<string, unknown> };
    if (def.type === 'object' && def.shape) for (const key of Object.keys(def.shape)) keys.add(key);
  }
  return [...keys];
}
