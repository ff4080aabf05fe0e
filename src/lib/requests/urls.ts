export const requestFormPath = '/accessible-formats/request/';
export const submitPath = '/accessible-formats/request/submit/';
export const confirmationPath = '/accessible-formats/request/confirmation/';

/** The form prefilled for one document: a static page of its own, so prefilling needs no JavaScript. */
export const documentRequestPath = (documentId: string): string => `${requestFormPath}${documentId}/`;
