/**
 * Checks an accessible-format request post against the field definitions in fields.ts (the
 * same ones the form is rendered from). The server's check is the only one that counts.
 *
 * It imports nothing but zod and fields.ts, so it can be bundled for the browser.
 *
 * Errors follow the GOV.UK pattern: one message per field, the most useful first, in the
 * order the fields appear on the page, each naming the id of the input it belongs to.
 */
import { z } from 'zod';
import {
  formatIds,
  formatQuestion,
  replyMethods,
  replyQuestion,
  requestFields,
  revealedFields,
  textFields,
  normalisePostcode,
  type FormatId,
  type ReplyMethod,
  type RequestField,
  type TextFieldDefinition,
} from './fields.ts';

export {
  formatIds,
  formatLabels,
  normalisePostcode,
  replyMethodLabels,
  replyMethods,
  requestFields,
  type FormatId,
  type ReplyMethod,
  type RequestField,
} from './fields.ts';

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

// C0 and C1 control characters and DEL: invisible, and a way to smuggle odd data into
// emails or exports. Line feed is allowed only in multi-line fields.
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;
const controlCharactersExceptNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** GOV.UK style writes numbers over 999 with commas. */
const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * The first problem with a value, or undefined. Lengths are UTF-16 code units, which is
 * what a browser's maxlength counts, so the page and the server agree.
 */
function textProblem(value: string, rule: TextFieldDefinition): string | undefined {
  if (value === '') return rule.required;
  if (rule.min !== undefined && value.length < rule.min) return `${rule.messageName} must be ${count(rule.min)} characters or more`;
  if (rule.max !== undefined && value.length > rule.max) return `${rule.messageName} must be ${count(rule.max)} characters or fewer`;
  const hidden = rule.multiLine ? controlCharactersExceptNewline : controlCharacters;
  if (hidden.test(value)) return `${rule.messageName} must not include tabs or other hidden characters`;
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
function formText(rule?: TextFieldDefinition) {
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
  documentTitle: formText(textFields.documentTitle),
  documentId: formText(textFields.documentId),
  format: formChoice(formatIds, formatQuestion.required),
  formatOther: formText(),
  assistiveTechnology: formText(textFields.assistiveTechnology),
  name: formText(textFields.name),
  replyBy: formChoice(replyMethods, replyQuestion.required),
  email: formText(),
  phone: formText(),
  address: formText(),
  postcode: formText(),
  anythingElse: formText(textFields.anythingElse),
  website: formText(textFields.website),
});
type Fields = z.output<typeof fieldsSchema>;

/**
 * Fields that only matter for some answers, like GOV.UK conditional reveals: "format" is
 * asked for only with "other", and only the contact details for the chosen way to reply
 * (fields.ts says which). Hidden fields are neither checked nor kept, so a stale value cannot
 * block the form.
 */
function checkConditionalFields(fields: Fields, ctx: z.RefinementCtx<Fields>): void {
  for (const field of revealedFields(fields)) {
    const value = fields[field];
    const message = textProblem(typeof value === 'string' ? value : '', textFields[field]);
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
