import { UsageError } from '../errors.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { prettyReporter } from './pretty.js';
import type { Reporter } from './reporter.js';

export type { Reporter, RunReport } from './reporter.js';

/** The reporters by name, for `--reporter`. */
export const reporters = {
  pretty: () => prettyReporter(),
  github: () => githubReporter(),
  json: () => jsonReporter(),
} satisfies Record<string, () => Reporter>;

export type ReporterName = keyof typeof reporters;

/** `--reporter NAME`, else `github` inside GitHub Actions (GITHUB_ACTIONS=true), else `pretty`. */
export function reporterName(value: string | undefined, env: NodeJS.ProcessEnv = process.env): ReporterName {
  if (value === undefined) return env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty';
  if (!(value in reporters)) throw new UsageError(`Unknown reporter ${value}; available: ${Object.keys(reporters).join(', ')}`);
  return value as ReporterName;
}
