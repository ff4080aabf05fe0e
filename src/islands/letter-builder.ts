/**
 * The letter builder. Without this script the page is a printable template: the same
 * questions, with boxes to fill in. With it, "Make my letter" turns the answers into a
 * plain-text letter that can be copied, printed or downloaded, and a draft is kept in
 * sessionStorage (this tab only) until Clear is selected. Nothing is sent anywhere: this
 * script makes no network requests.
 */
import { buildLetter, letterFileName, whereToSend, type LetterKind, type Recipients } from '../lib/letters/letters.ts';
import { formatLongDate } from '../lib/dates/format.ts';
import { todayInLondon } from '../lib/dates/london.ts';

export interface LetterBuilderOptions {
  /** London's date as YYYY-MM-DD, for the date on the letter; tests pass a fixed one. */
  today?: () => string;
}

interface Draft {
  answers: Record<string, string>;
  built: boolean;
}

type Answers = Record<string, string>;

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage switched off: the tool still works, it just keeps no draft
  }
}

export function startLetterBuilder(options: LetterBuilderOptions = {}): void {
  const form = document.querySelector<HTMLFormElement>('form[data-module="letter-builder"]');
  const result = document.querySelector<HTMLElement>('[data-letter-result]');
  const output = document.querySelector<HTMLTextAreaElement>('textarea#letter-output');
  const heading = document.getElementById('letter-heading');
  const printCopy = document.querySelector<HTMLElement>('[data-letter-print]');
  const sendTo = document.querySelector<HTMLElement>('[data-send-to]');
  const status = document.querySelector<HTMLElement>('[data-letter-status]');
  const clearButton = document.querySelector<HTMLButtonElement>('button[data-clear]');
  const confirmPanel = document.querySelector<HTMLElement>('[data-clear-confirm]');
  if (!form || !result || !output || !heading || !printCopy || !sendTo || !status || !clearButton || !confirmPanel) return;
  if (!('Blob' in window) || typeof URL.createObjectURL !== 'function') return;
  document.body.classList.add('js-enabled');
  for (const part of document.querySelectorAll<HTMLElement>('[data-js-only]')) part.hidden = false;
  // Disabled in the page, so that without this script pressing Enter cannot send the answers anywhere.
  for (const button of form.querySelectorAll<HTMLButtonElement>('button[data-make]')) button.disabled = false;

  const kind: LetterKind = form.dataset.letter === 'review' ? 'review' : 'complaint';
  const recipients: Recipients = {
    met: form.dataset.recipientMet ?? 'Metropolitan Police Service',
    mopac: form.dataset.recipientMopac ?? 'MOPAC',
    iopc: form.dataset.recipientIopc ?? 'IOPC',
  };
  const today = options.today ?? (() => todayInLondon());
  const storage = sessionStore();
  const storageKey = `letter-builder:${kind}`;
  let built = false;
  let pending: number | undefined;

  function announce(message: string): void {
    window.clearTimeout(pending);
    status!.textContent = '';
    // Set after a pause, so the same message twice is still spoken.
    pending = window.setTimeout(() => {
      status!.textContent = message;
    }, 50);
  }

  function answers(): Answers {
    const found: Answers = {};
    for (const [name, value] of new FormData(form!)) if (typeof value === 'string') found[name] = value;
    return found;
  }

  function save(): void {
    try {
      storage?.setItem(storageKey, JSON.stringify({ answers: answers(), built } satisfies Draft));
    } catch {
      // Full or blocked storage only means no draft is kept.
    }
  }

  function make(moveFocus: boolean): void {
    const given = answers();
    const text = buildLetter(kind, given, { date: formatLongDate(today()), recipients });
    output!.value = text;
    printCopy!.textContent = text;
    sendTo!.textContent = whereToSend(kind, given.reviewBody, recipients);
    result!.hidden = false;
    document.body.classList.add('letter-ready');
    built = true;
    save();
    // The letter appears below a long form, so take people to it, as a new page would: the
    // heading gets focus (a screen reader says "Your letter"), and the page scrolls so the
    // heading is at the top with the letter itself below it, not left at the bottom edge.
    if (moveFocus) {
      heading!.focus({ preventScroll: true });
      result!.scrollIntoView({ block: 'start' });
    }
  }

  function restore(): void {
    let draft: Partial<Draft> | null = null;
    try {
      draft = JSON.parse(storage?.getItem(storageKey) ?? 'null') as Partial<Draft> | null;
    } catch {
      return;
    }
    if (!draft || typeof draft !== 'object' || typeof draft.answers !== 'object' || draft.answers === null) return;
    for (const [name, value] of Object.entries(draft.answers)) {
      if (typeof value !== 'string') continue;
      const field = form!.elements.namedItem(name);
      if (field instanceof HTMLInputElement && field.type === 'radio') field.checked = field.value === value;
      else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = value;
      else if (field instanceof RadioNodeList) {
        for (const radio of field) if (radio instanceof HTMLInputElement) radio.checked = radio.value === value;
      }
    }
    if (draft.built === true) make(false);
  }

  async function copy(button: HTMLElement): Promise<void> {
    const text = output!.value;
    let copied = false;
    try {
      if (navigator.clipboard) {
        await navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch {
      copied = false;
    }
    if (!copied) {
      output!.focus();
      output!.select();
      try {
        copied = document.execCommand('copy');
      } catch {
        copied = false;
      }
      button.focus();
    }
    announce(copied
      ? 'Your letter is copied. You can paste it into an email or a document.'
      : 'Your browser did not let us copy the letter. Select the text of your letter and copy it yourself.');
  }

  function download(): void {
    const name = letterFileName(kind);
    const url = URL.createObjectURL(new Blob([output!.value], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(`Your letter is saved as a text file called ${name}.`);
  }

  // "Clear my answers" asks first, in the page rather than with window.confirm(), so the question
  // and both answers are ordinary, styled, keyboard- and screen-reader-friendly buttons.
  function askToClear(): void {
    confirmPanel!.hidden = false;
    clearButton!.setAttribute('aria-expanded', 'true');
    confirmPanel!.focus();
  }

  function closeConfirm(): void {
    confirmPanel!.hidden = true;
    clearButton!.setAttribute('aria-expanded', 'false');
    clearButton!.focus();
  }

  function clear(): void {
    form!.reset();
    try {
      storage?.removeItem(storageKey);
    } catch {
      // nothing was kept
    }
    output!.value = '';
    printCopy!.textContent = '';
    sendTo!.textContent = '';
    result!.hidden = true;
    document.body.classList.remove('letter-ready');
    built = false;
    announce('Your answers and your letter are cleared.');
  }

  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    make(true);
  });
  document.addEventListener('click', (event) => {
    // "Make my letter" is the form's submit button, handled above.
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-clear], button[data-clear-yes], button[data-clear-no], button[data-copy], button[data-print], button[data-download]');
    if (!button) return;
    if (button.hasAttribute('data-clear')) {
      if (confirmPanel.hidden) askToClear();
      else closeConfirm();
    } else if (button.hasAttribute('data-clear-yes')) {
      clear();
      closeConfirm();
    } else if (button.hasAttribute('data-clear-no')) closeConfirm();
    else if (button.hasAttribute('data-copy')) void copy(button);
    else if (button.hasAttribute('data-print')) window.print();
    else if (button.hasAttribute('data-download')) download();
  });

  confirmPanel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeConfirm();
  });

  restore();
}
