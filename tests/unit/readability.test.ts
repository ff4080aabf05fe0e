import { describe, it, expect } from 'vitest';
import {
  checkReadability,
  countSyllables,
  easyReadLimits,
  readability,
  readabilityLimits,
  splitSentences,
  type ReadabilityReport,
} from '../support/readability/score.ts';
import { builtPageText, mdxText } from '../support/readability/text.ts';

const sentencesOf = (mdx: string): string[] => splitSentences(mdxText(mdx));

describe('MDX to plain text (parsed, not pattern-matched)', () => {
  it('a heading is not glued to the next sentence', () => {
    expect(sentencesOf('## What happens next\nWe write to you within four weeks.')).toEqual(['What happens next.', 'We write to you within four weeks.']);
  });

  it('a heading that asks a question keeps its question mark', () => {
    expect(sentencesOf('## Can I ask for a review?\n\nYes, in most cases.')).toEqual(['Can I ask for a review?', 'Yes, in most cases.']);
  });

  it('drops frontmatter, imports and exports, code and comments', () => {
    const mdx = [
      '---',
      'title: Your right of review',
      'summary: How to ask for a review.',
      '---',
      "import Callout from '../../components/Callout.astro';",
      'export const related = {',
      "  ids: ['complaints'],",
      '};',
      '',
      'You can ask for a review.',
      '',
      '```js',
      'const notProse = true;',
      '```',
      '',
      '{/* a note for editors */}',
      'Ask within 28 days.',
    ].join('\n');
    expect(sentencesOf(mdx)).toEqual(['You can ask for a review.', 'Ask within 28 days.']);
  });

  it('keeps the words inside components and drops the tags', () => {
    const mdx = '<Callout type="warning">\nYou have **28 days** to ask.\n</Callout>\n\nCall <strong>101</strong> if it is not an emergency.';
    expect(sentencesOf(mdx)).toEqual(['You have 28 days to ask.', 'Call 101 if it is not an emergency.']);
  });

  it("reads a component's title as its own heading", () => {
    expect(sentencesOf('<Callout title="Check the date">\nAsk within 28 days.\n</Callout>')).toEqual(['Check the date.', 'Ask within 28 days.']);
  });

  it('keeps link text and drops the address', () => {
    const text = mdxText('Read [regulation 29](https://legislation.gov.uk/uksi/2020/2/regulation/29 "The rule") and [our guide](/guides/right-of-review/).');
    expect(text).toBe('Read regulation 29 and our guide.');
  });

  it('drops images, emphasis markers and escapes but keeps snake_case words whole', () => {
    const text = mdxText('![A complaint form](/form.png)\nIt is *very* __important__ to keep the file_name \\* safe.');
    expect(text).toBe('It is very important to keep the file_name * safe.');
  });

  it('list items each count as their own sentence', () => {
    expect(sentencesOf('You can complain:\n\n- online\n- by phone\n1. First, write it down\n2) Then send it')).toEqual([
      'You can complain.',
      'online.',
      'by phone.',
      'First, write it down.',
      'Then send it.',
    ]);
  });

  it('table cells each count as their own sentence and the pipes go', () => {
    const mdx = '| Who | Reviews |\n| --- | :--- |\n| MOPAC | most complaints |\n| IOPC | serious ones |';
    expect(sentencesOf(mdx)).toEqual(['Who.', 'Reviews.', 'MOPAC.', 'most complaints.', 'IOPC.', 'serious ones.']);
  });

  it('a quote loses its marker', () => {
    expect(sentencesOf('Some text.\n> What the officer said')).toEqual(['Some text.', 'What the officer said.']);
  });
});

describe('built page text', () => {
  const page = (main: string): string =>
    `<!doctype html><html lang="en"><head><title>T</title><script>var notProse = 1;</script></head><body><header><a href="/">Site name</a></header>` +
    `<main id="main-content">${main}</main><footer><p>Footer words are not counted.</p></footer></body></html>`;

  it('reads only the main content, one block per heading, paragraph and list item', () => {
    const { text } = builtPageText(page('<h1>Your right of review</h1><p>Ask within <strong>28 days</strong>.</p><ul><li>by email</li><li>by post</li></ul>'));
    expect(splitSentences(text)).toEqual(['Your right of review.', 'Ask within 28 days.', 'by email.', 'by post.']);
  });

  it('leaves out the sources list, hidden parts, scripts and form controls', () => {
    const { text } = builtPageText(
      page(
        '<p>Keep the letter.</p><section class="sources"><h2>Sources</h2><ol><li>Police (Complaints and Misconduct) Regulations 2020, regulation 29</li></ol></section>' +
          '<p hidden>Hidden words.</p><span aria-hidden="true">Decoration.</span><script>const x = 1;</script><label for="d">Date</label><input id="d" value="typed text">',
      ),
    );
    expect(splitSentences(text)).toEqual(['Keep the letter.', 'Date.']);
  });

  it('collects the terms the page links to the glossary', () => {
    const { glossaryTerms } = builtPageText(page('<p>Ask <a class="glossary-link" href="/glossary/#mopac">MOPAC</a> or the <a href="/x/">IOPC</a>.</p>'));
    expect(glossaryTerms).toEqual(['MOPAC']);
  });

  it('refuses a page with no main element', () => {
    expect(() => builtPageText('<!doctype html><html><body><p>No landmark.</p></body></html>')).toThrow(/no <main>/);
  });
});

