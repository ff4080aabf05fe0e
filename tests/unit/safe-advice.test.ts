import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFlow } from '../../src/lib/flow/load.ts';
import { isResult } from '../../src/lib/flow/engine.ts';
import type { ResultNode } from '../../src/lib/flow/schema.ts';
import contacts from '../../src/content/data/contacts.json' with { type: 'json' };

/**
 * Advice that can cost a person their deadline or send them to the wrong place, checked in the
 * source of every page that gives it (issue 22; FACTS.md sections 3, 7, 11 and 12).
 */
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const contentFiles = ['guides', 'easy-read', 'pages'].flatMap((folder) =>
  readdirSync(new URL(`../../src/content/${folder}/`, import.meta.url)).filter((f) => f.endsWith('.mdx')).map((f) => `src/content/${folder}/${f}`),
);
const flow = loadFlow();
const results = flow.nodes.filter(isResult);
const resultText = (node: ResultNode) => [node.title, node.summary, node.who, node.how, node.byWhen, node.action.href ?? '', ...node.steps, ...node.whatHappensNext, ...node.timeLimits].join('\n');

const submitReview = 'https://policeconduct.gov.uk/complaints/reviews-and-appeals/submit-a-review-appeal';
const reviewPhone = '0300 020 0096';

describe('asking the IOPC for a review', () => {
  const wizardResults = ['review-by-iopc', 'review-body-unknown', 'check-if-recorded', 'follow-up-another-force'];
  it.each(wizardResults)('the wizard result %s links the IOPC review page and gives its phone line', (id) => {
    const node = results.find((n) => n.id === id);
    expect(node, id).toBeDefined();
    const text = resultText(node!);
    expect(text).toContain(submitReview);
    expect(text).toContain(`${reviewPhone} and press 1`);
    expect(node!.contacts).toContain('iopc-reviews');
  });

  it.each(['src/content/guides/right-of-review.mdx', 'src/content/easy-read/right-of-review.mdx', 'src/content/easy-read/where-to-complain.mdx', 'src/content/guides/complaints-about-the-commissioner.mdx', 'src/pages/tools/review-letter.astro', 'src/components/DeadlineCalculator.astro'])(
    '%s links the IOPC review page, gives the phone line and warns off the complaint form',
    (path) => {
      const source = read(path).replace(/\*\*/g, '');
      expect(source).toContain(submitReview);
      expect(source.replace(/&nbsp;/g, ' ')).toContain(`${reviewPhone} and press 1`);
      expect(source).toMatch(/not use the IOPC complaint form/i);
    },
  );

  it('the IOPC contact card says its complaint form is not the way to ask for a review', () => {
    const iopc = contacts.find((c) => c.id === 'iopc')!;
    expect(iopc.note).toContain('The complaint form is not the way to ask for a review');
    const reviews = contacts.find((c) => c.id === 'iopc-reviews')!;
    expect(reviews.web?.url).toBe(submitReview);
    expect(reviews.phone?.[0]?.number).toBe(reviewPhone);
  });

  it('no wizard result sends a review request to the IOPC complaint form', () => {
    for (const node of results.filter((n) => /review/.test(n.id) && n.id !== 'police-right-to-review' && n.id !== 'cps-right-to-review')) {
      expect(node.action.href ?? '', node.id).not.toContain('submit-a-complaint');
    }
  });
});

describe('the review deadline, said the same way everywhere', () => {
  const reviewResults = results.filter((n) => !n.id.startsWith('after-') && (n.contacts.includes('mopac-reviews') || n.contacts.includes('iopc-reviews')));
  it.each(reviewResults.map((n) => [n.id, n] as const))('%s counts from the date printed on the letter, says received, and gives the earlier-date advice', (_id, node) => {
    const text = resultText(node);
    expect(text).toMatch(/day after the date printed on (your|the) outcome letter/);
    expect(text).toMatch(/must arrive/);
    expect(text).toContain('count from the earlier day');
  });

  it.each(['src/content/guides/right-of-review.mdx', 'src/content/easy-read/right-of-review.mdx', 'src/content/easy-read/where-to-complain.mdx', 'src/pages/tools/review-letter.astro'])('%s counts from the date on the letter and gives the earlier-date advice', (path) => {
    const source = read(path).replace(/\*\*/g, '');
    expect(source).toMatch(/date printed on/);
    expect(source).toMatch(/arrive/);
    expect(source).toMatch(/count from (that|the) earlier day/);
  });

  it('no page or result counts from the day the letter arrived', () => {
    for (const path of contentFiles) expect(read(path), path).not.toMatch(/day after you (were given|got) the outcome|date you got your outcome letter/);
    for (const node of results) expect(resultText(node), node.id).not.toMatch(/day after you (were given|got) the outcome/);
  });

  it('a late request is worded as what the bodies say, not as a rule', () => {
    for (const node of results) expect(resultText(node), node.id).not.toMatch(/late request is only accepted/i);
    for (const path of contentFiles) expect(read(path), path).not.toMatch(/^(?!.*(Police (pages|guidance) say)).*late requests are only (accepted|taken|looked at)/im);
  });
});

describe('passing on a request sent to the wrong body', () => {
  it('never says "do not worry"', () => {
    for (const path of contentFiles) expect(read(path), path).not.toMatch(/do not worry/i);
    for (const node of results) expect(resultText(node), node.id).not.toMatch(/do not worry/i);
  });

  it('names the mix-up the rule covers, MOPAC and the IOPC, wherever it is mentioned', () => {
    for (const node of results) {
      for (const line of resultText(node).split('\n').filter((l) => /passed on|pass (it|your request) on|send (it|your request) on/.test(l))) {
        expect(line, node.id).toMatch(/MOPAC|IOPC|police body|local policing body/);
        expect(line, node.id).not.toMatch(/wrong (body|one|place), it is passed on/);
      }
    }
  });
});

describe('easy read: where to complain', () => {
  const source = read('src/content/easy-read/where-to-complain.mdx');
  const sections = source.split(/^## /m).slice(1);
  it.each(sections.map((s) => [s.split('\n')[0]!, s] as const))('"%s" gives a way to act: a link, an email, a phone number or an address', (_heading, section) => {
    expect(section).toMatch(/\]\((https:\/\/|\/)|@[a-z.]+\.uk|\b(999|101|0\d{3} \d{3} \d{4})\b|SE1 0LL/);
  });

  it('tells whistleblowers they can go straight to the IOPC, as the guide does', () => {
    expect(source).not.toMatch(/If you can, report it inside your force first/);
    expect(source).toMatch(/straight to the IOPC/);
    expect(source).toMatch(/do \*\*not\*\* have to report it inside your force first/);
  });
});
