import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio } from '../../src/lib/contrast.ts';

const css = readFileSync(new URL('../../src/styles/tokens.css', import.meta.url), 'utf8');

function tokensIn(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--(colour-[a-z-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1]!, m[2]!]));
}

const lightBlock = css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)'));
const darkBlock = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
const light = tokensIn(lightBlock);
// Dark mode overrides some tokens; the rest (such as the focus colours) carry over.
const dark = new Map([...light, ...tokensIn(darkBlock)]);

// Every text colour and the backgrounds it is drawn on.
const pairs: [text: string, background: string][] = [
  ['colour-text', 'colour-background'],
  ['colour-secondary-text', 'colour-background'],
  ['colour-link', 'colour-background'],
  ['colour-link-visited', 'colour-background'],
  ['colour-link-hover', 'colour-background'],
  ['colour-text', 'colour-panel'],
  ['colour-secondary-text', 'colour-panel'],
  ['colour-link', 'colour-panel'],
  ['colour-link-visited', 'colour-panel'],
  ['colour-text', 'colour-warning-background'],
  ['colour-link', 'colour-warning-background'],
  ['colour-link-visited', 'colour-warning-background'],
  ['colour-header-text', 'colour-header-background'],
  ['colour-focus-text', 'colour-focus'],
  ['colour-button-text', 'colour-button-background'],
  ['colour-error', 'colour-background'],
];

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('%s colour scheme', (_scheme, tokens) => {
  it.each(pairs)('%s on %s has a contrast of at least 7:1', (text, background) => {
    const fg = tokens.get(text);
    const bg = tokens.get(background);
    expect(fg, `--${text} is defined`).toBeDefined();
    expect(bg, `--${background} is defined`).toBeDefined();
    expect(contrastRatio(fg!, bg!)).toBeGreaterThanOrEqual(7);
  });
});

describe('contrast ratio', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#16387a', '#16387a')).toBe(1);
  });

  it('matches a known value for mid grey on white', () => {
    // #767676 is the well-known lightest grey that passes 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
