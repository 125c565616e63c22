import { execFileSync } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { editionsOf } from './editions.js';
import { groupRepeats } from './group.js';
import { jobSummary } from './job-summary.js';
import { printResults, summaryLine, writeLine } from './pretty.js';
import { consoleOutput, type Output, type Reporter } from './reporter.js';

/**
 * For GitHub Actions: each diagnostic as a workflow command, so it becomes an annotation on
 * the line of the pull request's diff (paths relative to the repository root), and a job
 * summary, a Markdown table of the editions, appended to the file GITHUB_STEP_SUMMARY
 * names. Progress lines and the summary line stay as the pretty reporter prints them,
 * for the log.
 */
export function githubReporter(output: Output = consoleOutput, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Reporter {
  const root = repositoryRoot(env, cwd);
  return {
    onWrite(event) {
      output.out(writeLine(event, cwd));
    },
    async report(run) {
      printResults(run, output, cwd);
      // Repeats inside book.yaml (one line per empty edition) are joined; GitHub shows only
      // the first ten warnings of a step, and fifteen of one kind would hide the rest.
      for (const diagnostic of groupRepeats(run.diagnostics, { acrossFiles: false, languages: run.languages })) output.out(workflowCommand(diagnostic, root));
      output.out(summaryLine({ ...run, cwd }));
      if (env.GITHUB_STEP_SUMMARY) {
        const editions = await editionsOf(run, run.languages);
        await appendFile(env.GITHUB_STEP_SUMMARY, jobSummary(run, editions, { root, runUrl: runUrl(env) }));
      }
    },
  };
}

/** `::error file=chapters/es/x.md,line=3,col=14,title=frontmatter-yaml::Invalid frontmatter…` */
export function workflowCommand(diagnostic: Diagnostic, root: string): string {
  const command = diagnostic.severity === 'info' ? 'notice' : diagnostic.severity;
  const properties: Array<[string, string | number | undefined]> = [
    ['file', toPosix(path.relative(root, diagnostic.file) || diagnostic.file)],
    ['line', diagnostic.line],
    ['col', diagnostic.column],
    ['title', diagnostic.rule],
  ];
  const list = properties
    .filter((property): property is [string, string | number] => property[1] !== undefined && property[1] !== '')
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${list ? ` ${list}` : ''}::${escapeData(diagnostic.message)}`;
}

/** A command's message: `%`, CR and LF encoded, as GitHub's toolkit (`@actions/core`) does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as a message, and `:` and `,` too, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The repository root that annotation paths are relative to: GITHUB_WORKSPACE, else git's top level, else `cwd`. */
export function repositoryRoot(env: NodeJS.ProcessEnv, cwd: string): string {
  if (env.GITHUB_WORKSPACE) return path.resolve(env.GITHUB_WORKSPACE);
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return cwd;
  }
}

/** The page of this workflow run, where its artifacts are listed. */
function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: id } = env;
  return server && repository && id ? `${server}/${repository}/actions/runs/${id}` : undefined;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
