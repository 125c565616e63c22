import { describe, expect, test } from '@jest/globals';
import type { Element, ElementData, Root } from 'hast';
import { h } from 'hastscript';
import { cloneTree, eachElement } from '../../../src/hast/tree.js';

const sample = (): Root => ({
  type: 'root',
  children: [
    h('section', { id: 'a', className: ['one'] }, [h('h2', 'Title'), h('pre', [h('code', 'x = 1')]), { ...h('p', ['Text ', h('em', 'here')]), data: { kept: 1 } as unknown as ElementData }]),
  ],
});

describe('eachElement', () => {
  test('visits every element in document order, each before its children', () => {
    const names: string[] = [];
    eachElement(sample(), (node) => void names.push(node.tagName));
    expect(names).toEqual(['section', 'h2', 'pre', 'code', 'p', 'em']);
  });

  test("'skip' leaves an element's children out", () => {
    const names: string[] = [];
    eachElement(sample(), (node) => {
      names.push(node.tagName);
      return node.tagName === 'pre' ? 'skip' : undefined;
    });
    expect(names).toEqual(['section', 'h2', 'pre', 'p', 'em']);
  });
});

describe('cloneTree', () => {
  test('the copy is equal, and changing it leaves the original as it was', () => {
    const tree = sample();
    const before = structuredClone(tree);
    const copy = cloneTree(tree);
    expect(copy).toEqual(tree);
    eachElement(copy, (node: Element) => {
      node.properties.id = 'changed';
      (node.properties.className as string[] | undefined)?.push('two');
      node.children.push({ type: 'text', value: '!' });
      if (node.data) Object.assign(node.data, { changed: true });
    });
    expect(tree).toEqual(before);
  });
});
