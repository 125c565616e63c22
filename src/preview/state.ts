import type { Book, Edition } from '../book/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EpubFiles } from './epub-files.js';
import { LatestJob } from './jobs.js';
import { ShownHtml } from './shown.js';

/** What a page needs to know of one edition, sent to it whenever it changes. */
export interface EditionState {
  lang: string;
  /** Counts up each time the HTML edition shown changes. */
  html: number;
  /** The chapter whose file changed last (the Pages and EPUB views go to it). */
  chapter?: string;
  building: boolean;
  /** Problems of the last build of this edition (book.yaml's included); with an error, the last good edition stays. */
  diagnostics: Diagnostic[];
  pdf: { generation: number; status: 'idle' | 'building' | 'ready' | 'failed'; error?: string; milliseconds?: number };
  epub: { generation: number; status: 'idle' | 'building' | 'ready' | 'failed'; error?: string };
}

export interface Output {
  state: EditionState;
  html?: string;
  pdf?: Uint8Array;
  epub?: EpubFiles;
  /** A page has shown the Pages view: from then on the PDF is kept up to date too. */
  wantsPdf: boolean;
  /** A page has asked for the EPUB view: from then on the EPUB is kept up to date too. */
  wantsEpub: boolean;
  pdfJob: LatestJob<Uint8Array>;
  epubJob: LatestJob<EpubFiles>;
  /** The HTML generation a page shows: a save's PDF and EPUB wait for it. */
  shown: ShownHtml;
  /** The last good edition, for a PDF or an EPUB asked for later. */
  last?: { book: Book; edition: Edition };
  /** What the PDF and the EPUB shown were made from (see PreviewSession.sourceKey): when it differs, they are rebuilt. */
  pdfKey?: string;
  epubKey?: string;
}

/** An edition not built yet, its PDF and EPUB not asked for. */
export function newOutput(lang: string): Output {
  const state: EditionState = { lang, html: 0, building: true, diagnostics: [], pdf: { generation: 0, status: 'idle' }, epub: { generation: 0, status: 'idle' } };
  return { state, wantsPdf: false, wantsEpub: false, pdfJob: new LatestJob(), epubJob: new LatestJob(), shown: new ShownHtml() };
}
