import { describe, it, expect } from 'vitest';
import {
  buildLetter,
  complaintLetter,
  complaintParts,
  complaintQuestions,
  letterFileName,
  letterQuestions,
  reviewBodies,
  reviewLetter,
  reviewParts,
  reviewQuestions,
  reviewRecipient,
  tidy,
  whereToSend,
  type Recipients,
} from '../../src/lib/letters/letters.ts';
import contacts from '../../src/content/data/contacts.json' with { type: 'json' };

const organisation = (id: string) => contacts.find((c) => c.id === id)!.organisation;
const recipients: Recipients = { met: organisation('met'), mopac: organisation('mopac-reviews'), iopc: organisation('iopc') };
const date = '23 November 2026';

const complaint = {
  name: 'Sam Taylor',
  contact: 'sam@example.com\n07700 900123',
  whatHappened: 'An officer stopped me and would not say why.\r\n\r\n\r\n\r\nHe took my phone.',
  when: '14 March 2026, about 6pm',
  where: 'Brixton Road, near the station',
  who: 'PC 1234, a tall officer with a beard',
  outcome: 'An apology and an explanation.',
};

const review = {
  name: 'Alex Smith',
  contact: '12 High Street, London',
  reference: 'MPS-2026-00123',
  outcomeDate: '27 March 2026',
  reviewBody: 'mopac',
  whyWrong: 'The Met did not look at the CCTV I told them about.',
};

