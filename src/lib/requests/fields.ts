/**
 * Every field of the accessible-format request form, defined once: what the page shows (label,
 * hint, input type, autocomplete, maxlength) and what the server checks (required message,
 * limits, format). RequestForm.astro renders the form from this, and schema.ts validates with
 * it, so the browser can never accept more than the server keeps, and the words match.
 *
 * It imports nothing but zod, so any of it can be bundled for the browser.
 */
import { z } from 'zod';

export const formatIds = [
  'large-print',
  'easy-read',
  'audio',
  'braille',
  'bsl-video',
  'accessible-pdf',
  'word',
  'plain-text',
  'other',
] as const;
export type FormatId = (typeof formatIds)[number];

/** Radio labels, in the order the form lists them. */
export const formatLabels: Readonly<Record<FormatId, string>> = {
  'large-print': 'Large print',
  'easy-read': 'Easy read',
  audio: 'Audio',
  braille: 'Braille',
  'bsl-video': 'British Sign Language (BSL) video',
  'accessible-pdf': 'Accessible PDF',
  word: 'Word document',
  'plain-text': 'Plain text',
  other: 'Another format',
};

export const replyMethods = ['email', 'phone', 'post'] as const;
export type ReplyMethod = (typeof replyMethods)[number];

export const replyMethodLabels: Readonly<Record<ReplyMethod, string>> = {
  email: 'Email',
  phone: 'Phone',
  post: 'Post',
};

/**
 * Every field the form posts, in page order. Each name is also the id of its input (for a
 * radio group, the id of the first radio), so an error summary link can point at it.
 */
export const requestFields = [
  'documentTitle',
  'documentId',
  'format',
  'formatOther',
  'assistiveTechnology',
  'name',
  'replyBy',
  'email',
  'phone',
  'address',
  'postcode',
  'anythingElse',
  'website',
] as const;
export type RequestField = (typeof requestFields)[number];

/** A field a person types into (or, for documentId and website, one they never see). */
export interface TextFieldDefinition {
  /** The label on the page. */
  label: string;
  hint?: string;
  /** How error messages name the field, starting a sentence ("Name must be 120 characters or fewer"). */
  messageName: string;
  input: 'text' | 'email' | 'tel' | 'textarea' | 'hidden';
  autocomplete?: 'name' | 'email' | 'tel' | 'street-address' | 'postal-code';
  /** Off for names and addresses, which a spellchecker would "correct". */
  spellcheck?: false;
  /** A narrower box for short answers (GOV.UK input widths). */
  short?: true;
  rows?: number;
  /** Message for an empty value; left out for an optional field. */
  required?: string;
  min?: number;
  /** The most characters kept; also the page's maxlength. */
  max?: number;
  /** Textareas, where line breaks are expected. */
  multiLine?: true;
  /** Checked last, on a value that passed everything else. */
  format?: { test: (value: string) => boolean; message: string };
}

/** A radio question; `reveals` lists the fields shown under an answer when it is chosen. */
export interface ChoiceFieldDefinition<T extends string> {
  legend: string;
  hint?: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  required: string;
  reveals: Partial<Record<T, readonly TextField[]>>;
}

export type ChoiceField = 'format' | 'replyBy';
export type TextField = Exclude<RequestField, ChoiceField>;

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ukPostcode = /^(?:[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}|GIR0AA)$/;
const phoneCharacters = /^\+?[\d ()]+$/;

function compactPostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** "se10ll" and "SE1  0LL" both become "SE1 0LL": the inward code is always the last three characters. */
export function normalisePostcode(value: string): string {
  const compact = compactPostcode(value);
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return phoneCharacters.test(value) && digits >= 10 && digits <= 20;
}

const emailAddress = z.email();

export const textFields: Readonly<Record<TextField, TextFieldDefinition>> = {
  documentTitle: {
    label: 'Which document or page do you need?',
    hint: 'Give its name or web address, so we can find it.',
    messageName: 'Document name',
    input: 'text',
    required: 'Enter the name of the document you need',
    max: 200,
  },
  documentId: {
    label: 'Document reference',
    messageName: 'Document reference',
    input: 'hidden',
    max: 80,
    format: {
      test: (value) => kebabCase.test(value),
      message: 'Document reference must only include lower-case letters, numbers and hyphens',
    },
  },
  formatOther: {
    label: 'Tell us the format you need',
    messageName: 'Format',
    input: 'text',
    required: 'Enter the format you need',
    min: 2,
    max: 200,
  },
  assistiveTechnology: {
    label: 'Which assistive technology do you use? (optional)',
    hint: 'For example, a screen reader or screen magnifier. This helps us make the right version.',
    messageName: 'Assistive technology',
    input: 'text',
    max: 200,
  },
  name: {
    label: 'Your name',
    messageName: 'Name',
    input: 'text',
    autocomplete: 'name',
    spellcheck: false,
    required: 'Enter your name',
    max: 120,
  },
  email: {
    label: 'Email address',
    messageName: 'Email address',
    input: 'email',
    autocomplete: 'email',
    spellcheck: false,
    required: 'Enter your email address',
    max: 254,
    format: {
      test: (value) => emailAddress.safeParse(value).success,
      message: 'Enter an email address in the correct format, like name@example.com',
    },
  },
  phone: {
    label: 'Telephone number',
    hint: 'For international numbers include the country code.',
    messageName: 'Telephone number',
    input: 'tel',
    autocomplete: 'tel',
    short: true,
    required: 'Enter a telephone number',
    max: 40,
    format: { test: isPhoneNumber, message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192' },
  },
  address: {
    label: 'Address',
    messageName: 'Address',
    input: 'textarea',
    rows: 4,
    autocomplete: 'street-address',
    required: 'Enter your address',
    min: 10,
    max: 500,
    multiLine: true,
  },
  postcode: {
    label: 'Postcode',
    messageName: 'Postcode',
    input: 'text',
    autocomplete: 'postal-code',
    spellcheck: false,
    short: true,
    required: 'Enter your postcode',
    // The longest real postcode is 8 characters with its space; 10 leaves room for stray spaces.
    max: 10,
    format: { test: (value) => ukPostcode.test(compactPostcode(value)), message: 'Enter a real postcode' },
  },
  anythingElse: {
    label: 'Anything else we should know? (optional)',
    messageName: 'Anything else you tell us',
    input: 'textarea',
    rows: 5,
    max: 2000,
    multiLine: true,
  },
  // The honeypot is hidden from people; only a form-filling robot puts anything in it.
  website: {
    label: 'Leave this empty',
    messageName: 'Website',
    input: 'text',
    format: { test: (value) => value === '', message: 'Leave this field empty' },
  },
};

export const formatQuestion: ChoiceFieldDefinition<FormatId> = {
  legend: 'Which format do you need?',
  options: formatIds,
  labels: formatLabels,
  required: 'Select the format you need',
  reveals: { other: ['formatOther'] },
};

export const replyQuestion: ChoiceFieldDefinition<ReplyMethod> = {
  legend: 'How should we reply to you?',
  hint: 'We only use your contact details to reply to this request.',
  options: replyMethods,
  labels: replyMethodLabels,
  required: 'Select how you would like us to reply',
  reveals: { email: ['email'], phone: ['phone'], post: ['address', 'postcode'] },
};

/** The fields that only count when `answer` is chosen (and are ignored otherwise). */
export function revealedFields(answers: { format: FormatId; replyBy: ReplyMethod }): TextField[] {
  return [...(formatQuestion.reveals[answers.format] ?? []), ...(replyQuestion.reveals[answers.replyBy] ?? [])];
}
