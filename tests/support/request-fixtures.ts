import type { FormatRequest } from '../../src/lib/requests/schema.ts';

/** A request answered by email, as the schema leaves it after validation. */
export const requestByEmail: FormatRequest = {
  documentTitle: 'Your right of review',
  documentId: 'right-of-review',
  format: 'large-print',
  name: 'Sam Jones',
  replyBy: 'email',
  email: 'sam@example.com',
};

/** A request answered by post, with every optional field filled in. */
export const requestByPost: FormatRequest = {
  documentTitle: 'Complaints about MOPAC',
  format: 'other',
  formatOther: 'Moon type',
  assistiveTechnology: 'Screen magnifier',
  name: 'Alex Smith',
  replyBy: 'post',
  address: '169 Union Street\nLondon',
  postcode: 'SE1 0LL',
  anythingElse: 'Two copies, please.',
};
