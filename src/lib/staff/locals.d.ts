/** What src/middleware.ts hands to the staff pages. */
declare namespace App {
  interface Locals {
    /** The person signed in, on /staff/ pages only. */
    staff?: import('./auth.ts').SignedInStaff;
    /** A staff POST's form, already read and CSRF-checked by the middleware. */
    staffForm?: URLSearchParams;
    /** Why the middleware refused a request, for /staff/refused/ or /refused/. */
    refusal?: import('./guard.ts').Refusal;
  }
}
