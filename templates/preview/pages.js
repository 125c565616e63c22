// The Pages view: the print edition's PDF drawn by PDF.js (served from Folio's own
// node_modules, never a CDN), pages drawn as they scroll into view, and after each
// new PDF the view goes to the first page of the chapter that was edited.
import * as pdfjs from '/_folio/pdfjs/build/pdf.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/_folio/pdfjs/build/pdf.worker.mjs';

const options = {
  isEvalSupported: false,
  wasmUrl: '/_folio/pdfjs/wasm/',
  iccUrl: '/_folio/pdfjs/iccs/',
  standardFontDataUrl: '/_folio/pdfjs/standard_fonts/',
  cMapUrl: '/_folio/pdfjs/cmaps/',
};

export class PagesView {
  constructor(root) {
    this.root = root;
    this.pages = root.querySelector('#pages');
    this.count = root.querySelector('#page-count');
    this.status = root.querySelector('#pdf-status');
    this.active = false;
    this.asked = false;
    this.shown = 0;
    this.state = undefined;
    this.loading = Promise.resolve();
  }

  show() {
    this.active = true;
    // The preview prints an edition only once a page has shown its Pages view: ask, once.
    if (!this.asked) {
      this.asked = true;
      fetch('pages.json', { cache: 'no-store' }).catch(() => {
        this.asked = false;
      });
    }
    this.refresh();
  }

  hide() {
    this.active = false;
  }

  update(state) {
    this.state = state;
    const { pdf } = state;
    this.status.textContent = pdf.status === 'building' || (pdf.status === 'idle' && this.asked) ? '· printing…' : pdf.status === 'failed' ? `· the PDF failed: ${pdf.error}` : pdf.milliseconds ? `· printed in ${(pdf.milliseconds / 1000).toFixed(1)} s` : '';
    this.refresh();
  }

  refresh() {
    const state = this.state;
    if (!this.active || !state || state.pdf.generation === 0 || state.pdf.generation === this.shown) return;
    this.loading = this.loading.then(() => (state.pdf.generation > this.shown ? this.load(state) : undefined)).catch((error) => {
      this.status.textContent = `· cannot show the PDF: ${error.message}`;
    });
  }

  /** The page at the top of the view now (1-based). */
  currentPage() {
    const top = this.pages.getBoundingClientRect().top;
    for (const page of this.pages.children) if (page.getBoundingClientRect().bottom > top + 40) return Number(page.dataset.page);
    return 1;
  }

  async load(state) {
    const generation = this.state.pdf.generation;
    const data = await (await fetch(`edition.pdf?g=${generation}`, { cache: 'no-store' })).arrayBuffer();
    const doc = await pdfjs.getDocument({ ...options, data }).promise;
    let target = this.shown === 0 ? 1 : this.currentPage();
    if (state.chapter) target = (await pageOf(doc, state.chapter)) ?? target;
    target = Math.min(target, doc.numPages);
    // Every page of a print has the trim size of the first; a page that differs is corrected when drawn.
    const first = await doc.getPage(1);
    const scale = Math.min(1.6, (this.pages.clientWidth - 96) / first.getViewport({ scale: 1 }).width);
    const size = first.getViewport({ scale });
    const fresh = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = document.createElement('div');
      page.className = 'page';
      page.dataset.page = String(number);
      page.style.width = `${size.width}px`;
      page.style.height = `${size.height}px`;
      fresh.push(page);
    }
    await draw(doc, fresh[target - 1], scale);
    this.observer?.disconnect();
    this.doc?.destroy();
    this.doc = doc;
    this.pages.replaceChildren(...fresh);
    fresh[target - 1].scrollIntoView({ block: 'start' });
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting && !entry.target.firstChild) void draw(doc, entry.target, scale);
    }, { root: this.pages, rootMargin: '600px 0px' });
    for (const page of fresh) this.observer.observe(page);
    this.shown = generation;
    this.count.textContent = `${doc.numPages} pages`;
    this.count.dataset.pages = String(doc.numPages);
    this.pages.dataset.generation = String(generation);
    this.pages.dataset.page = String(target);
  }
}

/** The page a chapter starts on: Chrome wrote a named destination for each chapter the contents link to. */
async function pageOf(doc, id) {
  try {
    const destination = await doc.getDestination(id);
    return destination ? (await doc.getPageIndex(destination[0])) + 1 : undefined;
  } catch {
    return undefined;
  }
}

async function draw(doc, element, scale) {
  const page = await doc.getPage(Number(element.dataset.page));
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  element.style.width = `${viewport.width}px`;
  element.style.height = `${viewport.height}px`;
  element.replaceChildren(canvas);
  await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
}
