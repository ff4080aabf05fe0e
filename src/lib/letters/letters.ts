/**
 * The letter builder's questions and the plain-text letters made from the answers.
 *
 * The pages render the questions (so they work as a printable template without
 * JavaScript) and the island turns the answers into a letter with the functions
 * below. Nothing here reads the page, the clock or storage: the date and the
 * recipients' names are passed in.
 */

export type LetterKind = 'complaint' | 'review';

/** A question on the page. Its form field's name is `id` and its id is `letter-<id>`. */
export interface LetterQuestion {
  readonly id: string;
  /** The question, shown as a heading over the box. */
  readonly label: string;
  readonly hint?: string;
  readonly type: 'text' | 'textarea' | 'radios';
  readonly rows?: number;
  readonly autocomplete?: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

/**
 * What the letter does with an answer. Kept apart from the questions' wording so the
 * island's bundle carries only what it needs to write the letter.
 */
export interface LetterPart<Id extends string = string> {
  readonly id: Id;
  /** The answer's heading in the letter. Parts without one go in the letter's opening lines. */
  readonly letterHeading?: string;
  /** Put in the letter when the box is left empty, so the gap is easy to see and fill. */
  readonly placeholder: string;
}

export const complaintParts = [
  { id: 'name', placeholder: '[your name]' },
  { id: 'contact', placeholder: '[how to contact you]' },
  { id: 'whatHappened', letterHeading: 'What happened', placeholder: '[Write what happened here.]' },
  { id: 'when', letterHeading: 'When it happened', placeholder: '[Write the date and time here.]' },
  { id: 'where', letterHeading: 'Where it happened', placeholder: '[Write the place here.]' },
  { id: 'who', letterHeading: 'Who was involved', placeholder: '[Write who was involved here.]' },
  { id: 'outcome', letterHeading: 'What I want to happen now', placeholder: '[Write what you want to happen here.]' },
] as const satisfies readonly LetterPart[];

export const reviewParts = [
  { id: 'name', placeholder: '[your name]' },
  { id: 'contact', placeholder: '[how to contact you]' },
  { id: 'reference', placeholder: '[your Met reference number]' },
  { id: 'outcomeDate', placeholder: '[the date on the letter]' },
  { id: 'reviewBody', placeholder: '[MOPAC or the IOPC: your outcome letter says which]' },
  { id: 'whyWrong', letterHeading: 'Why I think the outcome was wrong', placeholder: '[Write why you think the outcome was wrong here.]' },
] as const satisfies readonly LetterPart[];

export type ComplaintField = (typeof complaintParts)[number]['id'];
export type ReviewField = (typeof reviewParts)[number]['id'];
export type ComplaintAnswers = Partial<Record<ComplaintField, string>>;
export type ReviewAnswers = Partial<Record<ReviewField, string>>;

export const reviewBodies = ['mopac', 'iopc', 'not-sure'] as const;
export type ReviewBody = (typeof reviewBodies)[number];

const contactHint = 'Give at least one way: an email address, a phone number or a postal address.';

export const complaintQuestions: readonly (LetterQuestion & { readonly id: ComplaintField })[] = [
  { id: 'name', label: 'Your name', type: 'text', autocomplete: 'name' },
  { id: 'contact', label: 'How can the Met contact you?', hint: contactHint, type: 'textarea', rows: 3 },
  { id: 'whatHappened', label: 'What happened?', hint: 'Tell it in the order it happened. Say how it affected you.', type: 'textarea', rows: 8 },
  { id: 'when', label: 'When did it happen?', hint: 'Give the date and time if you know them. For example, 14 March 2026, at about 6pm.', type: 'text' },
  { id: 'where', label: 'Where did it happen?', hint: 'For example, the street, the station or the building.', type: 'text' },
  {
    id: 'who',
    label: 'Who was involved?',
    hint: 'Give any names or shoulder numbers you know. If you do not know them, say what the people looked like. Say if anyone else saw it.',
    type: 'textarea',
    rows: 4,
  },
  {
    id: 'outcome',
    label: 'What do you want to happen now?',
    hint: 'For example, you may want an apology, an explanation, or a change in how the police do things.',
    type: 'textarea',
    rows: 4,
  },
];

export const reviewQuestions: readonly (LetterQuestion & { readonly id: ReviewField })[] = [
  { id: 'name', label: 'Your name', type: 'text', autocomplete: 'name' },
  { id: 'contact', label: 'How can the review team contact you?', hint: contactHint, type: 'textarea', rows: 3 },
  { id: 'reference', label: 'Your Met reference number', hint: 'You can find it on your outcome letter.', type: 'text' },
  { id: 'outcomeDate', label: 'What date is on your outcome letter?', hint: 'Use the date printed on the letter. For example, 27 March 2026.', type: 'text' },
  {
    id: 'reviewBody',
    label: 'Who does your outcome letter say will do the review?',
    type: 'radios',
    options: [
      { value: 'mopac', label: "MOPAC (the Mayor's Office for Policing And Crime)" },
      { value: 'iopc', label: 'The IOPC (Independent Office for Police Conduct)' },
      { value: 'not-sure', label: 'I am not sure' },
    ],
  },
  {
    id: 'whyWrong',
    label: 'Why do you think the outcome was wrong?',
    hint: 'Say which parts you disagree with, and why. For example, the Met missed something, or the decision does not fit the facts.',
    type: 'textarea',
    rows: 8,
  },
];

/** The questions for a kind of letter, in the order the form asks them. */
export function letterQuestions(kind: LetterKind): readonly LetterQuestion[] {
  return kind === 'complaint' ? complaintQuestions : reviewQuestions;
}

/** The names of who a letter goes to, from src/content/data/contacts.json. */
export interface Recipients {
  readonly met: string;
  readonly mopac: string;
  readonly iopc: string;
}

export interface LetterOptions {
  /** The date to put on the letter, already written out ("23 November 2026"). Left out when not given. */
  readonly date?: string;
  readonly recipients: Recipients;
}

/** Trims, uses one kind of line break, and keeps at most one blank line in a row. */
export function tidy(text: string | undefined): string {
  return (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function answerOr(answers: Partial<Record<string, string>>, part: LetterPart): string {
  return tidy(answers[part.id]) || part.placeholder;
}

function part<P extends LetterPart>(list: readonly P[], id: P['id']): P {
  const found = list.find((p) => p.id === id);
  if (!found) throw new Error(`No letter part "${id}"`);
  return found;
}

/** The lines at the top: who it is to, who it is from, how to reply, and the date. */
function header(to: string, answers: Partial<Record<string, string>>, parts: readonly LetterPart[], date: string | undefined): string[] {
  const contact = answerOr(answers, part(parts, 'contact'));
  const lines = [`To: ${to}`, `From: ${answerOr(answers, part(parts, 'name'))}`];
  const [firstContactLine = '', ...moreContactLines] = contact.split('\n');
  lines.push(`How to contact me: ${firstContactLine}`, ...moreContactLines.filter(Boolean).map((line) => `  ${line}`));
  if (date) lines.push(`Date: ${date}`);
  return lines;
}

function sections(answers: Partial<Record<string, string>>, parts: readonly LetterPart[]): string[] {
  return parts.filter((p) => p.letterHeading).flatMap((p) => [p.letterHeading!, answerOr(answers, p), '']);
}

function signOff(answers: Partial<Record<string, string>>, parts: readonly LetterPart[]): string[] {
  return ['Yours faithfully,', '', answerOr(answers, part(parts, 'name'))];
}

/** A new complaint to the Met, as plain text. */
export function complaintLetter(answers: ComplaintAnswers, options: LetterOptions): string {
  return [
    ...header(options.recipients.met, answers, complaintParts, options.date),
    '',
    'Complaint about the police',
    '',
    'Dear Sir or Madam,',
    '',
    'I want to make a complaint about the Metropolitan Police Service.',
    'Please record it as a complaint under Schedule 3 of the Police Reform Act 2002.',
    '',
    ...sections(answers, complaintParts),
    'Please tell me how you will deal with my complaint, and keep me updated.',
    '',
    ...signOff(answers, complaintParts),
  ].join('\n') + '\n';
}

/** Who a review request is addressed to, from the answer about the outcome letter. */
export function reviewRecipient(reviewBody: string | undefined, recipients: Recipients): string {
  if (reviewBody === 'mopac') return recipients.mopac;
  if (reviewBody === 'iopc') return recipients.iopc;
  return part(reviewParts, 'reviewBody').placeholder;
}

/** An application for a review of a complaint outcome, as plain text. */
export function reviewLetter(answers: ReviewAnswers, options: LetterOptions): string {
  const reference = answerOr(answers, part(reviewParts, 'reference'));
  const outcomeDate = answerOr(answers, part(reviewParts, 'outcomeDate'));
  return [
    ...header(reviewRecipient(answers.reviewBody, options.recipients), answers, reviewParts, options.date),
    '',
    'Application for a review of my complaint outcome',
    `Met reference number: ${reference}`,
    '',
    'Dear Sir or Madam,',
    '',
    'I am asking for a review of the outcome of my complaint to the Metropolitan Police Service.',
    '',
    `My Met reference number is ${reference}.`,
    `The Met's outcome letter is dated ${outcomeDate}. I have attached a copy.`,
    '',
    ...sections(answers, reviewParts),
    'Please let me know that you have my request.',
    '',
    ...signOff(answers, reviewParts),
  ].join('\n') + '\n';
}

/** One or two sentences on where to send the letter; the contact details are on the page. */
export function whereToSend(kind: LetterKind, reviewBody: string | undefined, recipients: Recipients): string {
  if (kind === 'complaint') return `Send your letter to the ${recipients.met}. Their details are below.`;
  if (reviewBody === 'mopac') return `Send your letter to the ${recipients.mopac}, with a copy of your outcome letter. Their details are below.`;
  if (reviewBody === 'iopc') return `Send your letter to the ${recipients.iopc}, with a copy of your outcome letter. Use the IOPC's Submit a review page, not its complaint form. Or phone 0300 020 0096 and press 1. The details are below.`;
  // FACTS.md section 3: only a MOPAC and IOPC mix-up is passed on by law.
  return 'Check your outcome letter. It says if MOPAC or the IOPC will do the review. Send it to the one it names. Only a mix-up between MOPAC and the IOPC is passed on.';
}

/** The name for the downloaded file. */
export function letterFileName(kind: LetterKind): string {
  return kind === 'complaint' ? 'complaint-letter.txt' : 'review-request.txt';
}

/** Builds the letter for either kind from the form's answers. */
export function buildLetter(kind: LetterKind, answers: Partial<Record<string, string>>, options: LetterOptions): string {
  return kind === 'complaint' ? complaintLetter(answers, options) : reviewLetter(answers, options);
}
