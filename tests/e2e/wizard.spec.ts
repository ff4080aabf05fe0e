import { test, expect, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFlow } from '../../src/lib/flow/load.ts';
import { allPathsToResults } from '../../src/lib/flow/graph.ts';
import { requireNode, isQuestion } from '../../src/lib/flow/engine.ts';
import type { QuestionNode, ResultNode } from '../../src/lib/flow/schema.ts';
import { situations } from '../support/wizard-situations.ts';

const flow = loadFlow();
// The first path to each result: every result must be reachable with real answers.
const routes = [...new Map(allPathsToResults(flow).map((p) => [p.resultId, p])).values()];
// A few journeys with JavaScript on, through different kinds of question; JavaScript off walks every situation.
const jsRoutes = ['complain-to-the-met', 'cps-right-to-review', 'check-if-recorded', 'complain-about-an-assembly-member', 'report-anonymously'].map((id) => routes.find((r) => r.resultId === id)!);
const question = (id: string) => requireNode(flow, id) as QuestionNode;
const result = (id: string) => requireNode(flow, id) as ResultNode;
const label = (nodeId: string, answerId: string) => question(nodeId).answers.find((a) => a.id === answerId)!.label;

async function answerWithRadios(page: Page, nodeId: string, answerId: string) {
  const group = page.getByRole('group', { name: question(nodeId).question });
  await group.getByRole('radio', { name: label(nodeId, answerId), exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('with JavaScript on', () => {
  for (const route of jsRoutes) {
    test(`reaches "${result(route.resultId).title}" with radios and Continue`, async ({ page }) => {
      await page.goto('/where-to-complain/');
      for (const [i, answerId] of route.answerIds.entries()) {
        const nodeId = route.nodeIds[i]!;
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(question(nodeId).question);
        await answerWithRadios(page, nodeId, answerId);
        const next = requireNode(flow, route.nodeIds[i + 1]!);
        const heading = page.getByRole('heading', { level: 1, name: isQuestion(next) ? next.question : next.title });
        // Focus moves to the new heading, as a page load would for a screen reader user.
        await expect(heading).toBeFocused();
      }
      await expect(page).toHaveURL(new RegExp(`/where-to-complain/${route.resultId}/\\?a=`));
      const answers = page.locator('[data-your-answers]');
      await expect(answers.getByRole('heading', { name: 'Your answers' })).toBeVisible();
      await expect(answers.locator('.summary-list__row')).toHaveCount(route.answerIds.length);
      // Near the top: the main action, and a way to the answers and to start again.
      await expect(page.locator('[data-main-action]')).toBeVisible();
      await page.locator('.wizard__shortcuts').getByRole('link', { name: 'Your answers' }).click();
      await expect(answers).toBeInViewport();
    });
  }

  test('Back and Forward in the browser move between questions with the answers kept', async ({ page }) => {
    await page.goto('/where-to-complain/');
    await answerWithRadios(page, 'urgent', 'no');
    await answerWithRadios(page, 'about', 'police');
    const thirdText = question('which-force').question;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(thirdText);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('about').question);
    await expect(page.locator('[data-your-answers] .summary-list__row')).toHaveCount(1);
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(thirdText);
    await expect(page.locator('[data-your-answers] .summary-list__row')).toHaveCount(2);
  });

  test('a Change link goes back to that question with the earlier answer chosen, and a new answer changes the route', async ({ page }) => {
    await page.goto('/where-to-complain/');
    await answerWithRadios(page, 'urgent', 'no');
    await answerWithRadios(page, 'about', 'not-sure');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(result('not-sure').title);
    await page.getByRole('link', { name: `Change your answer to: ${question('about').question}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('about').question);
    await expect(page.getByRole('radio', { name: label('about', 'not-sure') })).toBeChecked();
    await answerWithRadios(page, 'about', 'report');
    await answerWithRadios(page, 'report-what', 'staff');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(result('raise-a-concern').title);
    await expect(page).toHaveURL(/\?a=urgent:no,about:report,report-what:staff$/);
  });

  test('Continue with no answer shows an error naming the question, in a summary at the top of the main content', async ({ page }) => {
    await page.goto('/where-to-complain/');
    await page.getByRole('button', { name: 'Continue' }).click();
    const message = question('urgent').error;
    expect(message).toBe('Select yes if someone is in danger or a crime is happening now');
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    // GOV.UK puts the summary first in the main content, above the heading.
    expect(await page.locator('main').evaluate((main) => main.firstElementChild?.classList.contains('error-summary'))).toBe(true);
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('.error-message')).toContainText(message);
    await summary.getByRole('link', { name: message }).click();
    await expect(page.getByRole('radio').first()).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
    // Answering clears the error.
    await answerWithRadios(page, 'urgent', 'no');
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toContainText(question('about').error);
  });

  test('Start again clears the answers', async ({ page }) => {
    await page.goto('/where-to-complain/');
    await answerWithRadios(page, 'urgent', 'no');
    await page.getByRole('link', { name: 'Start again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('urgent').question);
    await expect(page).toHaveURL(/\/where-to-complain\/$/);
    await expect(page.locator('[data-your-answers]')).toBeHidden();
  });

  test('a shared link with answers rebuilds "Your answers", and a stale answer is dropped', async ({ page }) => {
    await page.goto('/where-to-complain/which-force/?a=urgent:no,about:police');
    await expect(page.locator('[data-your-answers] .summary-list__row')).toHaveCount(2);
    await page.goto('/where-to-complain/which-force/?a=urgent:no,about:nonsense');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('which-force').question);
    await expect(page.locator('[data-your-answers]')).toBeHidden();
    // The address keeps the page and drops the stale answers.
    await expect(page).toHaveURL(/\/where-to-complain\/which-force\/$/);
    // Answering from a page reached without answers still moves on.
    await answerWithRadios(page, 'which-force', 'british-transport');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(result('british-transport-police').title);
    await expect(page).toHaveURL(/\/where-to-complain\/british-transport-police\/$/);
  });

  test('a keyboard-only journey reaches a result', async ({ page }) => {
    await page.goto('/where-to-complain/');
    const pressUntilFocused = async (name: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((n) => document.activeElement?.getAttribute('aria-label') === n || document.activeElement?.textContent?.trim() === n || (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() === n, name)) return;
      }
      throw new Error(`Could not reach "${name}" with Tab`);
    };
    // Until the island has drawn the radios, "Yes" is a plain link; wait for them, as a person sees them.
    await expect(page.getByRole('radio', { name: 'Yes' })).toBeVisible();
    await pressUntilFocused('Yes');
    await page.keyboard.press('ArrowDown'); // moves to and selects "No"
    await pressUntilFocused('Continue');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: question('about').question })).toBeFocused();
    await page.keyboard.press('Tab'); // into the radio group, on the first answer
    await page.keyboard.press('Space');
    await pressUntilFocused('Continue');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(question('about').question);
  });

  test('result pages with answers have no axe violations', async ({ page }) => {
    await page.goto('/where-to-complain/review-by-mopac/?a=urgent:no,about:existing,complaint-stage:outcome,recorded:yes,review-body:mopac');
    await expect(page.locator('[data-your-answers] .summary-list__row').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  // Every situation is walked with plain HTTP requests in tests/build/wizard-walk.test.ts (the
  // wizard is one address per state). A few are followed here in a real browser too, by clicking:
  // the longest route to each of three different results.
  const longest = [...situations].sort((a, b) => b.answers.length - a.answers.length).filter((s, i, all) => all.findIndex((o) => o.result === s.result) === i).slice(0, 3);
  for (const situation of longest) {
    test(`"${situation.says}" reaches its result by following answer links`, async ({ page }) => {
      await page.goto('/where-to-complain/');
      for (const pair of situation.answers) {
        const [nodeId, answerId] = pair.split(':') as [string, string];
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(question(nodeId).question);
        await page.getByRole('link', { name: label(nodeId, answerId), exact: true }).click();
      }
      await expect(page).toHaveURL(new RegExp(`/where-to-complain/${situation.result}/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(result(situation.result).title);
      await expect(page.locator('[data-main-action]')).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    });
  }

  test('Back and Start again links work', async ({ page }) => {
    await page.goto('/where-to-complain/');
    await page.getByRole('link', { name: 'No', exact: true }).click();
    await page.getByRole('link', { name: label('about', 'not-sure') }).click();
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('about').question);
    await page.getByRole('link', { name: label('about', 'not-sure') }).click();
    await page.getByRole('link', { name: 'Start again' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('urgent').question);
  });
});

// Where each result's main action and "Start again" sit on a small phone is checked in the page
// sweep's 320 px visit (tests/e2e/accessibility.spec.ts); the "By when" text in
// tests/build/wizard-walk.test.ts.

test('the first step on the Met result is a link to the Met', async ({ page }) => {
  await page.goto('/where-to-complain/complain-to-the-met/');
  const step = page.locator('.wizard__steps li').first().getByRole('link', { name: 'Make your complaint on the Met website' });
  await expect(step).toHaveAttribute('href', 'https://www.met.police.uk/');
});

test('the emergency answer comes first and sends people to 999 before anything else', async ({ page }) => {
  await page.goto('/where-to-complain/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(question(flow.start).question);
  await answerWithRadios(page, flow.start, question(flow.start).answers[0]!.id);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('999');
});

test.describe('the embed', () => {
  let partner: http.Server;
  let partnerUrl = '';

  test.beforeAll(async ({ baseURL }) => {
    // A partner's page on a second origin: another port, and "localhost" instead of 127.0.0.1.
    const site = baseURL!;
    partner = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><html lang="en"><head><title>Partner</title></head><body><h1>Partner site</h1>
        <iframe src="${site}/embed/where-to-complain/" title="Where should my complaint go?" style="width:100%;border:0;height:150px"></iframe>
        <script src="${site}/embed/resize.js"></script></body></html>`);
    });
    await new Promise<void>((resolve) => partner.listen(0, 'localhost', resolve));
    partnerUrl = `http://localhost:${(partner.address() as AddressInfo).port}/`;
  });
  test.afterAll(() => new Promise<void>((resolve) => partner.close(() => resolve())));

  test('works inside another site, resizes itself, and opens guides in a new tab', async ({ page }) => {
    await page.goto(partnerUrl);
    const iframe = page.locator('iframe');
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(question(flow.start).question);
    await expect.poll(async () => (await iframe.boundingBox())?.height ?? 0).toBeGreaterThan(300);
    await frame.getByRole('radio', { name: 'No', exact: true }).check();
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByRole('radio', { name: label('about', 'not-sure'), exact: true }).check();
    await frame.getByRole('button', { name: 'Continue' }).click();
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(result('not-sure').title);
    const guideLink = frame.getByRole('link', { name: /opens in a new tab/ }).first();
    await expect(guideLink).toHaveAttribute('target', '_blank');
    const heightAfter = (await iframe.boundingBox())?.height ?? 0;
    const contentHeight = await frame.locator('html').evaluate((html) => html.scrollHeight);
    expect(Math.abs(heightAfter - contentHeight)).toBeLessThan(5);
  });

  test('only the embed may be framed by other sites', async ({ request }) => {
    const embed = await request.get('/embed/where-to-complain/');
    expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(embed.headers()['x-frame-options']).toBeUndefined();
    const guide = await request.get('/where-to-complain/');
    expect(guide.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(guide.headers()['x-frame-options']).toBe('DENY');
  });
});
