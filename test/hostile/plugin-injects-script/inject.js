// A book plugin that tries to put script into the editions through the markdown tree.
export default function inject() {
  return (tree) => {
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'x' }], data: { hName: 'script', hChildren: [{ type: 'text', value: "document.title='pwned'" }] } });
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: 'Hover' }], data: { hProperties: { onMouseOver: "document.title='pwned'", onpointerdown: "document.title='pwned'" } } });
    tree.children.push({ type: 'html', value: '<b onclick="document.title=1">bold</b>' });
  };
}
