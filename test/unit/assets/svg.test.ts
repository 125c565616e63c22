import { expect, test } from '@jest/globals';
import { cleanSvg } from '../../../src/assets/svg.js';

const drawn = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
  <!ENTITY ns_svg "http://www.w3.org/2000/svg">
  <!ENTITY label "In &amp; out">
]>
<svg xmlns="&ns_svg;" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20" onload="go()">
<script>alert(1)</script>
<rect width="10" height="10" onclick="go()"/>
<text>&label;</text>
<a xlink:href="javascript:go()"><circle r="3"/></a>
<a href="#local"><circle r="4"/></a>
<a href="https://example.com/"><circle r="5"/></a>
<image href="https://example.com/x.png" width="5" height="5"/>
<image href="data:image/png;base64,AAAA" width="5" height="5"/>
<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
<set attributeName="href" to="javascript:go()"/>
<animate attributeName="opacity" from="0" to="1" dur="1s"/>
</svg>`;

test('DOCTYPE gone with its entities expanded; scripts, handlers, foreign objects, remote and script links dropped', () => {
  const { svg, dropped } = cleanSvg(drawn);
  expect(svg).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20">

<rect width="10" height="10"/>
<text>In &amp; out</text>
<g><circle r="3"/></g>
<a href="#local"><circle r="4"/></a>
<g><circle r="5"/></g>

<image href="data:image/png;base64,AAAA" width="5" height="5"/>


<animate attributeName="opacity" from="0" to="1" dur="1s"/>
</svg>
`);
  expect(dropped).toEqual(['the DOCTYPE', '<script>', 'onclick', 'a javascript: link', 'a remote link', 'a remote image', '<foreignObject>', '<set> of a link', 'onload']);
});

test('a clean SVG comes back unchanged in content, with nothing dropped', () => {
  const { svg, dropped } = cleanSvg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0h1"/></svg>');
  expect(svg).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0h1"/></svg>\n');
  expect(dropped).toEqual([]);
});

test('a file that is not XML is an error, not an empty picture', () => {
  expect(() => cleanSvg('<svg><rect></svg>')).toThrow(/not well-formed XML/);
  expect(() => cleanSvg('not an svg')).toThrow(/not well-formed XML/);
});
