/**
 * The accessible-format request form: one schema, used by the browser island (to show errors
 * before a round trip) and by the server endpoint (the only check that counts).
 *
 * It imports nothing but zod, so it can be bundled for the browser.
 *
 * Errors follow the GOV.UK pattern: one message per field, the most useful first, in the
 * order the fields appear on the page, each naming the id of the input it belongs to.
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

/** A valid request, trimmed and normalised. Contact details are kept only for the chosen way to reply. */
export interface FormatRequest {
  documentTitle: string;
  documentId?: string | undefined;
  format: FormatId;
  /** Only when format is "other". */
  formatOther?: string | undefined;
  assistiveTechnology?: string | undefined;
  name: string;
  /** How the person wants us to reply (not the reply-by date). */
  replyBy: ReplyMethod;
  email?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  /** Upper case with one space before the last three characters, e.g. "SE1 0LL". */
  postcode?: string | undefined;
  anythingElse?: string | undefined;
}

export interface RequestError {
  field: RequestField;
  message: string;
}

export type ValidationResult = { ok: true; value: FormatRequest } | { ok: false; errors: RequestError[] };

interface TextRule {
  /** How messages name the field, starting a sentence. */
  label: string;
  /** Message for an empty value; leave out for an optional field. */
  required?: string;
  min?: number;
  max?: number;
  /** Address and "anything else" are textareas, where line breaks are expected. */
  multiLine?: boolean;
  /** Checked last, on a value that passed everything else. */
  format?: { test: (value: string) => boolean; message: string };
}

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ukPostcode = /^(?:[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}|GIR0AA)$/;
const phoneCharacters = /^\+?[\d ()]+$/;
// C0 and C1 control characters and DEL: invisible, and a way to smuggle odd data into
// emails or exports. Line feed is allowed only in multi-line fields.
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;
const controlCharactersExceptNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** GOV.UK style writes numbers over 999 with commas. */
const count = (n: number): string => n.toLocaleString('en-GB');

function compactPostcode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

