import { test, expect, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';
import { readFileSync } from 'node:fs';

const deadlinePath = '/tools/review-deadline/';
const complaintPath = '/tools/complaint-letter/';
const reviewPath = '/tools/review-letter/';

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page, state), state).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page, state: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, state).toBeLessThanOrEqual(clientWidth);
}

async function enterDate(page: Page, day: string, month: string, year: string): Promise<void> {
  const group = page.getByRole('group', { name: 'What date is printed on your outcome letter?' });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

const status = (page: Page) => page.locator('#deadline-answer');

test.describe('review deadline calculator, with JavaScript on', () => {
  test.beforeEach(async ({ page }) => {
    // London's date for these tests: 10 April 2026.
    await page.clock.setFixedTime(new Date('2026-04-10T12:00:00Z'));
    await page.goto(deadlinePath);
  });

  test('has an empty polite status region on load and the date input', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Work out your review deadline');
    await expect(status(page)).toHaveAttribute('role', 'status');
    await expect(status(page)).toBeEmpty();
    const group = page.getByRole('group', { name: 'What date is printed on your outcome letter?' });
    await expect(group).toHaveAccessibleDescription('Use the date written on the letter, not the day it reached you. For example, 27 3 2026');
    for (const name of ['Day', 'Month', 'Year']) {
      await expect(group.getByLabel(name)).toHaveAttribute('inputmode', 'numeric');
      await expect(group.getByLabel(name)).toHaveAttribute('autocomplete', 'off');
    }
    await expect(page.locator('.tool-no-js')).toBeHidden();
  });

  test('a real past date gives the last day in the status region, and focus stays put', async ({ page }) => {
    await enterDate(page, '1', '4', '2026');
    const calculate = page.getByRole('button', { name: 'Calculate' });
    await calculate.click();
    await expect(status(page)).toContainText('Your request must be received by Wednesday 29 April 2026. That is 28 days starting from the day after the date on your letter, 1 April 2026.');
    await expect(status(page)).toContainText('It is 19 days from today.');
    await expect(status(page)).toContainText('If you were told the outcome before the date on the letter, count from the earlier day to be safe.');
    await expect(calculate).toBeFocused();
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await expect(page).toHaveTitle(/^Work out your review deadline/);
  });

  test('month ends and leap years are counted correctly', async ({ page }) => {
    await enterDate(page, '31', '1', '2026');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(status(page)).toContainText('Saturday 28 February 2026');
    await expect(status(page)).toContainText('That day is a Saturday. It still counts, and the deadline does not move to the Monday.');
    await enterDate(page, '13', 'March', '2026');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(status(page)).toContainText('Friday 10 April 2026');
    await expect(status(page)).toContainText('It is today, so send your request now, online or by email.');
  });

  const errorCases = [
    { name: 'an empty date', date: ['', '', ''], message: 'Enter the date printed on your outcome letter', field: 'received-day', invalid: ['day', 'month', 'year'] },
    { name: 'an impossible date (31 2 2026)', date: ['31', '2', '2026'], message: 'The date must be a real date', field: 'received-day', invalid: ['day', 'month', 'year'] },
    { name: 'a future date', date: ['1', '1', '2099'], message: 'The date must be today or in the past', field: 'received-day', invalid: ['day', 'month', 'year'] },
    { name: 'a missing month', date: ['1', '', '2026'], message: 'The date must include a month', field: 'received-month', invalid: ['month'] },
    { name: 'a 2-number year', date: ['1', '4', '26'], message: 'Year must include 4 numbers', field: 'received-year', invalid: ['year'] },
  ] as const;

  for (const c of errorCases) {
    test(`${c.name} shows a focused error summary linked to the field`, async ({ page }) => {
      await enterDate(page, c.date[0], c.date[1], c.date[2]);
      await page.getByRole('button', { name: 'Calculate' }).click();
      const summary = page.locator('.error-summary');
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('heading', { level: 2 })).toHaveText('There is a problem');
      await expect(page).toHaveTitle(/^Error: Work out your review deadline/);
      await expect(page.locator('#received-error')).toHaveText(`Error: ${c.message}`);
      await expect(page.getByRole('group', { name: 'What date is printed on your outcome letter?' })).toHaveAccessibleDescription(`Use the date written on the letter, not the day it reached you. For example, 27 3 2026 Error: ${c.message}`);
      for (const field of ['day', 'month', 'year']) {
        const box = page.locator(`#received-${field}`);
        if ((c.invalid as readonly string[]).includes(field)) await expect(box).toHaveAttribute('aria-invalid', 'true');
        else await expect(box).not.toHaveAttribute('aria-invalid');
      }
      await expect(status(page)).toBeEmpty();
      await summary.getByRole('link', { name: c.message }).click();
      await expect(page.locator(`#${c.field}`)).toBeFocused();
    });
  }

  test('fixing an error clears the summary, the message and the title', async ({ page }) => {
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await enterDate(page, '1', '4', '2026');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(status(page)).toContainText('Wednesday 29 April 2026');
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await expect(page.locator('.error-message')).toHaveCount(0);
    await expect(page.locator('[aria-invalid]')).toHaveCount(0);
    await expect(page).toHaveTitle(/^Work out your review deadline/);
  });

  test('works with the keyboard alone', async ({ page }) => {
    for (let i = 0; i < 40 && !(await page.locator('#received-day').evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(page.locator('#received-day')).toBeFocused();
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2026');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Calculate' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status(page)).toContainText('Wednesday 29 April 2026');

    // Enter in a box works too, and an error can be reached and followed from the keyboard.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(summary.getByRole('link', { name: 'The date must include a year' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#received-year')).toBeFocused();
    await page.keyboard.type('2026');
    await page.keyboard.press('Enter');
    await expect(status(page)).toContainText('Wednesday 29 April 2026');
  });

  test('has no axe violations when empty, with an error and with an answer, and no sideways scroll at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    await expectNoAxeViolations(page, 'empty');
    await expectNoHorizontalScroll(page, 'empty');
    await enterDate(page, '31', '2', '2026');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoAxeViolations(page, 'error');
    await expectNoHorizontalScroll(page, 'error');
    await enterDate(page, '28', '12', '2025');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(status(page)).toContainText('Sunday 25 January 2026');
    await expect(status(page)).toContainText('That day has passed.');
    await expectNoAxeViolations(page, 'answer');
    await expectNoHorizontalScroll(page, 'answer');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'answer, dark');
  });
});

