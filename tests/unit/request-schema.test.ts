import { describe, it, expect } from 'vitest';
import {
  formatIds,
  formatLabels,
  normalisePostcode,
  requestFields,
  validateRequest,
  type RequestError,
} from '../../src/lib/requests/schema';

/** A complete, valid post asking for a reply by email. */
const valid: Record<string, string> = {
  documentTitle: 'Your right of review',
  documentId: 'right-of-review',
  format: 'large-print',
  formatOther: '',
  assistiveTechnology: '',
  name: 'Sam Jones',
  replyBy: 'email',
  email: 'sam@example.com',
  phone: '',
  address: '',
  postcode: '',
  anythingElse: '',
  website: '',
};

const post = (changes: Record<string, string>): Record<string, string> => ({ ...valid, ...changes });

function errorsFor(fields: Record<string, string>): RequestError[] {
  const result = validateRequest(fields);
  return result.ok ? [] : result.errors;
}

/** The one message for a field, or undefined when it passed. */
function messageFor(field: string, fields: Record<string, string>): string | undefined {
  return errorsFor(fields).find((error) => error.field === field)?.message;
}

function valueOf(fields: Record<string, string>) {
  const result = validateRequest(fields);
  if (!result.ok) throw new Error(`Expected a valid request, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('a valid request', () => {
  it('passes and keeps only what is needed', () => {
    expect(valueOf(valid)).toEqual({
      documentTitle: 'Your right of review',
      documentId: 'right-of-review',
      format: 'large-print',
      name: 'Sam Jones',
      replyBy: 'email',
      email: 'sam@example.com',
    });
  });

  it('passes with only the required fields posted', () => {
    const result = validateRequest({ documentTitle: 'Guide', format: 'audio', name: 'A', replyBy: 'email', email: 'a@b.co' });
    expect(result.ok).toBe(true);
  });

  it('ignores fields the form does not have', () => {
    expect(valueOf(post({ role: 'admin' }))).not.toHaveProperty('role');
  });

  it('accepts every format', () => {
    for (const format of formatIds.filter((f) => f !== 'other')) {
      expect(valueOf(post({ format })).format).toBe(format);
    }
  });
});

describe('format labels', () => {
  it('has a plain label for every format', () => {
    expect(Object.keys(formatLabels)).toEqual([...formatIds]);
    expect(formatLabels['bsl-video']).toBe('British Sign Language (BSL) video');
    expect(formatLabels['easy-read']).toBe('Easy read');
  });
});

describe('trimming and normalising', () => {
  it('trims every field', () => {
    const value = valueOf(post({ documentTitle: '  Guide \n', name: '\t Sam ', email: ' sam@example.com ' }));
    expect(value).toMatchObject({ documentTitle: 'Guide', name: 'Sam', email: 'sam@example.com' });
  });

  it('treats a field of spaces as empty', () => {
    expect(messageFor('name', post({ name: '    ' }))).toBe('Enter your name');
  });

  it('turns textarea CRLF line breaks into LF', () => {
    const value = valueOf(post({ anythingElse: 'Line one\r\nLine two' }));
    expect(value.anythingElse).toBe('Line one\nLine two');
  });

  it('writes postcodes in capitals with one space', () => {
    expect(normalisePostcode('se10ll')).toBe('SE1 0LL');
    expect(normalisePostcode(' sw1a   2aa ')).toBe('SW1A 2AA');
    const value = valueOf(post({ replyBy: 'post', address: '169 Union Street\r\nLondon', postcode: 'se1 0ll' }));
    expect(value).toMatchObject({ address: '169 Union Street\nLondon', postcode: 'SE1 0LL' });
  });

  it('drops empty optional fields', () => {
    const value = valueOf(post({ documentId: '', assistiveTechnology: ' ', anythingElse: '' }));
    expect(value.documentId).toBeUndefined();
    expect(value.assistiveTechnology).toBeUndefined();
    expect(value.anythingElse).toBeUndefined();
  });
});

describe('messages for each field', () => {
  it.each([
    ['documentTitle', '', 'Enter the name of the document you need'],
    ['documentTitle', 'x'.repeat(201), 'Document name must be 200 characters or fewer'],
    ['documentTitle', 'Right\tof review', 'Document name must not include tabs or other hidden characters'],
    ['documentId', 'Right of review', 'Document reference must only include lower-case letters, numbers and hyphens'],
    ['documentId', 'right--of-review', 'Document reference must only include lower-case letters, numbers and hyphens'],
    ['documentId', 'a'.repeat(81), 'Document reference must be 80 characters or fewer'],
    ['format', '', 'Select the format you need'],
    ['format', 'fax', 'Select the format you need'],
    ['assistiveTechnology', 'x'.repeat(201), 'Assistive technology must be 200 characters or fewer'],
    ['name', '', 'Enter your name'],
    ['name', 'x'.repeat(121), 'Name must be 120 characters or fewer'],
    ['name', 'Sam\u0000Jones', 'Name must not include tabs or other hidden characters'],
    ['name', 'Sam\nJones', 'Name must not include tabs or other hidden characters'],
    ['replyBy', '', 'Select how you would like us to reply'],
    ['replyBy', 'pigeon', 'Select how you would like us to reply'],
    ['anythingElse', 'x'.repeat(2001), 'Anything else you tell us must be 2,000 characters or fewer'],
    ['anythingElse', 'Bell\u0007', 'Anything else you tell us must not include tabs or other hidden characters'],
    ['website', 'https://spam.example', 'Leave this field empty'],
  ])('%s = %j gives "%s"', (field, value, message) => {
    expect(errorsFor(post({ [field]: value }))).toEqual([{ field, message }]);
  });

  it('accepts the longest allowed values', () => {
    const longest = post({
      documentTitle: 'x'.repeat(200),
      documentId: 'a'.repeat(80),
      assistiveTechnology: 'x'.repeat(200),
      name: 'x'.repeat(120),
      anythingElse: 'x'.repeat(2000),
    });
    expect(errorsFor(longest)).toEqual([]);
  });

  it('allows line breaks in "anything else" but not in single-line fields', () => {
    expect(errorsFor(post({ anythingElse: 'First\nSecond\r\nThird' }))).toEqual([]);
    expect(messageFor('documentTitle', post({ documentTitle: 'First\nSecond' }))).toMatch(/hidden characters/);
  });

  it('rejects DEL and C1 control characters', () => {
    expect(messageFor('name', post({ name: 'Sam\u007F' }))).toMatch(/hidden characters/);
    expect(messageFor('name', post({ name: 'Sam\u0085Jones' }))).toMatch(/hidden characters/);
  });

  it('accepts letters from any language and emoji', () => {
    expect(errorsFor(post({ name: 'Zoë Ó Súilleabháin 李', documentTitle: 'Guide 📄' }))).toEqual([]);
  });
});

describe('format "other"', () => {
  it.each([
    ['', 'Enter the format you need'],
    ['x', 'Format must be 2 characters or more'],
    ['x'.repeat(201), 'Format must be 200 characters or fewer'],
    ['Moon\ttype', 'Format must not include tabs or other hidden characters'],
  ])('formatOther = %j gives "%s"', (formatOther, message) => {
    expect(errorsFor(post({ format: 'other', formatOther }))).toEqual([{ field: 'formatOther', message }]);
  });

  it('keeps the description when format is "other"', () => {
    expect(valueOf(post({ format: 'other', formatOther: ' Moon type ' })).formatOther).toBe('Moon type');
  });

  it('ignores and drops a description left over from choosing "other" first', () => {
    const value = valueOf(post({ format: 'braille', formatOther: 'x' }));
    expect(value.formatOther).toBeUndefined();
  });
});

describe('reply by email', () => {
  it.each([
    ['', 'Enter your email address'],
    ['sam', 'Enter an email address in the correct format, like name@example.com'],
    ['sam@example', 'Enter an email address in the correct format, like name@example.com'],
    ['sam @example.com', 'Enter an email address in the correct format, like name@example.com'],
    [`${'a'.repeat(250)}@example.com`, 'Email address must be 254 characters or fewer'],
  ])('email = %j gives "%s"', (email, message) => {
    expect(errorsFor(post({ email }))).toEqual([{ field: 'email', message }]);
  });

  it('accepts ordinary addresses', () => {
    for (const email of ['name@example.com', 'first.last+tag@sub.example.co.uk', "o'neil@example.org"]) {
      expect(errorsFor(post({ email }))).toEqual([]);
    }
  });
});

describe('reply by phone', () => {
  const byPhone = (phone: string) => post({ replyBy: 'phone', email: '', phone });

  it.each([
    ['', 'Enter a telephone number'],
    ['0207 946', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'],
    ['020-7946-0000', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'],
    ['call me', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'],
    ['1'.repeat(21), 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'],
    ['0'.repeat(41), 'Telephone number must be 40 characters or fewer'],
  ])('phone = %j gives "%s"', (phone, message) => {
    expect(errorsFor(byPhone(phone))).toEqual([{ field: 'phone', message }]);
  });

  it.each(['01632 960 001', '07700900982', '+44 808 157 0192', '+44 (0)20 7946 0000', '(020) 7946 0000'])(
    'accepts %s',
    (phone) => {
      expect(valueOf(byPhone(phone))).toMatchObject({ replyBy: 'phone', phone });
    },
  );

  it('drops an email address typed before switching to phone', () => {
    const value = valueOf(post({ replyBy: 'phone', email: 'not an email', phone: '07700 900982' }));
    expect(value.email).toBeUndefined();
  });
});

describe('reply by post', () => {
  const byPost = (address: string, postcode: string) => post({ replyBy: 'post', email: '', address, postcode });

  it.each([
    ['', 'SE1 0LL', 'address', 'Enter your address'],
    ['1 Road', 'SE1 0LL', 'address', 'Address must be 10 characters or more'],
    ['x'.repeat(501), 'SE1 0LL', 'address', 'Address must be 500 characters or fewer'],
    ['169 Union\tStreet', 'SE1 0LL', 'address', 'Address must not include tabs or other hidden characters'],
    ['169 Union Street', '', 'postcode', 'Enter your postcode'],
    ['169 Union Street', 'SE1', 'postcode', 'Enter a real postcode'],
    ['169 Union Street', '12345', 'postcode', 'Enter a real postcode'],
    ['169 Union Street', 'SE1 0LLX', 'postcode', 'Enter a real postcode'],
    ['169 Union Street', 'SE1 0LL extra', 'postcode', 'Postcode must be 10 characters or fewer'],
  ])('address %j, postcode %j: %s says "%s"', (address, postcode, field, message) => {
    expect(errorsFor(byPost(address, postcode))).toEqual([{ field, message }]);
  });

  it.each(['SE1 0LL', 'sw1a2aa', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'GIR 0AA'])(
    'accepts the postcode %s',
    (postcode) => {
      expect(errorsFor(byPost('169 Union Street\nLondon', postcode))).toEqual([]);
    },
  );

  it('keeps the address with its line breaks and drops the email', () => {
    const value = valueOf(byPost('169 Union Street\nLondon', 'SE1 0LL'));
    expect(value).toMatchObject({ replyBy: 'post', address: '169 Union Street\nLondon', postcode: 'SE1 0LL' });
    expect(value.email).toBeUndefined();
  });
});

describe('conditional fields', () => {
  it('checks only the contact details for the chosen way to reply', () => {
    expect(errorsFor(post({ replyBy: 'email', email: 'a@b.co', phone: 'nonsense', postcode: 'nonsense' }))).toEqual([]);
    expect(errorsFor(post({ replyBy: 'phone', email: '', phone: '' })).map((e) => e.field)).toEqual(['phone']);
    expect(errorsFor(post({ replyBy: 'post', email: '' })).map((e) => e.field)).toEqual(['address', 'postcode']);
  });

  it('asks for no contact details until a way to reply is chosen', () => {
    expect(errorsFor(post({ replyBy: '', email: '' }))).toEqual([
      { field: 'replyBy', message: 'Select how you would like us to reply' },
    ]);
  });
});

describe('the honeypot', () => {
  it('passes when empty or missing', () => {
    expect(validateRequest(post({ website: '' })).ok).toBe(true);
    const { website: _omitted, ...withoutHoneypot } = valid;
    expect(validateRequest(withoutHoneypot).ok).toBe(true);
  });

  it('fails when filled, even with spaces only trimmed away first', () => {
    expect(messageFor('website', post({ website: 'x' }))).toBe('Leave this field empty');
    expect(validateRequest(post({ website: '   ' })).ok).toBe(true);
  });

  it('is never part of the stored value', () => {
    expect(valueOf(valid)).not.toHaveProperty('website');
  });
});

describe('order of errors', () => {
  it('lists every problem at once, in the order of the form', () => {
    const errors = errorsFor({
      website: 'spam',
      postcode: 'nope',
      replyBy: 'post',
      name: '',
      format: 'other',
      documentTitle: '',
      anythingElse: 'x'.repeat(2001),
    });
    expect(errors.map((e) => e.field)).toEqual([
      'documentTitle',
      'formatOther',
      'name',
      'address',
      'postcode',
      'anythingElse',
      'website',
    ]);
  });

  it('gives an empty form the four required questions', () => {
    expect(errorsFor({})).toEqual([
      { field: 'documentTitle', message: 'Enter the name of the document you need' },
      { field: 'format', message: 'Select the format you need' },
      { field: 'name', message: 'Enter your name' },
      { field: 'replyBy', message: 'Select how you would like us to reply' },
    ]);
  });

  it('gives one message per field, the first problem found', () => {
    const errors = errorsFor(post({ documentTitle: `${'x'.repeat(200)}\t${'x'.repeat(10)}` }));
    expect(errors).toEqual([{ field: 'documentTitle', message: 'Document name must be 200 characters or fewer' }]);
  });

  it('names only fields that exist on the form, so every summary link has a target', () => {
    const errors = errorsFor({ format: 'other', replyBy: 'post', website: 'x', documentId: 'BAD ID' });
    for (const error of errors) expect(requestFields).toContain(error.field);
  });
});
