import { z } from 'zod';
import { sourceSchema } from './guide.ts';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A document a guide points to, which a person can ask to have in another format. */
export const documentSchema = z
  .object({
    id: z.string().regex(kebabCase),
    title: z.string().trim().min(5).max(160),
    summary: z.string().trim().min(10).max(200),
    /** What the document is now, as its owner publishes it. */
    format: z.enum(['PDF', 'Web page', 'Word document', 'Document']),
    /** Only when known; never guessed. */
    size: z.string().regex(/^\d+(\.\d+)? ?(KB|MB)$/).optional(),
    /** Where to read it today; absent when it is only available on request. */
    link: z.url({ protocol: /^https?$/ }).optional(),
    /** Guides that refer to it, by id: each shows it with a "Request an accessible format" link. */
    guides: z.array(z.string().regex(kebabCase)).min(1),
    source: sourceSchema,
  })
  .strict();

export const documentsSchema = z.array(documentSchema).superRefine((docs, ctx) => {
  const seen = new Set<string>();
  docs.forEach((doc, index) => {
    if (seen.has(doc.id)) ctx.addIssue({ code: 'custom', message: `Duplicate document id "${doc.id}"`, path: [index, 'id'] });
    seen.add(doc.id);
  });
});

export type SiteDocument = z.infer<typeof documentSchema>;
