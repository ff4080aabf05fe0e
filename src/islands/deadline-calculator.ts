/**
 * The review deadline calculator. The page already explains the rule and shows worked
 * examples, so it is useful without this script; the form stays hidden until this runs.
 * With it, the date is worked out in place: errors follow the GOV.UK pattern (a summary
 * that takes focus, a message by the date, the boxes with the problem highlighted), and
 * the answer is written into a polite status region without moving focus.
 */
import { deadlineAnswer, parseDateParts, type DateError, type DateInputField } from '../lib/dates/review-deadline.ts';
import { todayInLondon } from '../lib/dates/london.ts';

export interface DeadlineCalculatorOptions {
  /** London's date as YYYY-MM-DD; tests pass a fixed one. */
  today?: () => string;
}

const fields: readonly DateInputField[] = ['day', 'month', 'year'];
const hintId = 'received-hint';
const errorId = 'received-error';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** The page's bank holiday list (a JSON object of date → name in data-bank-holidays); empty if missing or broken. */
function bankHolidaysFrom(json: string | undefined): ReadonlyMap<string, string> {
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return new Map();
  }
}

export function startDeadlineCalculator(options: DeadlineCalculatorOptions = {}): void {
  const form = document.querySelector<HTMLFormElement>('form[data-module="deadline-calculator"]');
  const answer = document.getElementById('deadline-answer');
  const group = form?.querySelector<HTMLElement>('[data-date-group]');
  const fieldset = group?.querySelector('fieldset');
  const inputs = fields.map((field) => document.getElementById(`received-${field}`)).filter((i): i is HTMLInputElement => i instanceof HTMLInputElement);
  if (!form || !answer || !group || !fieldset || inputs.length !== fields.length) return;
  document.body.classList.add('js-enabled');
  form.hidden = false;
  const today = options.today ?? (() => todayInLondon());
  const holidays = bankHolidaysFrom(form.dataset.bankHolidays);
  const baseTitle = document.title.replace(/^Error: /, '');
  const input = (field: DateInputField) => inputs[fields.indexOf(field)]!;
  let pending: number | undefined;

  function clearErrors(): void {
    form!.querySelector('.error-summary')?.remove();
    document.getElementById(errorId)?.remove();
    group!.classList.remove('form-group--error');
    fieldset!.setAttribute('aria-describedby', hintId);
    for (const box of inputs) {
      box.classList.remove('input--error');
      box.removeAttribute('aria-invalid');
    }
    document.title = baseTitle;
  }

  function showErrors(errors: readonly DateError[]): void {
    const links = errors.map((error) => {
      const target = input(error.inputs[0] ?? 'day');
      const link = el('a', { href: `#${target.id}` }, error.message);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        target.focus();
      });
      return el('li', {}, link);
    });
    const summary = el('div', { class: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
      el('h2', { id: 'error-summary-title' }, 'There is a problem'),
      el('ul', {}, ...links));
    form!.prepend(summary);
    document.getElementById(hintId)?.after(el('p', { class: 'error-message', id: errorId },
      el('span', { class: 'visually-hidden' }, 'Error: '), errors.map((e) => e.message).join('. ')));
    group!.classList.add('form-group--error');
    fieldset!.setAttribute('aria-describedby', `${hintId} ${errorId}`);
    for (const field of new Set(errors.flatMap((e) => e.inputs))) {
      input(field).classList.add('input--error');
      input(field).setAttribute('aria-invalid', 'true');
    }
    document.title = `Error: ${baseTitle}`;
    summary.focus();
  }

  /** Empties the region first, so the same answer twice is still spoken. */
  function say(...paragraphs: { text: string; className?: string }[]): void {
    window.clearTimeout(pending);
    answer!.replaceChildren();
    if (!paragraphs.length) return;
    pending = window.setTimeout(() => {
      answer!.replaceChildren(...paragraphs.map((p) => el('p', p.className ? { class: p.className } : {}, p.text)));
    }, 50);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const now = today();
    const result = parseDateParts({ day: input('day').value, month: input('month').value, year: input('year').value }, now);
    if (!result.ok) {
      say();
      showErrors(result.errors);
      return;
    }
    const { deadline, timeLeft, weekend, earlierDate } = deadlineAnswer(result.isoDate, now, holidays);
    say({ text: deadline, className: 'tool-answer__main' }, { text: timeLeft }, ...(weekend ? [{ text: weekend }] : []), { text: earlierDate });
  });
}
