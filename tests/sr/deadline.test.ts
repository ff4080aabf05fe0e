// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { virtual } from '@guidepup/virtual-screen-reader';
import { loadBuiltPage, moveTo, until } from './built-page.ts';
import { startDeadlineCalculator } from '../../src/islands/deadline-calculator.ts';

afterEach(async () => {
  await virtual.stop();
});


const deadline = 'Your request must be received by Wednesday 29 April 2026. That is 28 days starting from the day after the date on your letter, 1 April 2026.';

describe('a screen reader user working out their review deadline', () => {
  it('hears the question and hint, types the date, and hears the answer from the status region', async () => {
    loadBuiltPage('/tools/review-deadline/');
    startDeadlineCalculator({ today: () => '2026-04-10' });
    await virtual.start({ container: document.body });

    // The legend names the group of boxes, and the hint describes it.
    expect(await moveTo(/^group, What date is printed on your outcome letter\?/)).toContain('Use the date written on the letter, not the day it reached you. For example, 27 3 2026');
    for (const [box, value] of [['Day', '1'], ['Month', '4'], ['Year', '2026']] as const) {
      expect(await moveTo(new RegExp(`^textbox, ${box}`))).toMatch(new RegExp(`^textbox, ${box}`));
      await virtual.type(value);
    }
    expect((document.getElementById('received-year') as HTMLInputElement).value).toBe('2026');

    await moveTo(/^button, Calculate/);
    await virtual.act();
    const button = document.querySelector('form[data-module="deadline-calculator"] button');

    await until(async () => (await virtual.spokenPhraseLog()).some((p) => p.includes(deadline)), 'the deadline to be spoken');
    const log = await virtual.spokenPhraseLog();
    const announced = log.find((p) => p.includes(deadline))!;
    expect(announced).toMatch(/polite/);
    expect(announced).toContain('It is 19 days from today.');
    // Focus is not moved on success: the person stays on the Calculate button.
    expect(document.activeElement).toBe(button);
  });

  it('hears the error summary when the date is impossible', async () => {
    loadBuiltPage('/tools/review-deadline/');
    startDeadlineCalculator({ today: () => '2026-04-10' });
    await virtual.start({ container: document.body });
    for (const [box, value] of [['Day', '31'], ['Month', '2'], ['Year', '2026']] as const) {
      await moveTo(new RegExp(`^textbox, ${box}`));
      await virtual.type(value);
    }
    await moveTo(/^button, Calculate/);
    await virtual.act();
    await until(() => document.activeElement?.classList.contains('error-summary') ?? false, 'the error summary to take focus');
    await until(async () => (await virtual.spokenPhraseLog()).some((p) => p.includes('There is a problem')), 'the summary to be spoken');
    expect(await moveTo(/^link, The date must be a real date/)).toBe('link, The date must be a real date');
    expect(document.getElementById('deadline-answer')?.textContent).toBe('');
  });
});
