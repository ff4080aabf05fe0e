import { z } from 'zod';
import { sourceSchema } from './guide.ts';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const phoneSchema = z
  .object({
    /** Digits and single spaces only, so the number can also become a tel: link. */
    number: z.string().regex(/^\d+(?: \d+)*$/, 'Write the number as digits with single spaces, for example "0300 020 0096"'),
    label: z.string().trim().min(2),
    hours: z.string().trim().min(2).optional(),
  })
  .strict();

const webSchema = z
  .object({
    url: z.url({ protocol: /^https$/ }),
    /** Link text must make sense out of context for screen-reader link lists. */
    label: z.string().trim().min(3),
  })
  .strict();

export const contactMethods = ['email', 'phone', 'post', 'web'] as const;
export type ContactMethod = (typeof contactMethods)[number];

export const contactSchema = z
  .object({
    id: z.string().regex(kebabCase, 'Use lower-case words joined by hyphens, for example "iopc"'),
    organisation: z.string().trim().min(2),
    handles: z
      .string()
      .trim()
      .min(20)
      .max(200)
      .refine((s) => /[.!?]$/.test(s), 'End with a full stop')
      .refine((s) => !/[.!?]\s+[A-Z]/.test(s), 'Describe what they handle in one sentence'),
    email: z.email().optional(),
    phone: z.array(phoneSchema).min(1).optional(),
    /** One address line per item, postcode last. */
    post: z.array(z.string().trim().min(1)).min(2).optional(),
    web: webSchema.optional(),
    /**
     * false when any detail here comes only from a third-party copy of a page, so the site can
     * tell readers to check it before relying on it.
     */
    verified: z.boolean(),
    note: z.string().trim().min(10).optional(),
    source: sourceSchema.strict(),
  })
  .strict()
  .refine((contact) => waysToReach(contact).length > 0, {
    message: 'Give at least one way to reach this organisation: email, phone, post or web',
  });

/** The ways a reader can reach an organisation, in the order a contact card shows them. */
export function waysToReach(contact: Partial<Record<ContactMethod, unknown>>): ContactMethod[] {
  return contactMethods.filter((method) => {
    const value = contact[method];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
}

export const contactsSchema = z
  .array(contactSchema)
  .min(1)
  .superRefine((contacts, ctx) => {
    // Ids are used as anchors and as keys that guides refer to, so each must point at one entry.
    const seen = new Map<string, number>();
    contacts.forEach((contact, index) => {
      const first = seen.get(contact.id);
      if (first === undefined) seen.set(contact.id, index);
      else
        ctx.addIssue({
          code: 'custom',
          message: `Duplicate id "${contact.id}": entry ${first} already uses it`,
          path: [index, 'id'],
        });
    });
  });

export type Contact = z.infer<typeof contactSchema>;
export type Contacts = z.infer<typeof contactsSchema>;
