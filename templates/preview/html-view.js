// The HTML view: a new edition is swapped into the page already shown, element by
// element, so the reader keeps their place and nothing flashes; only what changed is
// replaced (a chapter, the contents), and a different shape of book replaces the body.

/** The heading nearest the top of the view, and how far from the top it is. */
export function placeOf(doc) {
  const view = doc.defaultView;
  if (!view || !doc.body) return undefined;
  const marks = doc.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], article[id], section[id]');
  let best;
  for (const mark of marks) {
    const top = mark.getBoundingClientRect().top;
    if (top <= 8) best = { id: mark.id, offset: top };
    else {
      best ??= { id: mark.id, offset: top };
      break;
    }
  }
  return best && { ...best, scrollY: view.scrollY };
}

/** Scrolls so that the place's heading is where it was (or to where the view was, when the heading is gone). */
export function restorePlace(doc, place) {
  if (!place || !doc.defaultView) return;
  const mark = doc.getElementById(place.id);
  if (mark) doc.defaultView.scrollBy(0, mark.getBoundingClientRect().top - place.offset);
  else doc.defaultView.scrollTo(0, place.scrollY);
}

/**
 * Makes `doc` show `next`, changing as little as it can; returns the elements replaced.
 * With `head: false`, `next` is the body alone (the caller knows the head is the same).
 */
export function swapDocument(doc, next, { head = true } = {}) {
  const place = placeOf(doc);
  const replaced = [];
  if (head) swapHead(doc, next, replaced);
  patchChildren(doc, doc.body, next.body, 4, replaced);
  restorePlace(doc, place);
  return replaced;
}

function swapHead(doc, next, replaced) {
  for (const name of ['lang', 'dir']) {
    const value = next.documentElement.getAttribute(name);
    if (value !== doc.documentElement.getAttribute(name)) doc.documentElement.setAttribute(name, value ?? '');
  }
  if (doc.head.innerHTML !== next.head.innerHTML) {
    doc.head.replaceWith(doc.importNode(next.head, true));
    replaced.push(doc.head);
  }
}

function patchChildren(doc, old, next, depth, replaced) {
  const a = [...old.children];
  const b = [...next.children];
  const sameShape = a.length === b.length && a.every((element, index) => element.tagName === b[index].tagName && element.id === b[index].id) && onlyElements(old) && onlyElements(next);
  if (!sameShape || depth === 0) {
    old.replaceChildren(...[...next.childNodes].map((node) => doc.importNode(node, true)));
    replaced.push(old);
    return;
  }
  syncAttributes(old, next);
  a.forEach((element, index) => {
    const fresh = b[index];
    if (element.outerHTML === fresh.outerHTML) return;
    if (depth > 1 && element.children.length > 0 && onlyElements(element) && onlyElements(fresh)) return patchChildren(doc, element, fresh, depth - 1, replaced);
    const imported = doc.importNode(fresh, true);
    element.replaceWith(imported);
    replaced.push(imported);
  });
}

/** True when an element's own text is only white space: its children can be patched one by one. */
function onlyElements(element) {
  return [...element.childNodes].every((node) => node.nodeType === 1 || (node.nodeType === 3 && !node.data.trim()) || node.nodeType === 8);
}

function syncAttributes(old, next) {
  for (const { name } of [...old.attributes]) if (!next.hasAttribute(name)) old.removeAttribute(name);
  for (const { name, value } of [...next.attributes]) if (old.getAttribute(name) !== value) old.setAttribute(name, value);
}
