// The EPUB view: the documents of the built EPUB, in its spine's order, each shown as
// an e-reader gets it (its own stylesheet, fonts and images from the package).

export class EpubView {
  constructor(list, frame) {
    this.list = list;
    this.frame = frame;
    this.active = false;
    this.shown = -1;
    this.href = undefined;
    this.state = undefined;
  }

  show() {
    this.active = true;
    void this.refresh();
  }

  hide() {
    this.active = false;
  }

  update(state) {
    const edited = state.chapter && state.chapter !== this.state?.chapter;
    this.state = state;
    if (edited) this.href = undefined;
    void this.refresh();
  }

  async refresh() {
    if (!this.active) return;
    const response = await fetch('epub.json', { cache: 'no-store' });
    const { generation, spine } = await response.json();
    if (generation === this.shown) return;
    if (spine.length === 0) {
      this.list.replaceChildren(Object.assign(document.createElement('li'), { textContent: 'Building the EPUB…' }));
      return;
    }
    const chapter = this.state?.chapter;
    const wanted = this.href && spine.some((item) => item.href === this.href) ? this.href : (spine.find((item) => chapter && item.href.endsWith(`/${chapter}.xhtml`)) ?? spine[0]).href;
    this.list.replaceChildren(
      ...spine.map((item) => {
        const link = Object.assign(document.createElement('a'), { href: `epub/${item.href}`, textContent: item.title });
        link.addEventListener('click', (event) => {
          event.preventDefault();
          this.open(item.href, generation, 0);
        });
        return Object.assign(document.createElement('li'), { className: 'spine-item' }).appendChild(link).parentNode;
      }),
    );
    const keep = wanted === this.href ? this.frame.contentWindow?.scrollY ?? 0 : 0;
    this.shown = generation;
    this.open(wanted, generation, keep);
  }

  open(href, generation, scrollY) {
    this.href = href;
    for (const link of this.list.querySelectorAll('a')) link.toggleAttribute('aria-current', link.getAttribute('href') === `epub/${href}`);
    for (const link of this.list.querySelectorAll('a[aria-current]')) link.setAttribute('aria-current', 'page');
    this.frame.addEventListener('load', () => this.frame.contentWindow?.scrollTo(0, scrollY), { once: true });
    this.frame.src = `epub/${href}?g=${generation}`;
    this.frame.dataset.generation = String(generation);
  }
}
