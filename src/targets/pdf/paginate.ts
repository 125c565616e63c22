import { types } from 'node:util';
import { FolioError } from '../../diagnostics/errors.js';
import type { Pagination } from './layout.js';

export interface PaginationPlan extends Pagination {
  /** Page (1-based) on which each opener starts once the blank pages are in. */
  starts: Map<string, number>;
  /** Pages before the body: the front matter, numbered in roman. */
  frontPages: number;
}

/**
 * From where each opener landed in a first print without blank pages, decides which
 * openers need a blank page before them so that every one starts on a right-hand (odd)
 * page, where each then starts, and the folio the contents print for it: roman in the
 * front matter, arabic from 1 at the first opener of the body. Blank pages only push whole
 * pages, so this holds in the second print; paginate's caller checks that it did.
 */
export function planPagination(
  openers: readonly string[],
  frontMatter: ReadonlySet<string>,
  measured: ReadonlyMap<string, number>,
): PaginationPlan {
  const blankBefore = new Set<string>();
  const starts = new Map<string, number>();
  let inserted = 0;
  for (const id of openers) {
    const page = measured.get(id);
    if (page === undefined) throw new FolioError(`The first print has no page for #${id}: is it linked from the contents?`);
    let start = page + inserted;
    if (start % 2 === 0) {
      blankBefore.add(id);
      inserted++;
      start++;
    }
    starts.set(id, start);
  }
  const firstBody = openers.find((id) => !frontMatter.has(id));
  const frontPages = firstBody === undefined ? 0 : starts.get(firstBody)! - 1;
  const folios = new Map<string, string>();
  for (const [id, start] of starts) {
    folios.set(id, frontMatter.has(id) ? roman(start) : String(start - frontPages));
  }
  return { blankBefore, starts, frontPages, folios };
}

/** Whether a print put every opener where the plan said. */
export function matchesPlan(plan: PaginationPlan, measured: ReadonlyMap<string, number>): boolean {
  return movedOpeners(plan, measured).length === 0;
}

const movedOpeners = (plan: PaginationPlan, measured: ReadonlyMap<string, number>) => [...plan.starts].filter(([id, page]) => measured.get(id) !== page);

/**
 * Whether a print made with an earlier build's `plan` is the print a build from scratch
 * would ship. It is when every opener landed where the plan says, the openers are the
 * same, and planning afresh from where they would be without the plan's blank pages
 * (blank pages only push whole pages, as planPagination assumes) gives this very plan:
 * the same blank pages, starts and folios. Then the first, measuring print can be left out.
 */
export function planHolds(plan: PaginationPlan, openers: readonly string[], frontMatter: ReadonlySet<string>, landed: ReadonlyMap<string, number>): boolean {
  const planned = [...plan.starts.keys()];
  if (planned.length !== openers.length || planned.some((id, index) => id !== openers[index]) || !matchesPlan(plan, landed)) return false;
  let blanks = 0;
  const unpadded = new Map<string, number>();
  for (const id of openers) {
    if (plan.blankBefore.has(id)) blanks++;
    unpadded.set(id, landed.get(id)! - blanks);
  }
  const fresh = planPagination(openers, frontMatter, unpadded);
  const same = <Value>(a: ReadonlyMap<string, Value>, b: ReadonlyMap<string, Value>) => a.size === b.size && [...a].every(([id, value]) => b.get(id) === value);
  return (
    fresh.frontPages === plan.frontPages &&
    fresh.blankBefore.size === plan.blankBefore.size &&
    [...fresh.blankBefore].every((id) => plan.blankBefore.has(id)) &&
    same(fresh.starts, plan.starts) &&
    same(fresh.folios, plan.folios)
  );
}

/** Checks that the second print put every opener where the plan said. */
export function checkPagination(plan: PaginationPlan, measured: ReadonlyMap<string, number>): void {
  const moved = movedOpeners(plan, measured);
  if (moved.length > 0) {
    const detail = moved.map(([id, page]) => `#${id} planned on page ${page}, printed on ${measured.get(id)}`).join('; ');
    throw new FolioError(`The print layout moved between its two passes (${detail}); the contents would be wrong`);
  }
}

/** 4 → "iv": folios of front matter. */
export function roman(value: number): string {
  const numerals: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = value;
  let text = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}

/** A plan read back from the cache, when it has a plan's shape (anything else is no plan). */
export function asPlan(value: unknown): PaginationPlan | undefined {
  const plan = value as Partial<PaginationPlan> | undefined;
  // util.types, not instanceof: a value read back may come from another realm (a test's VM context).
  const ok = types.isSet(plan?.blankBefore) && types.isMap(plan?.starts) && types.isMap(plan?.folios) && Number.isInteger(plan?.frontPages);
  return ok ? (plan as PaginationPlan) : undefined;
}
