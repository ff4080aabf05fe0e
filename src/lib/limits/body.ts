/**
 * Request bodies: read with a limit, and the known form fields taken from them.
 *
 * server/serve.mjs already refuses any body over maxBodyBytes on every route, however it is
 * sent (see server/request-limits.mjs); reading with the same limit here keeps a route safe
 * under any other server too (`astro dev`, another adapter).
 */
import { bodyTooLargeHeader, maxBodyBytes } from '../../../server/request-limits.mjs';

export { bodyTooLargeHeader, maxBodyBytes };

/** What a person sees when a public form post was too large to read (src/pages/refused.astro). */
export const publicTooLargeRefusal = {
  status: 413,
  heading: 'Your request was too long',
  body: 'We did not read it, and nothing was saved. Please shorten what you wrote, especially in "Anything else", and send it again.',
} as const;

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Reads a request body as text, stopping as soon as it passes `maxBytes` rather than after reading it all. */
export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, maxBytes: number = maxBodyBytes): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(`Body larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/** The known form fields from a URL-encoded body; the first value wins and anything else is ignored. */
export function formFields(body: string, known: readonly string[]): Record<string, string> {
  const params = new URLSearchParams(body);
  const fields: Record<string, string> = {};
  for (const name of known) {
    const value = params.get(name);
    if (value !== null) fields[name] = value;
  }
  return fields;
}
