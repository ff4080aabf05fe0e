/**
 * Moves focus to the error summary when a form comes back with errors. The
 * summary also has the autofocus attribute, so this is for browsers that
 * ignore autofocus on a non-form element. Links in the summary move focus to
 * the field itself, not just scroll to it.
 */
export function focusErrorSummary(): void {
  const summary = document.querySelector<HTMLElement>('[data-error-summary]');
  if (!summary) return;
  if (document.activeElement !== summary) summary.focus();
  summary.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#"]');
    const field = link && document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.closest('.form-group')?.scrollIntoView();
  });
}
