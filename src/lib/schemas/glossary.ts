import { z } from 'zod';
import { sourceSchema } from './guide.ts';

/** Glossary ids become anchors on /glossary/, so they must be safe in a URL fragment. */
const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Definitions are read in tooltips and on their own, so they stay short enough to take in at a glance. */
export const MAX_DEFINITION_WORDS = 40;

const wordCount = (text: string): number => text.trim().split(/\s+/).filter(Boolean).length;

/** Linking and search ignore case, so names are compared in lower case with spaces tidied. */
export const normaliseName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const name = z.string().trim().min(2, 'Write at least 2 characters');

export const glossaryTermSchema = z
  .object({
    id: z.string().regex(kebabCase, 'Use lower-case words joined by hyphens, for example "appropriate-authority"'),
    /** The spelling used in prose; the build links its first use on each page. */
    term: name,
    /** Other spellings that should also be linked, such as plurals or abbreviations. */
    aliases: z.array(name).default([]),
    /** Everyday words people type into search; never linked, so they may repeat across entries. */
    searchSynonyms: z.array(name).default([]),
    definition: z
      .string()
      .trim()
      .min(20, 'Write a definition of at least 20 characters')
      .refine((d) => /[.!?]$/.test(d), 'End the definition with a full stop')
      .refine(
        (d) => wordCount(d) <= MAX_DEFINITION_WORDS,
        `Keep the definition to ${MAX_DEFINITION_WORDS} words or fewer`,
      ),
    /** The guide that explains this term best: search sends the term and its synonyms there. */
    guide: z.string().regex(kebabCase).optional(),
    source: sourceSchema.strict(),
  })
  .strict();

export const glossarySchema = z
  .array(glossaryTermSchema)
  .min(1, 'The glossary needs at least one term')
  .superRefine((terms, ctx) => {
    const idOwner = new Map<string, number>();
    // One spelling must lead to one definition, or the build could link a word to the wrong entry.
    const nameOwner = new Map<string, number>();

    terms.forEach((entry, index) => {
      const firstWithId = idOwner.get(entry.id);
      if (firstWithId === undefined) idOwner.set(entry.id, index);
      else
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate id "${entry.id}": entry ${firstWithId} already uses it`,
          path: [index, 'id'],
        });

      const termKey = normaliseName(entry.term);
      const termOwner = nameOwner.get(termKey);
      if (termOwner === undefined) nameOwner.set(termKey, index);
      else
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate term "${entry.term}": entry ${termOwner} already uses this spelling`,
          path: [index, 'term'],
        });

      const spelledInEntry = new Set<string>([entry.term]);
      entry.aliases.forEach((alias, aliasIndex) => {
        const key = normaliseName(alias);
        const owner = nameOwner.get(key);
        if (spelledInEntry.has(alias) || (owner !== undefined && owner !== index)) {
          ctx.addIssue({
            code: 'custom',
            message:
              owner !== undefined && owner !== index
                ? `Alias "${alias}" is already a term or alias of entry ${owner}`
                : `Alias "${alias}" is repeated in this entry`,
            path: [index, 'aliases', aliasIndex],
          });
        }
        spelledInEntry.add(alias);
        if (owner === undefined) nameOwner.set(key, index);
      });
    });
  });

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type Glossary = z.infer<typeof glossarySchema>;
