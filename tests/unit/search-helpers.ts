export { stem, words } from '../../src/lib/search/text.ts';
import { contentWords, parseQuery } from '../../src/lib/search/engine.ts';
export const contentWordsOf = (query: string) => contentWords(parseQuery(query));