describe('sentences', () => {
  it('abbreviations do not end a sentence', () => {
    const text = 'Mr Khan, Mrs. Ali, Dr. Jones and St. Thomas agreed on a place, e.g. London, and a date, i.e. The 4th of May, see No. 10. They met later.';
    expect(splitSentences(text)).toEqual([
      'Mr Khan, Mrs. Ali, Dr. Jones and St. Thomas agreed on a place, e.g. London, and a date, i.e. The 4th of May, see No. 10.',
      'They met later.',
    ]);
  });

  it('a year at the end of a sentence still ends it', () => {
    expect(splitSentences('The rules are in the Police Reform Act 2002. They changed in 2017.')).toEqual([
      'The rules are in the Police Reform Act 2002.',
      'They changed in 2017.',
    ]);
  });

  it('decimal numbers do not end a sentence', () => {
    expect(splitSentences('It costs £2.50 or 3.5% a month. That is cheap.')).toEqual(['It costs £2.50 or 3.5% a month.', 'That is cheap.']);
  });

  it('references to paragraphs and regulations do not end a sentence', () => {
    expect(splitSentences('See para. 6 of Sch. 3 and reg. 29 for the rule. Then apply.')).toEqual(['See para. 6 of Sch. 3 and reg. 29 for the rule.', 'Then apply.']);
  });

  it('"etc." ends a sentence only when a capital letter follows', () => {
    expect(splitSentences('Bring letters, photos etc. and any notes. Bring forms etc. Then wait.')).toEqual([
      'Bring letters, photos etc. and any notes.',
      'Bring forms etc.',
      'Then wait.',
    ]);
  });

  it('question marks, exclamation marks and closing quotes end sentences', () => {
    expect(splitSentences('Was it recorded? Yes! He said "stop." Then he left.')).toEqual(['Was it recorded?', 'Yes!', 'He said "stop."', 'Then he left.']);
  });

  it('a blank line ends a sentence even without a full stop', () => {
    expect(splitSentences('First part\n\nSecond part')).toEqual(['First part', 'Second part']);
  });
});

