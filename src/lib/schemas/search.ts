import { z } from 'zod';
import { isoDate, sourceSchema } from './guide.ts';

/** A page of this site by its address, as search results link to it: "/guides/right-of-review/". */
export const sitePath = z
  .string()
  .regex(/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/, 'Use the page address from the site root with a slash at each end, for example "/guides/right-of-review/"');

const phrase = z.string().trim().min(2, 'Write at least 2 characters');

/**
 * Best bets: the page people want for a common task, shown first and marked
 * "Recommended" when the search words match one of its queries.
 */
export const bestBetsSchema = z
  .array(
    z
      .object({
        url: sitePath,
        /** Searches this page answers. Question words ("how", "do", "I") are ignored when matching. */
        queries: z.array(phrase).min(1),
      })
      .strict(),
  )
  .superRefine((bets, ctx) => {
    const owner = new Map<string, number>();
    bets.forEach((bet, index) =>
      bet.queries.forEach((query, q) => {
        const key = query.toLowerCase().replace(/\s+/g, ' ');
        const first = owner.get(key);
        if (first !== undefined && first !== index)
          ctx.addIssue({ code: 'custom', message: `"${query}" is already a best bet for entry ${first}`, path: [index, 'queries', q] });
        owner.set(key, index);
      }),
    );
  });

/** Everyday words that should find a page, added to the words search reads for that page (never shown). */
export const searchSynonymsSchema = z
  .object({
    synonyms: z.array(z.object({ url: sitePath, words: z.array(phrase).min(1) }).strict()),
    /**
     * People named in searches, such as the current Commissioner or Mayor. Office holders
     * change, so each name needs the date it was last known to be right, and a source, or
     * where there is none yet, a note saying so (the name is only a search word, never shown).
     */
    people: z.array(
      z
        .object({
          name: phrase,
          role: phrase,
          url: sitePath,
          source: sourceSchema.strict().optional(),
          ownKnowledge: z.string().min(20, 'Say why there is no source and where the name comes from').optional(),
          asOf: isoDate,
        })
        .strict()
        .refine((p) => Boolean(p.source) !== Boolean(p.ownKnowledge), 'Give a source, or (only where there is none yet) an ownKnowledge note, not both'),
    ),
  })
  .strict();

export type BestBets = z.infer<typeof bestBetsSchema>;
export type SearchSynonyms = z.infer<typeof searchSynonymsSchema>;
