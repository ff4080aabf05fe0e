import { describe, it, expect } from 'vitest';
import { contentsList, minimumSections } from '../../src/lib/content/contents-list.ts';

const h = (depth: number, text: string, slug = text.toLowerCase().replaceAll(' ', '-')) => ({ depth, slug, text });

describe('the "On this page" contents list', () => {
  it('lists each h2 section in page order, linked to its heading', () => {
    const list = contentsList([h(2, 'Who can complain'), h(3, 'On behalf of someone'), h(2, 'Where to send it'), h(2, 'Time limits')]);
    expect(list).toEqual([
      { href: '#who-can-complain', text: 'Who can complain' },
      { href: '#where-to-send-it', text: 'Where to send it' },
      { href: '#time-limits', text: 'Time limits' },
    ]);
  });

  it('is left out for pages with fewer than three sections', () => {
    expect(minimumSections).toBe(3);
    expect(contentsList([h(2, 'One'), h(2, 'Two'), h(3, 'Not a section'), h(4, 'Nor this')])).toEqual([]);
    expect(contentsList([])).toEqual([]);
  });

  it('skips headings with no anchor or no words', () => {
    expect(contentsList([h(2, 'One'), h(2, 'Two'), h(2, 'Three', ''), h(2, '  ')])).toEqual([]);
  });
});