test.describe('review deadline calculator, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('explains the rule and shows worked examples computed at build time', async ({ page }) => {
    await page.goto(deadlinePath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Work out your review deadline');
    await expect(page.locator('.tool-no-js')).toBeVisible();
    // The form cannot work without a script, so it is not offered.
    await expect(page.getByRole('button', { name: 'Calculate' })).toBeHidden();
    await expect(page.getByText(/Day 1 is the day after the date printed on your outcome letter\. Your request must arrive by day 28\./)).toBeVisible();
    await expect(page.getByText('For example, if your letter is dated 1 April 2026, day 1 is 2 April 2026. Your request must be received by 29 April 2026.')).toBeVisible();
    await expect(page.getByText(/^Count every day, including weekends and bank holidays\. If the last day is a weekend or a bank holiday, it does not move\./)).toBeVisible();
    await expect(page.getByText(/The IOPC asks for your reasons.*Police pages say late requests are only accepted in exceptional circumstances/)).toBeVisible();

    const table = page.getByRole('table', { name: 'Examples: the day your request must arrive by' });
    await expect(table).toBeVisible();
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(6);
    const expected: Record<string, string> = {
      '1 April 2026': 'Wednesday 29 April 2026',
      '6 March 2026': 'Friday 3 April 2026 (Good Friday: the day still counts)',
      '30 November 2026': 'Monday 28 December 2026 (Boxing Day: the day still counts)',
      '31 January 2027': 'Sunday 28 February 2027',
      '5 March 2027': 'Friday 2 April 2027',
      '1 February 2028': 'Tuesday 29 February 2028',
    };
    for (const [given, last] of Object.entries(expected)) {
      await expect(table.getByRole('row', { name: new RegExp(`^${given} `) }).getByRole('cell').last()).toHaveText(last);
    }
    await expect(page.getByRole('link', { name: 'how to ask for a review' })).toHaveAttribute('href', '/guides/right-of-review/');
    await expect(page.getByRole('heading', { name: 'MOPAC Police Complaint Reviews Team' })).toBeVisible();
    // An IOPC review goes through the IOPC's review page or phone line, never its complaint form.
    await expect(page.getByRole('heading', { name: 'IOPC: asking for a review' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Submit a review', exact: true })).toHaveAttribute('href', 'https://policeconduct.gov.uk/complaints/reviews-and-appeals/submit-a-review-appeal');
    await expect(page.locator('.deadline-calculator a[href*="submit-a-complaint"]')).toHaveCount(0);
  });

  test('fits a 320 px screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    for (const path of [deadlinePath, complaintPath, reviewPath, '/tools/']) {
      await page.goto(path);
      await expectNoHorizontalScroll(page, path);
    }
  });
});

