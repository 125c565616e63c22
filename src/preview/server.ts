import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import mime from 'mime-types';
import { packageRoot } from '../package-root.js';
import { fileInside, isLocalHost, splitRequestPath } from './paths.js';
import type { PreviewSession } from './session.js';
import type { EditionState } from './state.js';

/** Folio's own files of the preview page (templates/preview/) and PDF.js, from its npm package. */
const clientDir = path.join(packageRoot, 'templates', 'preview');
const pdfjsDir = () => path.dirname(path.dirname(createRequire(path.join(packageRoot, 'package.json')).resolve('pdfjs-dist')));

/**
 * What each kind of response may load. The preview page runs Folio's scripts only; the
 * editions it shows are the book's (untrusted) and run nothing at all: they are served
 * sandboxed (scripts off, as in the iframe that holds them), and the HTML edition, being
 * self-contained, may load nothing but its own data: URLs.
 */
const policies = {
  page: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  edition: "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-same-origin",
  epub: "default-src 'none'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox allow-same-origin",
  data: "default-src 'none'; frame-ancestors 'none'; sandbox",
};

type Policy = keyof typeof policies;

/**
 * The preview's HTTP server, for 127.0.0.1 only: the preview page of each language, the
 * editions it shows, and a stream of server-sent events that tells the page when an
 * edition changed. Nothing of the book's folder is served as a file: the editions are
 * served from memory, and the only files are Folio's own page scripts and PDF.js, each
 * checked to stay in its folder (no `..`, no link out, no folder listing).
 */
export function previewServer(session: PreviewSession): { server: Server; broadcast(state: EditionState): void } {
  const streams = new Map<ServerResponse, string>();
  const pdfjs = pdfjsDir();

  const send = (res: ServerResponse, status: number, body: string | Uint8Array, type: string, policy: Policy) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': Buffer.byteLength(body),
      'Content-Security-Policy': policies[policy],
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const text = (res: ServerResponse, status: number, message: string) => send(res, status, `${message}\n`, 'text/plain; charset=utf-8', 'data');
  // Folio's own scripts: a worker script's policy is its own (PDF.js's worker fetches its wasm decoders).
  const file = (res: ServerResponse, found: string | undefined) =>
    found ? send(res, 200, readFileSync(found), mime.contentType(path.basename(found)) || 'application/octet-stream', 'page') : text(res, 404, 'Not found');

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const port = (req.socket.address() as { port: number }).port;
    if (!isLocalHost(req.headers.host, port)) return text(res, 403, 'Forbidden: the preview answers only to 127.0.0.1 and localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, 405, 'Method not allowed');
    const request = splitRequestPath(req.url ?? '');
    if (!request.ok) return text(res, request.status, request.status === 403 ? 'Forbidden' : 'Bad request');
    const [first, ...rest] = request.segments;
    if (!first) return redirect(res, `/${session.languages[0] ?? 'en'}/`);
    if (first === 'favicon.ico') return send(res, 204, '', 'image/x-icon', 'data');
    if (first === '_folio') {
      if (rest[0] === 'events' && rest.length === 1) return events(req, res, request.query.get('lang') ?? '');
      if (rest[0] === 'pdfjs') return file(res, fileInside(pdfjs, rest.slice(1)));
      return file(res, fileInside(clientDir, rest));
    }
    if (!session.activate(first)) return text(res, 404, `Not found: the book has no language ${first}`);
    const output = session.outputs.get(first)!;
    const where = rest.join('/');
    if (rest.length === 0) return request.trailingSlash ? send(res, 200, shellPage(first, session.languages), 'text/html; charset=utf-8', 'page') : redirect(res, `/${first}/`);
    if (where === 'edition.html') return send(res, 200, output.html ?? waitingPage(first, output.state), 'text/html; charset=utf-8', 'edition');
    if (where === 'shown') {
      // The page has swapped in this generation of the HTML: the PDF and the EPUB may start.
      const generation = request.query.get('html') ?? '';
      if (!/^\d{1,15}$/.test(generation)) return text(res, 400, 'Bad request');
      output.shown.mark(Math.min(Number(generation), output.state.html));
      return send(res, 204, '', 'text/plain', 'data');
    }
    if (where === 'edition.pdf') return output.pdf ? send(res, 200, output.pdf, 'application/pdf', 'data') : text(res, 404, 'No PDF yet');
    if (where === 'pages.json') {
      session.want(first, 'pdf');
      return send(res, 200, JSON.stringify({ generation: output.state.pdf.generation }), 'application/json', 'data');
    }
    if (where === 'epub.json') {
      session.want(first, 'epub');
      return send(res, 200, JSON.stringify({ generation: output.state.epub.generation, spine: output.epub?.spine ?? [] }), 'application/json', 'data');
    }
    if (rest[0] === 'epub') {
      const entry = output.epub?.files.get(rest.slice(1).join('/'));
      return entry ? send(res, 200, entry.data, entry.type.includes('xhtml') || entry.type.startsWith('text/') ? `${entry.type}; charset=utf-8` : entry.type, 'epub') : text(res, 404, 'Not found');
    }
    return text(res, 404, 'Not found');
  };

  const events = (req: IncomingMessage, res: ServerResponse, lang: string) => {
    if (!session.activate(lang)) return text(res, 404, 'Not found');
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
    streams.set(res, lang);
    res.write(`retry: 500\ndata: ${JSON.stringify(session.outputs.get(lang)!.state)}\n\n`);
    const keepAlive = setInterval(() => res.write(': alive\n\n'), 15000);
    req.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(res);
    });
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (cause) {
      if (!res.headersSent) text(res, 500, `Internal error: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  });
  const broadcast = (state: EditionState) => {
    const data = `data: ${JSON.stringify(state)}\n\n`;
    for (const [res, lang] of streams) if (lang === state.lang) res.write(data);
  };
  server.on('close', () => {
    for (const res of streams.keys()) res.end();
  });
  return { server, broadcast };
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store' });
  res.end();
}

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The preview page of one language, from templates/preview/shell.html. */
function shellPage(lang: string, languages: readonly string[]): string {
  const options = languages.map((item) => `<option value="${escape(item)}"${item === lang ? ' selected' : ''}>${escape(item)}</option>`).join('');
  return readFileSync(path.join(clientDir, 'shell.html'), 'utf8').replaceAll('{{lang}}', escape(lang)).replace('{{languages}}', options);
}

/** What the HTML view shows before the edition's first good build. */
function waitingPage(lang: string, state: EditionState): string {
  const what = state.building ? 'Building…' : 'This edition has errors: see the messages above.';
  return `<!DOCTYPE html><html lang="${escape(lang)}"><head><meta charset="utf-8"><title>${what}</title></head><body><p id="folio-waiting">${what}</p></body></html>`;
}
