import { z } from 'zod';
import { sourceSchema } from '../schemas/guide.ts';

/**
 * The routing wizard ("Where should my complaint go?") as data. Routing lives in
 * src/content/flow/*.json; this schema says what a well-formed file looks like.
 * Checks that need the whole graph (reachability, cycles, link targets) are in
 * graph.ts, so each check can report every problem rather than stop at the first.
 */

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Node and answer ids become URL segments and query values, so keep them plain. */
export const flowId = z.string().regex(kebabCase, 'Use lower-case words joined by hyphens, for example "review-by-mopac"');

/** Text a reader sees: never blank, never padded. */
const copy = z.string().trim().min(2, 'Write some text here');

/** One sentence that ends with a full stop, like guide summaries. */
const oneSentence = copy
  .max(200, 'Keep the summary to one sentence of 200 characters or fewer')
  .refine((s) => /[.!?]$/.test(s), 'End the summary with a full stop')
  .refine((s) => !/[.!?]\s+[A-Z]/.test(s), 'The summary must be one sentence');

export const MIN_ANSWERS = 2;
export const MAX_ANSWERS = 6;

export const answerSchema = z.strictObject({
  /** Unique within its question; appears in the answers query, e.g. ?a=about:met. */
  id: flowId,
  label: copy,
  /** A short line under the answer, e.g. the names people use ("PCSOs", "the Square Mile"). */
  hint: copy.max(160, 'Keep an answer hint to one short sentence').optional(),
  /** The id of the node this answer leads to. */
  next: flowId,
});

/** Two answers with the same id would make a URL mean two things. */
function answerIdsAreUnique(answers: readonly { id: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    if (seen.has(answer.id)) {
      ctx.addIssue({ code: 'custom', message: `Answer id "${answer.id}" is used twice in this question`, path: [index, 'id'] });
    }
    seen.add(answer.id);
  });
}

export const questionNodeSchema = z.strictObject({
  id: flowId,
  kind: z.literal('question'),
  /** One short question per page, as in GOV.UK smart answers. */
  question: copy.max(120, 'Keep the question to 120 characters or fewer').refine((s) => s.endsWith('?'), 'End the question with a question mark'),
  hint: copy.max(240, 'Keep the hint to one or two short sentences').optional(),
  /** A short list shown under the hint, when a question needs examples to be answered well. */
  examples: z.array(copy.max(200)).min(2).optional(),
  /**
   * Shown when someone presses Continue without choosing, GOV.UK style: it names
   * the question ("Select yes if someone is in danger now"), with no full stop.
   */
  error: copy
    .max(120, 'Keep the error message to 120 characters or fewer')
    .refine((s) => /^Select /.test(s), 'Start the error message with "Select", as GOV.UK does for radios')
    .refine((s) => !/[.!?]$/.test(s), 'Error messages do not end with a full stop'),
  answers: z
    .array(answerSchema)
    .min(MIN_ANSWERS, `Give at least ${MIN_ANSWERS} answers`)
    .max(MAX_ANSWERS, `Give at most ${MAX_ANSWERS} answers, or split the question`)
    .superRefine(answerIdsAreUnique),
});

/**
 * The one thing to do first, shown at the top of a result: a link styled as a
 * button (a form, a mailto: or tel: link, or a page of this site), or a postal address.
 */
export const actionSchema = z
  .strictObject({
    label: copy.max(80, 'Keep the action to 80 characters or fewer'),
    href: z
      .string()
      .regex(/^(https:\/\/[^\s]+|mailto:[^\s@]+@[^\s@]+|tel:\d+|\/[^\s]*)$/, 'Use an https:// address, mailto:, tel: with digits only, or a path on this site')
      .optional(),
    /** One address line per item, postcode last. */
    address: z.array(copy).min(2).optional(),
  })
  .refine((action) => (action.href === undefined) !== (action.address === undefined), 'Give either href or address, not both');

export const resultNodeSchema = z.strictObject({
  id: flowId,
  kind: z.literal('result'),
  /** The result page's h1, e.g. "Complain to the Met". */
  title: copy.max(80, 'Keep the title to 80 characters or fewer'),
  summary: oneSentence,
  /** Shown as a warning before anything else (for example: call 999). */
  urgent: z.boolean().optional(),
  /** The three things every result answers at the top: who, how, by when. */
  who: copy.max(120),
  how: copy.max(140),
  byWhen: copy.max(160),
  action: actionSchema,
  /** What to do, in order. */
  steps: z.array(copy).min(1, 'Say at least one thing to do'),
  whatHappensNext: z.array(copy).min(1, 'Say what happens next'),
  /** May be empty: some routes have no deadline we can source. */
  timeLimits: z.array(copy),
  /** Ids from src/content/data/contacts.json (checked in graph.ts). */
  contacts: z.array(flowId),
  /** Guide ids, i.e. file names in src/content/guides (checked in graph.ts). */
  guides: z.array(flowId),
  /**
   * Ids of the flow's `sources`: the seeds and FACTS.md entries this result's
   * claims come from. graph.ts fails the build when a result has none.
   */
  sources: z.array(flowId),
});

export const flowNodeSchema = z.discriminatedUnion('kind', [questionNodeSchema, resultNodeSchema]);

export const flowSchema = z
  .strictObject({
    /** The first node: the urgency question. */
    start: flowId,
    /** Every source a result may cite, by id, so one document is written out once. */
    sources: z.record(flowId, sourceSchema.strict()),
    nodes: z.array(flowNodeSchema).min(1, 'A flow needs at least one node'),
  })
  .refine((flow) => flow.nodes.some((node) => node.id === flow.start), {
    message: 'start must be the id of one of the nodes',
    path: ['start'],
  });

export type Answer = z.infer<typeof answerSchema>;
export type QuestionNode = z.infer<typeof questionNodeSchema>;
export type ResultNode = z.infer<typeof resultNodeSchema>;
export type Action = z.infer<typeof actionSchema>;
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type Flow = z.infer<typeof flowSchema>;
