import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * What a chapter may contain, as an allowlist for hast-util-sanitize: GitHub's schema (the
 * markup people already write in READMEs) extended for books. Anything not named here
 * leaves the tree. Everything Folio itself adds later (heading ids, `epub:type`, table
 * styles, highlighting classes, figure captions) is added after sanitizing and needs no
 * entry; what Folio's markdown handling makes before it (footnotes, callouts, task lists)
 * does.
 */

/** ARIA attributes (as hast property names) a book may set. */
const aria = [
  'ariaDescribedBy', 'ariaDetails', 'ariaHidden', 'ariaLabel', 'ariaLabelledBy', 'ariaLevel', 'ariaRoleDescription',
  'ariaColCount', 'ariaColIndex', 'ariaColSpan', 'ariaRowCount', 'ariaRowIndex', 'ariaRowSpan', 'ariaSort',
  'ariaChecked', 'ariaCurrent', 'ariaDisabled', 'ariaExpanded', 'ariaPressed', 'ariaSelected',
  'ariaPosInSet', 'ariaSetSize', 'ariaValueMax', 'ariaValueMin', 'ariaValueNow', 'ariaValueText', 'ariaLive', 'ariaAtomic',
];

/** HTML elements of a book's text beyond GitHub's set. */
const bookElements = [
  'abbr', 'address', 'article', 'aside', 'bdi', 'bdo', 'caption', 'cite', 'col', 'colgroup', 'data', 'dfn',
  'figcaption', 'figure', 'footer', 'header', 'hgroup', 'mark', 'small', 'time', 'u', 'wbr',
];

/**
 * Inline SVG for drawings and diagrams: shapes, text, gradients, clipping. Not `script`,
 * `foreignObject` (HTML inside, outside this schema's reach), `image` (a second image
 * pipeline) nor any animation element (`<animate attributeName="href">` and `<set>` can
 * turn a link into `javascript:`).
 */
export const svgElements = [
  'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline',
  'polygon', 'text', 'tspan', 'textPath', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'marker',
];

const svgAttributes = [
  'xmlns', 'xmlnsXLink', 'version', 'viewBox', 'preserveAspectRatio', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r',
  'rx', 'ry', 'fx', 'fy', 'dx', 'dy', 'd', 'points', 'transform', 'fill', 'fillOpacity', 'fillRule', 'clipRule', 'stroke',
  'strokeWidth', 'strokeLinecap', 'strokeLinejoin', 'strokeDasharray', 'strokeDashoffset', 'strokeOpacity',
  'strokeMiterLimit', 'opacity', 'fontSize', 'fontFamily', 'fontWeight', 'fontStyle', 'textAnchor', 'dominantBaseline',
  'offset', 'stopColor', 'stopOpacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits',
  'patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits', 'maskContentUnits', 'markerWidth',
  'markerHeight', 'markerUnits', 'refX', 'refY', 'orient', 'markerStart', 'markerMid', 'markerEnd', 'clipPath', 'mask',
  'visibility', 'display', 'color', 'vectorEffect', 'textLength', 'lengthAdjust', 'startOffset', 'focusable',
  // References inside the drawing; anything but `#id` is removed afterwards (see rehype-sanitize-book.ts).
  'href', 'xLinkHref',
];

/**
 * Elements dropped with everything inside them (others not allowed are unwrapped and
 * keep their text): their content is code, styles, another document, or text that only
 * made sense inside them.
 */
const dropped = [
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noembed',
  'noframes', 'xmp', 'plaintext', 'textarea', 'select', 'head', 'meta', 'link', 'base', 'math',
  'foreignObject', 'animate', 'animateMotion', 'animateTransform', 'set', 'image', 'audio', 'video', 'canvas',
];

// GitHub's `picture`/`source` (responsive images Folio does not package) and form
// attributes have no place in a book.
const github = defaultSchema.tagNames!.filter((name) => name !== 'picture' && name !== 'source');
const githubGlobal = (defaultSchema.attributes!['*'] ?? []).filter(
  (name) => !['action', 'method', 'encType', 'accept', 'acceptCharset', 'prompt', 'charSet'].includes(String(name)),
);

export const bookSchema: Schema = {
  ...defaultSchema,
  // Ids are made unique across the edition later, without a prefix: authors' anchors keep their names.
  clobber: [],
  clobberPrefix: '',
  allowComments: true,
  strip: dropped,
  tagNames: [...github, ...bookElements, ...svgElements],
  ancestors: { ...defaultSchema.ancestors, caption: ['table'], col: ['table'], colgroup: ['table'] },
  attributes: {
    ...defaultSchema.attributes,
    a: ['dataFootnoteBackref', 'dataFootnoteRef', 'href', 'hrefLang', 'rel', 'type'],
    code: [],
    h2: [],
    img: ['longDesc', 'src', 'loading', 'decoding'],
    li: [],
    ol: ['reversed', 'type'],
    ul: [],
    section: ['dataFootnotes'],
    source: [],
    td: ['colSpan', 'rowSpan', 'headers'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
    time: ['dateTime'],
    data: ['value'],
    bdo: ['dir'],
    ...Object.fromEntries(svgElements.map((name) => [name, svgAttributes])),
    '*': [...githubGlobal, ...aria, 'className', 'role', 'style', 'translate', 'hidden', 'data*'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    // Remote images are refused, with an error, by the image plugin that runs next.
    src: ['http', 'https'],
    xLinkHref: ['http', 'https'],
  },
};
