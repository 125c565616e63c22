import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { FolioError } from '../diagnostics/errors.js';
import { previewServer } from './server.js';
import { PreviewSession } from './session.js';

export interface PreviewOptions {
  manifest: string;
  lang?: string;
  source?: string;
  /** The port to try first; the next free one is taken when it is busy (0: any free port). */
  port: number;
  open?: boolean;
  chapterWorker?: string;
  log?(line: string): void;
}

export interface RunningPreview {
  url: string;
  port: number;
  session: PreviewSession;
  close(): Promise<void>;
}

/** How many ports after a busy one are tried. */
const PORT_TRIES = 20;

/**
 * `folio preview`: builds the edition, serves it on 127.0.0.1 (and nowhere else: the
 * page shows a book that may be a stranger's), and rebuilds on every save until stopped.
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const log = options.log ?? ((line: string) => console.log(line));
  let broadcast: (state: Parameters<ReturnType<typeof previewServer>['broadcast']>[0]) => void = () => undefined;
  const session = new PreviewSession({ manifest: options.manifest, lang: options.lang, source: options.source, chapterWorker: options.chapterWorker, onState: (state) => broadcast(state), log });
  await session.start();
  const made = previewServer(session);
  broadcast = made.broadcast;
  const port = await listen(made.server, options.port, log);
  const url = `http://127.0.0.1:${port}/${options.lang ?? session.languages[0] ?? 'en'}/`;
  log(`preview     ${url}  (Ctrl+C to stop)`);
  if (options.open) openBrowser(url);
  return {
    url,
    port,
    session,
    async close() {
      made.server.closeAllConnections();
      await new Promise((resolve) => made.server.close(resolve));
      await session.close();
    },
  };
}

/** Listens on 127.0.0.1 at `port`, or at the next free port after it, saying which. */
async function listen(server: Server, port: number, log: (line: string) => void): Promise<number> {
  for (let tried = 0; ; tried++) {
    const candidate = port === 0 ? 0 : port + tried;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(candidate, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      const bound = (server.address() as { port: number }).port;
      if (tried > 0) log(`port ${port} is in use: serving on ${bound} instead`);
      return bound;
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || port === 0 || tried + 1 >= PORT_TRIES) {
        throw new FolioError(code === 'EADDRINUSE' ? `Ports ${port} to ${port + tried} are all in use: pass another with --port (or --port 0 for any free one)` : `Cannot listen on 127.0.0.1:${candidate}: ${(cause as Error).message}`);
      }
    }
  }
}

/** Opens the page in the desktop's browser; a machine without one just has the address printed. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    // Nothing to open it with: the address is printed.
  }
}
