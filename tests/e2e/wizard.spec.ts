import { test, expect, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadFlow } from '../../src/lib/flow/load.ts';
import { allPathsToResults } from '../../src/lib/flow/graph.ts';
import { requireNode, isQuestion } from '../../src/lib/flow/engine.ts';
import type { QuestionNode, ResultNode } from '../../src/lib/flow/schema.ts';

const flow = loadFlow();
// The first path to each result: every result must be reachable with real answers.
const routes = [...new Map(allPathsToResults(flow).map((p) => [p.resultId, p])).values()];
const question = (id: string) => requireNode(flow, id) as QuestionNode;
const result = (id: string) => requireNode(flow, id) as ResultNode;
const label = (nodeId: string, answerId: string) => question(nodeId).answers.find((a) => a.id === answerId)!.label;

async function answerWithRadios(page: Page, nodeId: string, answerId: string) {
  const group = page.getByRole('group', { name: question(nodeId).question });
  await group.getByRole('radio', { name: label(nodeId, answerId), exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('with JavaScript on', () => {
  for (const route of routes) {
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
    });
  }

  test('Back and Forward in the browser move between questions with the answers kept', async ({ page }) => {
    await page.goto('/where-to-complain/');
    await answerWithRadios(page, 'urgent', 'no');
    await answerWithRadios(page, 'about', 'met');
    const thirdText = question('how-serious').question;
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
    await answerWithRadios(page, 'about', 'police-staff');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(result('raise-a-concern').title);
  });

  test('Continue with no answer shows an error summary that takes focus and links to the answers', async ({ page }) => {
    await page.goto('/where-to-complain/');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.locator('.error-message')).toContainText('Select an answer');
    await summary.getByRole('link', { name: 'Select an answer' }).click();
    await expect(page.getByRole('radio').first()).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
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
    await page.goto('/where-to-complain/how-serious/?a=urgent:no,about:met');
    await expect(page.locator('[data-your-answers] .summary-list__row')).toHaveCount(2);
    await page.goto('/where-to-complain/how-serious/?a=urgent:no,about:nonsense');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('how-serious').question);
    await expect(page.locator('[data-your-answers]')).toBeHidden();
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
    await page.goto('/where-to-complain/review-by-mopac/?a=urgent:no,about:met-complaint,has-outcome:yes,recorded:yes,review-body:mopac');
    await expect(page.locator('[data-your-answers] .summary-list__row').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  for (const route of routes) {
    test(`reaches "${result(route.resultId).title}" by following answer links`, async ({ page }) => {
      await page.goto('/where-to-complain/');
      for (const [i, answerId] of route.answerIds.entries()) {
        await page.getByRole('link', { name: label(route.nodeIds[i]!, answerId), exact: true }).click();
      }
      await expect(page).toHaveURL(new RegExp(`/where-to-complain/${route.resultId}/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(result(route.resultId).title);
    });
  }

  test('Back and Start again links work', async ({ page }) => {
    await page.goto('/where-to-complain/');
    await page.getByRole('link', { name: 'No', exact: true }).click();
    await page.getByRole('link', { name: label('about', 'not-sure') }).click();
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('about').question);
    await page.getByRole('link', { name: label('about', 'not-sure') }).click();
    await page.getByRole('link', { name: 'Start again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(question('urgent').question);
  });
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
    await frame.getByRole('radio', { name: label('about', 'not-sure') }).check();
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