const complaintAnswers = {
  'Your name': 'Sam Taylor',
  'How can the Met contact you?': 'sam@example.com',
  'What happened?': 'An officer stopped me and would not say why.',
  'When did it happen?': '14 March 2026, about 6pm',
  'Where did it happen?': 'Brixton Road',
  'Who was involved?': 'PC 1234',
  'What do you want to happen now?': 'An apology.',
} as const;

async function fillComplaint(page: Page): Promise<void> {
  for (const [label, value] of Object.entries(complaintAnswers)) await page.getByLabel(label, { exact: true }).fill(value);
}

test.describe('letter builder, with JavaScript on', () => {
  test.beforeEach(async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.setFixedTime(new Date('2026-11-23T12:00:00Z'));
  });

  test('makes a complaint letter with every answer, addressed to the Met', async ({ page }) => {
    await page.goto(complaintPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write a complaint to the Met');
    await fillComplaint(page);
    await page.getByRole('button', { name: 'Make my letter' }).click();
    await expect(page.getByRole('heading', { name: 'Your letter' })).toBeFocused();
    const letter = page.getByLabel('The text of your letter');
    await expect(letter).toHaveAttribute('readonly', '');
    const text = await letter.inputValue();
    expect(text).toMatch(/^To: Metropolitan Police Service \(the Met\)\nFrom: Sam Taylor\n/);
    for (const value of Object.values(complaintAnswers)) expect(text).toContain(value);
    expect(text).toContain('Date: 23 November 2026');
    await expect(page.locator('[data-send-to]')).toHaveText('Send your letter to the Metropolitan Police Service (the Met). Their details are below.');
    await expect(page.getByRole('heading', { name: 'Metropolitan Police Service (the Met)' })).toBeVisible();

    await expect(page.getByRole('button', { name: 'Print letter' })).toBeVisible();
    await page.getByRole('button', { name: 'Copy letter' }).click();
    await expect(page.locator('[data-letter-status]')).toHaveText(/Your letter is copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as a text file' }).click()]);
    expect(download.suggestedFilename()).toBe('complaint-letter.txt');
    expect(readFileSync(await download.path(), 'utf8')).toBe(text);
    await expect(page.locator('[data-letter-status]')).toHaveText('Your letter is saved as a text file called complaint-letter.txt.');
  });

  test('sends the review request to the body the outcome letter names', async ({ page }) => {
    await page.goto(reviewPath);
    await page.getByLabel('Your name', { exact: true }).fill('Alex Smith');
    await page.getByLabel('Your Met reference number').fill('MPS-2026-00123');
    await page.getByLabel('What date is on your outcome letter?').fill('27 March 2026');
    await page.getByLabel('Why do you think the outcome was wrong?').fill('They did not look at the CCTV.');
    const who = page.getByRole('group', { name: 'Who does your outcome letter say will do the review?' });

    await who.getByRole('radio', { name: /^MOPAC/ }).check();
    await page.getByRole('button', { name: 'Make my letter' }).click();
    const letter = page.getByLabel('The text of your letter');
    await expect(letter).toHaveValue(/^To: MOPAC Police Complaint Reviews Team\nFrom: Alex Smith\n/);
    await expect(letter).toHaveValue(/My Met reference number is MPS-2026-00123\./);
    await expect(letter).toHaveValue(/outcome letter is dated 27 March 2026/);
    await expect(letter).toHaveValue(/They did not look at the CCTV\./);
    await expect(page.locator('[data-send-to]')).toContainText('MOPAC Police Complaint Reviews Team');

    await who.getByRole('radio', { name: /^The IOPC/ }).check();
    await page.getByRole('button', { name: 'Make my letter' }).click();
    await expect(letter).toHaveValue(/^To: Independent Office for Police Conduct \(IOPC\)\n/);
    await expect(page.locator('[data-send-to]')).toContainText('Independent Office for Police Conduct (IOPC)');
    await expect(page.locator('[data-send-to]')).toContainText("Use the IOPC's Submit a review page, not its complaint form.");

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as a text file' }).click()]);
    expect(download.suggestedFilename()).toBe('review-request.txt');
  });

  test('keeps a draft through a reload, and Clear empties the form, the letter and the draft', async ({ page }) => {
    await page.goto(complaintPath);
    await expect(page.getByText('Your browser keeps a draft until you close this tab')).toBeVisible();
    await fillComplaint(page);
    await page.getByRole('button', { name: 'Make my letter' }).click();
    await page.reload();
    await expect(page.getByLabel('What happened?')).toHaveValue(complaintAnswers['What happened?']);
    await expect(page.getByLabel('The text of your letter')).toHaveValue(/An officer stopped me/);

    await page.getByRole('button', { name: 'Clear my answers' }).click();
    await page.getByRole('button', { name: 'Yes, delete them' }).click();
    for (const label of Object.keys(complaintAnswers)) await expect(page.getByLabel(label, { exact: true })).toHaveValue('');
    await expect(page.locator('[data-letter-result]')).toBeHidden();
    await expect(page.locator('[data-letter-status]')).toHaveText('Your answers and your letter are cleared.');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.reload();
    await expect(page.getByLabel('What happened?')).toHaveValue('');
    await expect(page.locator('[data-letter-result]')).toBeHidden();
  });

  test('on a small phone the letter itself comes into view, and Clear sits apart and asks first', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto(complaintPath);
    await fillComplaint(page);
    await page.getByRole('button', { name: 'Make my letter' }).click();
    const heading = page.getByRole('heading', { name: 'Your letter' });
    await expect(heading).toBeFocused();
    // The heading is scrolled to the top of the screen, with the letter's text below it.
    await expect.poll(async () => (await heading.boundingBox())?.y).toBeLessThanOrEqual(60);
    await expect(page.getByLabel('The text of your letter')).toBeInViewport({ ratio: 0.3 });

    // Clear is below the letter's own buttons, not next to Make my letter.
    const make = await page.getByRole('button', { name: 'Make my letter' }).boundingBox();
    const download = await page.getByRole('button', { name: 'Download as a text file' }).boundingBox();
    const clear = page.getByRole('button', { name: 'Clear my answers' });
    const clearBox = await clear.boundingBox();
    expect(clearBox!.y).toBeGreaterThan(download!.y);
    expect(clearBox!.y - make!.y).toBeGreaterThan(568);

    // Asking first: the question takes focus; Escape and "No" both keep everything.
    await expect(clear).toHaveAttribute('aria-expanded', 'false');
    await clear.click();
    const question = page.getByRole('group', { name: 'Delete all your answers and your letter? You cannot get them back.' });
    await expect(question).toBeFocused();
    await expect(clear).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await expect(clear).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(question).toBeFocused();
    await page.getByRole('button', { name: 'No, keep them' }).click();
    await expect(question).toBeHidden();
    await expect(page.getByLabel('What happened?')).toHaveValue(complaintAnswers['What happened?']);
    await expect(page.getByLabel('The text of your letter')).toHaveValue(/Sam Taylor/);

    // With the keyboard: Enter on Clear, Tab to "Yes, delete them", Enter.
    await clear.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Yes, delete them' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('What happened?')).toHaveValue('');
    await expect(page.locator('[data-letter-result]')).toBeHidden();
    await expect(clear).toBeFocused();
    await expect(page.locator('[data-letter-status]')).toHaveText('Your answers and your letter are cleared.');
  });

  test('makes no network request at all while it is used', async ({ page, baseURL }) => {
    await page.goto(complaintPath, { waitUntil: 'networkidle' });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    await fillComplaint(page);
    await page.getByRole('button', { name: 'Make my letter' }).click();
    await expect(page.getByLabel('The text of your letter')).toHaveValue(/Sam Taylor/);
    await page.getByRole('button', { name: 'Copy letter' }).click();
    await expect(page.locator('[data-letter-status]')).toHaveText(/copied/);
    await page.getByRole('button', { name: 'Clear my answers' }).click();
    await page.getByRole('button', { name: 'Yes, delete them' }).click();
    await expect(page.locator('[data-letter-status]')).toHaveText(/cleared/);
    // Give anything that might be sent late a moment to show up.
    await page.waitForTimeout(500);
    expect(requests, `requests to ${baseURL}`).toEqual([]);
  });

  test('has no axe violations when empty and with a letter, and no sideways scroll at 320 px', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 720 });
    for (const path of [complaintPath, reviewPath]) {
      await page.goto(path);
      await expectNoAxeViolations(page, `${path} empty`);
      await expectNoHorizontalScroll(page, `${path} empty`);
      await page.getByLabel('Your name', { exact: true }).fill('Sam Taylor');
      await page.getByRole('button', { name: 'Make my letter' }).click();
      await expect(page.getByRole('heading', { name: 'Your letter' })).toBeFocused();
      await expectNoAxeViolations(page, `${path} with a letter`);
      await expectNoHorizontalScroll(page, `${path} with a letter`);
      await page.getByRole('button', { name: 'Clear my answers' }).click();
      await expectNoAxeViolations(page, `${path} asking before clearing`);
      await page.getByRole('button', { name: 'Yes, delete them' }).click();
    }
  });
});