function isUkPostcode(value: string): boolean {
  return ukPostcode.test(compactPostcode(value));
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

function isEmailAddress(value: string): boolean {
  return emailAddress.safeParse(value).success;
}

const rules = {
  documentTitle: { label: 'Document name', required: 'Enter the name of the document you need', max: 200 },
  documentId: {
    label: 'Document reference',
    max: 80,
    format: {
      test: (value) => kebabCase.test(value),
      message: 'Document reference must only include lower-case letters, numbers and hyphens',
    },
  },
  formatOther: { label: 'Format', required: 'Enter the format you need', min: 2, max: 200 },
  assistiveTechnology: { label: 'Assistive technology', max: 200 },
  name: { label: 'Name', required: 'Enter your name', max: 120 },
  email: {
    label: 'Email address',
    required: 'Enter your email address',
    max: 254,
    format: { test: isEmailAddress, message: 'Enter an email address in the correct format, like name@example.com' },
  },
  phone: {
    label: 'Telephone number',
    required: 'Enter a telephone number',
    max: 40,
    format: {
      test: isPhoneNumber,
      message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    },
  },
  address: { label: 'Address', required: 'Enter your address', min: 10, max: 500, multiLine: true },
  postcode: {
    label: 'Postcode',
    required: 'Enter your postcode',
    format: { test: isUkPostcode, message: 'Enter a real postcode' },
  },
  anythingElse: { label: 'Anything else you tell us', max: 2000, multiLine: true },
  // The honeypot is hidden from people; only a form-filling robot puts anything in it.
  website: { label: 'Website', format: { test: (value) => value === '', message: 'Leave this field empty' } },
} satisfies Partial<Record<RequestField, TextRule>>;

/**
 * The first problem with a value, or undefined. Lengths are UTF-16 code units, which is
 * what a browser's maxlength counts, so the page and the server agree.
 */
function textProblem(value: string, rule: TextRule): string | undefined {
  if (value === '') return rule.required;
  if (rule.min !== undefined && value.length < rule.min) return `${rule.label} must be ${count(rule.min)} characters or more`;
  if (rule.max !== undefined && value.length > rule.max) return `${rule.label} must be ${count(rule.max)} characters or fewer`;
  const hidden = rule.multiLine ? controlCharactersExceptNewline : controlCharacters;
  if (hidden.test(value)) return `${rule.label} must not include tabs or other hidden characters`;
  if (rule.format && !rule.format.test(value)) return rule.format.message;
  return undefined;
}

/**
 * Browsers post textarea line breaks as CRLF; LF is what maxlength counts, so normalise
 * first. A field left out of the post is treated as empty, so it gets its "Enter..." message.
 */
function normaliseFormValue(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value;
}

/** A text input. With no rule it is only normalised here and checked by `checkConditionalFields`. */
function formText(rule?: TextRule) {
  return z.preprocess(
    normaliseFormValue,
    z.string().superRefine((value, ctx) => {
      const message = rule ? textProblem(value, rule) : undefined;
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
  );
}

function formChoice<const T extends readonly [string, ...string[]]>(options: T, message: string) {
  return z.preprocess(normaliseFormValue, z.enum(options, { error: message }));
}

const fieldsSchema = z.object({
  documentTitle: formText(rules.documentTitle),
  documentId: formText(rules.documentId),
  format: formChoice(formatIds, 'Select the format you need'),
  formatOther: formText(),
  assistiveTechnology: formText(rules.assistiveTechnology),
  name: formText(rules.name),
  replyBy: formChoice(replyMethods, 'Select how you would like us to reply'),
  email: formText(),
  phone: formText(),
  address: formText(),
  postcode: formText(),
  anythingElse: formText(rules.anythingElse),
  website: formText(rules.website),
});
type Fields = z.output<typeof fieldsSchema>;

/**
 * Fields that only matter for some answers, like GOV.UK conditional reveals: "format" is
 * asked for only with "other", and only the contact details for the chosen way to reply.
 * Hidden fields are neither checked nor kept, so a stale value cannot block the form.
 */
function conditionalRules(fields: Pick<Fields, 'format' | 'replyBy'>): Array<[RequestField, TextRule]> {
  const needed: Array<[RequestField, TextRule]> = [];
  if (fields.format === 'other') needed.push(['formatOther', rules.formatOther]);
  if (fields.replyBy === 'email') needed.push(['email', rules.email]);
  if (fields.replyBy === 'phone') needed.push(['phone', rules.phone]);
  if (fields.replyBy === 'post') needed.push(['address', rules.address], ['postcode', rules.postcode]);
  return needed;
}

function checkConditionalFields(fields: Fields, ctx: z.RefinementCtx<Fields>): void {
  for (const [field, rule] of conditionalRules(fields)) {
    const value = fields[field as keyof Fields];
    const message = textProblem(typeof value === 'string' ? value : '', rule);
    if (message) ctx.addIssue({ code: 'custom', message, path: [field] });
  }
}

const emptyToUndefined = (value: string): string | undefined => (value === '' ? undefined : value);

function toFormatRequest(fields: Fields): FormatRequest {
  const { replyBy } = fields;
  return {
    documentTitle: fields.documentTitle,
    documentId: emptyToUndefined(fields.documentId),
    format: fields.format,
    formatOther: fields.format === 'other' ? fields.formatOther : undefined,
    assistiveTechnology: emptyToUndefined(fields.assistiveTechnology),
    name: fields.name,
    replyBy,
    email: replyBy === 'email' ? fields.email : undefined,
    phone: replyBy === 'phone' ? fields.phone : undefined,
    address: replyBy === 'post' ? fields.address : undefined,
    postcode: replyBy === 'post' ? normalisePostcode(fields.postcode) : undefined,
    anythingElse: emptyToUndefined(fields.anythingElse),
  };
}

export const formatRequestSchema = fieldsSchema
  // Run even when other fields failed, so the person sees every problem in one go.
  .superRefine(checkConditionalFields, {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  .transform(toFormatRequest);

const fieldOrder = new Map<string, number>(requestFields.map((field, index) => [field, index]));

function isRequestField(value: unknown): value is RequestField {
  return typeof value === 'string' && fieldOrder.has(value);
}

/** One error per field (the first found is the most useful), in page order. */
function errorsInFormOrder(issues: readonly z.core.$ZodIssue[]): RequestError[] {
  const byField = new Map<RequestField, string>();
  for (const issue of issues) {
    const field = issue.path[0];
    if (isRequestField(field) && !byField.has(field)) byField.set(field, issue.message);
  }
  const errors = [...byField].map(([field, message]) => ({ field, message }));
  errors.sort((a, b) => (fieldOrder.get(a.field) ?? 0) - (fieldOrder.get(b.field) ?? 0));
  // A failure that names no field must still stop the request, never pass unseen.
  return errors.length > 0 ? errors : [{ field: requestFields[0], message: 'Check your answers and try again' }];
}

/** Checks a form post. Unknown fields are ignored; missing ones count as empty. */
export function validateRequest(fields: Record<string, string>): ValidationResult {
  const result = formatRequestSchema.safeParse(fields);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: errorsInFormOrder(result.error.issues) };
}