describe('the complaint letter', () => {
  const letter = complaintLetter(complaint, { date, recipients });

  it('is addressed to the Met and signed by the person', () => {
    expect(letter.startsWith('To: Metropolitan Police Service (the Met)\nFrom: Sam Taylor\n')).toBe(true);
    expect(letter).toContain('Date: 23 November 2026');
    expect(letter.trimEnd().endsWith('Yours faithfully,\n\nSam Taylor')).toBe(true);
  });

  it('asks for the complaint to be recorded, so the right of review is kept', () => {
    expect(letter).toContain('Please record it as a complaint under Schedule 3 of the Police Reform Act 2002.');
  });

  it('puts every answer under its own heading, in the order of the form', () => {
    const headings = ['What happened', 'When it happened', 'Where it happened', 'Who was involved', 'What I want to happen now'];
    const positions = headings.map((h) => letter.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(letter).toContain('When it happened\n14 March 2026, about 6pm\n');
    expect(letter).toContain('Where it happened\nBrixton Road, near the station\n');
    expect(letter).toContain('Who was involved\nPC 1234, a tall officer with a beard\n');
    expect(letter).toContain('What I want to happen now\nAn apology and an explanation.\n');
  });

  it('keeps the person’s paragraphs but not runs of blank lines or Windows line breaks', () => {
    expect(letter).toContain('What happened\nAn officer stopped me and would not say why.\n\nHe took my phone.\n');
    expect(letter).not.toContain('\r');
    expect(letter).not.toMatch(/\n{3,}/);
  });

  it('lists every way to contact the person', () => {
    expect(letter).toContain('How to contact me: sam@example.com\n  07700 900123\n');
  });

  it('shows a clear gap for each empty answer, and still reads as a letter', () => {
    const empty = complaintLetter({ name: '  ', whatHappened: '' }, { recipients });
    expect(empty).toContain('From: [your name]');
    expect(empty).toContain('How to contact me: [how to contact you]');
    expect(empty).toContain('What happened\n[Write what happened here.]');
    expect(empty).toContain('When it happened\n[Write the date and time here.]');
    expect(empty).not.toContain('Date:');
    expect(empty).not.toContain('undefined');
  });

  it('ends with a single line break', () => {
    expect(letter.endsWith('Sam Taylor\n')).toBe(true);
  });
});

describe('the review request', () => {
  it('goes to the MOPAC reviews team when the outcome letter names MOPAC', () => {
    const letter = reviewLetter(review, { date, recipients });
    expect(letter.startsWith('To: MOPAC Police Complaint Reviews Team\nFrom: Alex Smith\n')).toBe(true);
    expect(letter).toContain('Met reference number: MPS-2026-00123');
    expect(letter).toContain('My Met reference number is MPS-2026-00123.');
    expect(letter).toContain("The Met's outcome letter is dated 27 March 2026. I have attached a copy.");
    expect(letter).toContain('Why I think the outcome was wrong\nThe Met did not look at the CCTV I told them about.\n');
    expect(letter).toContain('I am asking for a review of the outcome of my complaint to the Metropolitan Police Service.');
    expect(letter.trimEnd().endsWith('Alex Smith')).toBe(true);
  });

  it('goes to the IOPC when the outcome letter names the IOPC', () => {
    const letter = reviewLetter({ ...review, reviewBody: 'iopc' }, { date, recipients });
    expect(letter.startsWith('To: Independent Office for Police Conduct (IOPC)\n')).toBe(true);
    expect(letter).not.toContain('MOPAC');
  });

  it('leaves a prompt to check the outcome letter when the person is not sure, or did not say', () => {
    for (const body of ['not-sure', undefined, '', 'something else']) {
      expect(reviewRecipient(body, recipients)).toBe('[MOPAC or the IOPC: your outcome letter says which]');
    }
  });

  it('fills gaps with prompts', () => {
    const letter = reviewLetter({}, { recipients });
    expect(letter).toContain('My Met reference number is [your Met reference number].');
    expect(letter).toContain("The Met's outcome letter is dated [the date on the letter].");
    expect(letter).toContain('Why I think the outcome was wrong\n[Write why you think the outcome was wrong here.]');
  });
});

describe('where to send it', () => {
  it('names the recipient from the contacts data', () => {
    expect(whereToSend('complaint', undefined, recipients)).toBe('Send your letter to the Metropolitan Police Service (the Met). Their details are below.');
    expect(whereToSend('review', 'mopac', recipients)).toContain('MOPAC Police Complaint Reviews Team');
    expect(whereToSend('review', 'mopac', recipients)).toContain('copy of your outcome letter');
    expect(whereToSend('review', 'iopc', recipients)).toContain('Independent Office for Police Conduct (IOPC)');
    // The IOPC complaint form would turn a review request into a new complaint (FACTS.md section 12).
    expect(whereToSend('review', 'iopc', recipients)).toContain("Use the IOPC's Submit a review page, not its complaint form.");
    expect(whereToSend('review', 'iopc', recipients)).toContain('0300 020 0096 and press 1');
    // Only a MOPAC and IOPC mix-up is passed on (FACTS.md section 3): never a blanket promise.
    expect(whereToSend('review', 'not-sure', recipients)).toContain('Only a mix-up between MOPAC and the IOPC is passed on.');
    expect(whereToSend('review', 'not-sure', recipients)).not.toMatch(/will be passed on/);
    expect(whereToSend('review', 'not-sure', recipients)).toMatch(/^Check your outcome letter\./);
  });

  it('uses short sentences', () => {
    for (const body of reviewBodies) {
      for (const sentence of whereToSend('review', body, recipients).split(/(?<=\.)\s+/)) {
        expect(sentence.split(/\s+/).length, sentence).toBeLessThan(20);
      }
    }
  });
});

describe('questions and letter parts', () => {
  it('match one to one, so every answer ends up in the letter', () => {
    expect(complaintQuestions.map((q) => q.id)).toEqual(complaintParts.map((p) => p.id));
    expect(reviewQuestions.map((q) => q.id)).toEqual(reviewParts.map((p) => p.id));
    expect(letterQuestions('complaint')).toBe(complaintQuestions);
    expect(letterQuestions('review')).toBe(reviewQuestions);
  });

  it('ask what the brief asks for', () => {
    expect(complaintQuestions.map((q) => q.label)).toEqual(expect.arrayContaining(['What happened?', 'When did it happen?', 'Where did it happen?', 'Who was involved?', 'What do you want to happen now?']));
    expect(reviewQuestions.find((q) => q.id === 'reviewBody')?.options?.map((o) => o.value)).toEqual([...reviewBodies]);
  });

  it('use plain, short hints', () => {
    for (const q of [...complaintQuestions, ...reviewQuestions]) {
      for (const sentence of (q.hint ?? '').split(/(?<=\.)\s+/).filter(Boolean)) {
        expect(sentence.split(/\s+/).length, sentence).toBeLessThan(20);
      }
    }
  });
});

describe('helpers', () => {
  it('tidy trims lines and keeps at most one blank line', () => {
    expect(tidy('  a  \r\n\r\n\r\nb\rc  ')).toBe('a\n\nb\nc');
    expect(tidy(undefined)).toBe('');
  });

  it('builds either letter from one entry point', () => {
    expect(buildLetter('complaint', complaint, { date, recipients })).toBe(complaintLetter(complaint, { date, recipients }));
    expect(buildLetter('review', review, { date, recipients })).toBe(reviewLetter(review, { date, recipients }));
  });

  it('names the downloaded files', () => {
    expect(letterFileName('complaint')).toBe('complaint-letter.txt');
    expect(letterFileName('review')).toBe('review-request.txt');
  });
});