test.describe('letter builder, with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('is a printable template with the same headings and prompts', async ({ page }) => {
    await page.goto(complaintPath);
    for (const question of Object.keys(complaintAnswers)) {
      await expect(page.getByRole('heading', { level: 2, name: question, exact: true })).toBeVisible();
      await expect(page.getByLabel(question, { exact: true })).toBeEditable();
    }
    await expect(page.getByText('You can print this page and write your answers in the boxes.')).toBeVisible();
    await expect(page.getByText('It is not stored by us or sent to anyone.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Make my letter' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Clear my answers' })).toBeHidden();
    await expect(page.getByText('Your browser keeps a draft')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Where to send your complaint' })).toBeVisible();

    // Pressing Enter in a box sends nothing anywhere.
    await page.getByLabel('Your name', { exact: true }).fill('Sam Taylor');
    await page.getByLabel('Your name', { exact: true }).press('Enter');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).search).toBe('');

    await page.goto(reviewPath);
    for (const question of ['Your name', 'Your Met reference number', 'What date is on your outcome letter?', 'Who does your outcome letter say will do the review?', 'Why do you think the outcome was wrong?']) {
      await expect(page.getByRole('heading', { level: 2, name: question, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('radio', { name: 'I am not sure' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Work out your last day' })).toHaveAttribute('href', '/tools/review-deadline/');
  });
});

test('the tools page lists the three tools', async ({ page }) => {
  await page.goto('/tools/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tools to help you');
  for (const [name, href] of [
    ['Work out your review deadline', deadlinePath],
    ['Write a complaint to the Met', complaintPath],
    ['Write a request for a review', reviewPath],
  ] as const) {
    await expect(page.getByRole('link', { name })).toHaveAttribute('href', href);
  }
  await expectNoAxeViolations(page, '/tools/');
});
