// The preview page: one stream of server-sent events tells it when the edition changed;
// it then swaps the new HTML in, draws the new pages or reloads the EPUB document, and
// shows the build's problems over whatever it last showed without errors.
import { EpubView } from './epub-view.js';
import { placeOf, restorePlace, swapDocument } from './html-view.js';
import { PagesView } from './pages.js';

const lang = document.documentElement.dataset.lang;
const frame = document.getElementById('html-view');
const status = document.getElementById('status');
const pages = new PagesView(document.getElementById('pages-view'));
const epub = new EpubView(document.getElementById('epub-spine'), document.getElementById('epub-document'));
const placeKey = `folio-place-${lang}`;
let shownHtml = 0;
// The first swap waits for the edition the frame is loading.
const loaded = () => frame.contentDocument?.readyState === 'complete' && frame.contentWindow.location.href !== 'about:blank';
let htmlQueue = loaded() ? Promise.resolve() : new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
let state;

// The reader's place survives a reload of the whole page too.
frame.addEventListener('load', () => {
  const doc = frame.contentDocument;
  const saved = sessionStorage.getItem(placeKey);
  if (saved) restorePlace(doc, JSON.parse(saved));
  let timer;
  doc.defaultView.addEventListener('scroll', () => {
    clearTimeout(timer);
    timer = setTimeout(() => sessionStorage.setItem(placeKey, JSON.stringify(placeOf(doc) ?? null)), 150);
  });
});

// The head of the edition last swapped in, as text: most saves change the body only, and
// the head holds the fonts and the cover as data: URLs (over a megabyte on the guide),
// so an unchanged head is neither parsed again nor compared node by node.
let shownHead;

async function refreshHtml(generation, announced) {
  const text = await (await fetch('edition.html', { cache: 'no-store' })).text();
  const doc = frame.contentDocument;
  const split = text.indexOf('</head>');
  const head = text.slice(0, split);
  if (!doc?.body || doc.getElementById('folio-waiting')) {
    // Nothing to keep yet: load the edition itself.
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
      frame.src = `edition.html?g=${generation}`;
    });
  } else if (split > 0 && head === shownHead) {
    swapDocument(doc, new DOMParser().parseFromString(`<!DOCTYPE html><html><head></head>${text.slice(split + 7)}`, 'text/html'), { head: false });
  } else {
    swapDocument(doc, new DOMParser().parseFromString(text, 'text/html'));
  }
  shownHead = head;
  shownHtml = generation;
  // How long the page took, from the event to the edition shown (the benchmark reads it).
  document.body.dataset.swapMs = String(Math.round(performance.now() - announced));
  document.body.dataset.html = String(generation);
  // The server makes the PDF and the EPUB of this save once the page shows it.
  void fetch(`shown?html=${generation}`, { cache: 'no-store' }).catch(() => undefined);
}

function update(next) {
  state = next;
  if (next.html > shownHtml) {
    const generation = next.html;
    const announced = performance.now();
    htmlQueue = htmlQueue.then(() => (generation > shownHtml ? refreshHtml(generation, announced) : undefined)).catch((error) => console.error(error));
  }
  const errors = next.diagnostics.filter((item) => item.severity === 'error');
  status.textContent = next.building ? 'Building…' : errors.length > 0 ? `${errors.length} error${errors.length === 1 ? '' : 's'}: showing the last good edition` : 'Up to date';
  showDiagnostics(next.diagnostics);
  pages.update(next);
  epub.update(next);
}

const overlay = document.getElementById('overlay');
const toggle = document.getElementById('problems-toggle');
let dismissed = '';

function showDiagnostics(diagnostics) {
  const list = document.getElementById('diagnostics');
  const errors = diagnostics.filter((item) => item.severity === 'error').length;
  const key = JSON.stringify(diagnostics);
  list.replaceChildren(
    ...diagnostics.map((item) => {
      const row = document.createElement('li');
      row.className = item.severity;
      const where = `${item.file}${item.line ? `:${item.line}:${item.column ?? 1}` : ''}`;
      row.append(Object.assign(document.createElement('span'), { className: 'where', textContent: where }), '  ', Object.assign(document.createElement('span'), { className: 'severity', textContent: item.severity }), `  ${item.message}${item.rule ? `  ${item.rule}` : ''}`);
      return row;
    }),
  );
  document.getElementById('overlay-title').textContent = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : `${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'}`;
  overlay.classList.toggle('warnings-only', errors === 0);
  // Errors always show; warnings wait for a click on the button, which shows their count.
  overlay.hidden = diagnostics.length === 0 || (errors === 0 && dismissed !== 'open') || dismissed === key;
  toggle.hidden = diagnostics.length === 0;
  toggle.textContent = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : `${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'}`;
  toggle.classList.toggle('errors', errors > 0);
}

document.getElementById('overlay-close').addEventListener('click', () => {
  dismissed = JSON.stringify(state?.diagnostics ?? []);
  overlay.hidden = true;
});
toggle.addEventListener('click', () => {
  dismissed = overlay.hidden ? 'open' : JSON.stringify(state?.diagnostics ?? []);
  overlay.hidden = !overlay.hidden;
});

function showView(name) {
  for (const button of document.querySelectorAll('[data-view]')) button.setAttribute('aria-pressed', String(button.dataset.view === name));
  frame.hidden = name !== 'html';
  document.getElementById('pages-view').hidden = name !== 'pages';
  document.getElementById('epub-view').hidden = name !== 'epub';
  if (name === 'pages') pages.show();
  else pages.hide();
  if (name === 'epub') epub.show();
  else epub.hide();
  document.body.dataset.view = name;
}

for (const button of document.querySelectorAll('[data-view]')) {
  button.addEventListener('click', () => {
    history.replaceState(null, '', `#${button.dataset.view}`);
    showView(button.dataset.view);
  });
}
document.getElementById('language').addEventListener('change', (event) => {
  location.href = `/${encodeURIComponent(event.target.value)}/${location.hash}`;
});
showView(['pages', 'epub'].includes(location.hash.slice(1)) ? location.hash.slice(1) : 'html');

const events = new EventSource(`/_folio/events?lang=${encodeURIComponent(lang)}`);
events.addEventListener('message', (event) => update(JSON.parse(event.data)));
events.addEventListener('error', () => {
  status.textContent = 'Disconnected from folio preview: reconnecting…';
});
