// The part of jsdom's API the tests use (jsdom ships no types of its own, and @types/jsdom
// would be one more dependency for two lines).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: Record<string, unknown>);
    readonly window: Window & typeof globalThis;
  }
}
