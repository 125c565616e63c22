// Wall time and peak memory of a process tree, read from /proc (Linux only).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One sample: milliseconds since the start, RSS of the non-Chromium tree, RSS of the Chromium tree (KiB). */
export type RssSample = [ms: number, toolKb: number, chromiumKb: number];

export interface Memory {
  /** Peak of the summed RSS of the tree's processes that are not Chromium (Folio's node, pandoc…), MB. */
  peakToolMb: number;
  /** Peak of the summed RSS of the tree's Chromium processes, MB. */
  peakChromiumMb: number;
  samples: RssSample[];
}

export interface Measurement extends Memory {
  wallMs: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const SAMPLE_MS = 50;

/** ppid → child pids, for every process alive now. */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    // The command name is in parentheses and may itself hold spaces or ")": the fields
    // after the last ")" are state, ppid, …
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  return children;
}

function treeOf(root: number, children: Map<number, number[]>): number[] {
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** VmRSS in KiB; 0 for a process that is gone (or a zombie, which has no VmRSS line). */
function rssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Chromium by its command name, else by its executable (argv[0] only: Folio's own
 * arguments could name a path containing "chrom").
 */
function isChromium(pid: number): boolean {
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').includes('chrom')) return true;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]!.includes('chrom');
  } catch {
    return false;
  }
}

/**
 * Samples the summed RSS of a process tree every ~50 ms. Summing RSS counts pages shared
 * between processes more than once, so for Chromium's many processes it is an upper bound.
 */
export class TreeSampler {
  private readonly started = performance.now();
  private readonly chromium = new Map<number, boolean>(); // a process's kind never changes; cache it
  private readonly samples: RssSample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly root: number) {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
  }

  private sample(): void {
    let tool = 0;
    let chromium = 0;
    for (const pid of treeOf(this.root, childrenByParent())) {
      const kb = rssKb(pid);
      if (kb === 0) continue;
      if (!this.chromium.has(pid)) this.chromium.set(pid, isChromium(pid));
      if (this.chromium.get(pid)) chromium += kb;
      else tool += kb;
    }
    if (tool > 0 || chromium > 0) this.samples.push([Math.round(performance.now() - this.started), tool, chromium]);
  }

  stop(): Memory {
    clearInterval(this.timer);
    const peak = (column: 1 | 2) => Math.max(0, ...this.samples.map((sample) => sample[column])) / 1024;
    return { peakToolMb: peak(1), peakChromiumMb: peak(2), samples: this.samples };
  }
}

export interface RunSpec {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs a command to its end, timing it from spawn to exit and sampling its tree's memory. */
export function measure({ command, args, cwd, env }: RunSpec): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject); // e.g. ENOENT: the command does not exist
    if (child.pid === undefined) return;
    const sampler = new TreeSampler(child.pid);
    let wallMs = 0;
    child.on('exit', () => (wallMs = performance.now() - started));
    child.on('close', (exitCode) => resolve({ wallMs, exitCode, stdout, stderr, ...sampler.stop() }));
  });
}