describe('syllables', () => {
  it('counts syllables as a dictionary does for everyday and complaint words', () => {
    const expected: Record<string, number> = {
      the: 1,
      cat: 1,
      table: 2,
      little: 2,
      police: 2,
      complaint: 2,
      review: 2,
      asked: 1,
      wanted: 2,
      handled: 2,
      happy: 2,
      officer: 3,
      recorded: 3,
      reasonable: 4,
      investigation: 5,
      makes: 1,
      changes: 2,
      sometimes: 2,
      completely: 3,
      trying: 2,
      quite: 1,
      language: 2,
      media: 3,
      people: 2,
      whistleblowing: 4,
    };
    const counted = Object.fromEntries(Object.keys(expected).map((word) => [word, countSyllables(word)]));
    expect(counted).toEqual(expected);
  });

  it('numbers and abbreviations in capitals count as one syllable', () => {
    expect(['MPS', 'IOPC', 'PCCs', '2002', '£1,000', '28'].map(countSyllables)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('possessives and short negatives add a syllable only where one is said', () => {
    expect(['police’s', "Met's", "didn't"].map(countSyllables)).toEqual([3, 1, 2]);
  });

  it('hyphenated words count each part', () => {
    expect(countSyllables('well-known')).toBe(2);
    expect(countSyllables('face-to-face')).toBe(3);
  });

  it('never counts less than one', () => {
    expect(['shh', 'h', '—', ''].map(countSyllables)).toEqual([1, 1, 1, 1]);
  });
});

describe('readability scores', () => {
  it('a known simple text scores a low grade', () => {
    const report = readability('The cat sat on the mat. The dog ran to the park. We had fun in the sun.');
    expect([report.words, report.sentences, report.syllables]).toEqual([18, 3, 18]);
    expect(report.averageSentenceLength).toBe(6);
    expect(report.fleschKincaidGrade).toBeCloseTo(0.39 * 6 + 11.8 * 1 - 15.59, 6);
    expect(report.fleschKincaidGrade).toBeLessThan(2);
    expect(report.fleschReadingEase).toBeGreaterThan(100);
  });

  it('a dense legal paragraph scores a high grade', () => {
    const legal =
      'Where the appropriate authority determines that the complaint, having regard to the information available, constitutes an allegation of conduct which, ' +
      'if proved, would justify the bringing of disciplinary proceedings, the authority shall refer the matter to the Independent Office for Police Conduct ' +
      'in accordance with the provisions of Schedule 3 to the Police Reform Act 2002.';
    const report = readability(legal);
    expect(report.sentences).toBe(1);
    expect(report.fleschKincaidGrade).toBeGreaterThan(16);
    expect(report.fleschReadingEase).toBeLessThan(30);
  });

  it('a glossary term keeps its length in words, but each of its words counts as one syllable', () => {
    const sentence = 'You can ask the Independent Office for Police Conduct to look again.';
    const plain = readability(sentence);
    const withTerm = readability(sentence, { easyTerms: ['Independent Office for Police Conduct'] });
    expect(plain.words).toBe(12);
    expect(withTerm.words).toBe(12);
    expect(withTerm.syllables).toBe(13);
    expect(withTerm.fleschKincaidGrade).toBeLessThan(plain.fleschKincaidGrade);
  });

  it('the longest glossary term wins over a shorter one inside it', () => {
    const report = readability('Ask the Police Conduct team or the Independent Office for Police Conduct today.', {
      easyTerms: ['Police', 'Police Conduct', 'Independent Office for Police Conduct'],
    });
    expect([report.words, report.syllables]).toEqual([13, 14]);
  });

  it('glossary terms match whole words in any case, across line breaks', () => {
    const report = readability('The met has a metal gate. Ask about schedule\n3 complaints.', { easyTerms: ['Met', 'Schedule 3'] });
    expect(report.sentenceLengths.map((sentence) => sentence.words)).toEqual([6, 5]);
    // the(1) met(1) has(1) a(1) metal(2) gate(1); ask(1) about(2) schedule 3 (two words, one each) complaints(2)
    expect(report.syllables).toBe(7 + 7);
  });

  it("the longest sentence is shown in the writer's own words", () => {
    const report = readability('Short one. Ask the IOPC to review the handling of your complaint.', { easyTerms: ['IOPC'] });
    expect(report.longestSentence).toEqual({ words: 10, text: 'Ask the IOPC to review the handling of your complaint.' });
  });

  it('an empty text scores nothing and fails the check', () => {
    const report = readability('');
    expect([report.words, report.sentences, report.fleschKincaidGrade]).toEqual([0, 0, 0]);
    expect(checkReadability(report, readabilityLimits)).toEqual(['No readable text found']);
  });
});

describe('readability check', () => {
  const thirtyFourWords =
    'The officer who handled your complaint must write to you and explain what they found, what they decided to do about it, ' +
    'why they decided it, and how you can ask for a review.';

  it('reports a long sentence', () => {
    const report = readability(`${thirtyFourWords} Keep the letter safe. You may need it.`);
    expect(report.longestSentence.words).toBe(34);
    expect(checkReadability(report, readabilityLimits)).toContain(
      "Sentence of 34 words (limit 30): 'The officer who handled your complaint must write to you and explain ...'",
    );
  });

  it('reports every sentence over the limit, not only the longest', () => {
    const report = readability(`${thirtyFourWords} ${thirtyFourWords} Short.`);
    expect(checkReadability(report, readabilityLimits).filter((problem) => problem.startsWith('Sentence of'))).toHaveLength(2);
  });

  it('passes short, everyday sentences', () => {
    const report = readability('You can complain about the police. We will write to you. Keep the letter safe.');
    expect(checkReadability(report, readabilityLimits)).toEqual([]);
  });

  it('reports a high grade and a long average', () => {
    const report = readability('Notwithstanding considerable organisational complexity, investigative determinations necessitate proportionate evaluation of institutional accountability.');
    const problems = checkReadability(report, readabilityLimits);
    expect(problems.some((problem) => /^Flesch-Kincaid grade \d+\.\d \(limit 8\)/.test(problem))).toBe(true);
    expect(checkReadability(readability(thirtyFourWords), readabilityLimits)).toContain('Average sentence of 34.0 words (limit 18)');
  });

  it('easy-read limits are stricter than the guide limits', () => {
    const report = readability('You can tell us if the police did something wrong and you are not happy about it.');
    expect(checkReadability(report, readabilityLimits)).toEqual([]);
    expect(checkReadability(report, easyReadLimits)).toContain("Sentence of 17 words (limit 15): 'You can tell us if the police did something wrong and you ...'");
  });

  it('a grade that rounds to the limit passes', () => {
    const sentence = { words: 10, text: 'Ten words.' };
    const report: ReadabilityReport = {
      words: 10,
      sentences: 1,
      syllables: 15,
      averageSentenceLength: 10,
      longestSentence: sentence,
      fleschKincaidGrade: 8.04,
      fleschReadingEase: 60,
      sentenceLengths: [sentence],
    };
    expect(checkReadability(report, readabilityLimits)).toEqual([]);
    expect(checkReadability({ ...report, fleschKincaidGrade: 8.06 }, readabilityLimits)).toEqual(['Flesch-Kincaid grade 8.1 (limit 8): use shorter sentences and everyday words']);
  });
});
