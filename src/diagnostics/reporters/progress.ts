import type { BuildProgress, BuildResult, WriteEvent } from '../../build.js';
import { formatDuration } from './editions.js';

/** A terminal's output stream: what the live lines need of process.stdout. */
export interface Terminal {
  write(text: string): unknown;
  columns?: number;
}

interface InFlight {
  lang: string;
  format: string;
  phase: BuildProgress['phase'];
  pages?: number;
  started: number;
}

/**
 * For a build at a terminal: below the lines of written files, one live line per edition
 * and format in flight (what it is doing: rendering, the measuring print, the print that
 * ships, with its pages once known, and for how long), redrawn in place; at the end a table
 * of every edition by format. Only for a terminal: piped output stays plain lines.
 */
export class LiveProgress {
  private readonly inFlight = new Map<string, InFlight>();
  private drawn = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly terminal: Terminal,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.timer = setInterval(() => this.redraw(), 500);
    this.timer.unref();
  }

  onProgress(event: BuildProgress): void {
    const id = `${event.lang} ${event.format}`;
    const known = this.inFlight.get(id);
    this.inFlight.set(id, { ...event, pages: event.pages ?? (event.phase === known?.phase ? known.pages : undefined), started: known?.started ?? this.now() });
    this.redraw();
  }

  /** Prints what `print` prints (a written file's line) above the live lines. */
  onWrite(event: WriteEvent, print: () => void): void {
    this.inFlight.delete(`${event.lang} ${event.format}`);
    this.clear();
    print();
    this.redraw();
  }

  /** Removes the live lines and prints the table of the build. */
  finish(result: BuildResult, formats: readonly string[]): void {
    clearInterval(this.timer);
    this.clear();
    const langs = [...new Set(result.written.map((event) => event.lang)), ...result.failed];
    if (langs.length === 0) return;
    const cell = (lang: string, format: string) => {
      const event = result.written.find((each) => each.lang === lang && each.format === format);
      return event ? (event.unchanged ? 'unchanged' : formatDuration(event.milliseconds)) : result.failed.includes(lang) ? 'failed' : '—';
    };
    const rows = [['', ...formats], ...langs.map((lang) => [lang, ...formats.map((format) => cell(lang, format))])];
    const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows) this.terminal.write(`${row.map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ')}\n`);
  }

  private line(entry: InFlight): string {
    const doing = entry.phase === 'render' ? 'rendering' : entry.phase === 'measure' ? 'measuring print' : 'printing';
    const pages = entry.pages === undefined ? '' : `, ${entry.pages} pages printed`;
    const text = `${entry.lang.padEnd(6)}${entry.format.padEnd(6)}${doing}${pages}  ${formatDuration(this.now() - entry.started)}`;
    // A line longer than the terminal wraps, and the next redraw would not clear all of it.
    const columns = this.terminal.columns;
    return columns && columns > 20 ? text.slice(0, columns - 1) : text;
  }

  private clear(): void {
    if (this.drawn > 0) this.terminal.write(`\x1b[${this.drawn}A\x1b[0J`);
    this.drawn = 0;
  }

  private redraw(): void {
    this.clear();
    const lines = [...this.inFlight.values()].map((entry) => this.line(entry));
    if (lines.length > 0) this.terminal.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }
}
