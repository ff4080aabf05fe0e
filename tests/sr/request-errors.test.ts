// @vitest-environment jsdom
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { virtual } from '@guidepup/virtual-screen-reader';
import { startServer, type RunningServer } from '../support/request-server.ts';
import { focusErrorSummary } from '../../src/islands/error-summary.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 30_000);
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  await virtual.stop();
});

describe('a screen reader user who sends the request form with mistakes', () => {
  it('hears the error summary first, then each problem as a link', async () => {
    const response = await fetch(`${server.url}/accessible-formats/request/submit/`, {
      method: 'POST',
      body: 'documentTitle=&name=&website=',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    document.body.innerHTML = (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '').replace(/<script[\s\S]*?<\/script>/gi, '');

    await virtual.start({ container: document.body });
    // What happens when the page loads: focus goes to the summary, and the screen reader reads it.
    focusErrorSummary();
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement?.hasAttribute('data-error-summary')).toBe(true);
    expect(await virtual.lastSpokenPhrase()).toMatch(/There is a problem/);

    const heard: string[] = [];
    for (let i = 0; i < 20; i++) {
      await virtual.next();
      heard.push(await virtual.lastSpokenPhrase());
    }
    expect(heard).toEqual(expect.arrayContaining([
      'heading, There is a problem, level 2',
      'link, Enter the name of the document you need',
      'link, Select the format you need',
      'link, Enter your name',
    ]));
  });

  it('hears the contact box for the chosen way to reply straight after that answer, with its error', async () => {
    const response = await fetch(`${server.url}/accessible-formats/request/submit/`, {
      method: 'POST',
      body: 'documentTitle=A+guide&format=audio&name=Sam&replyBy=phone&phone=12&email=ignored&website=',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    document.body.innerHTML = (/<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '').replace(/<script[\s\S]*?<\/script>/gi, '');
    // Only the phone number is wrong: the email box of an answer not chosen is not checked.
    expect([...document.querySelectorAll('[data-error-summary] a')].map((a) => a.textContent)).toEqual([
      'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    ]);

    await virtual.start({ container: document.body });
    const heard: string[] = [];
    for (let i = 0; i < 200 && !heard.includes('button, Send request'); i++) {
      await virtual.next();
      heard.push(await virtual.lastSpokenPhrase());
    }
    const phoneRadio = heard.findIndex((phrase) => /radio, Phone\b/.test(phrase) && /checked/.test(phrase) && !/not checked/.test(phrase));
    const phoneBox = heard.findIndex((phrase) => /Telephone number/.test(phrase) && /textbox/.test(phrase));
    const postRadio = heard.findIndex((phrase) => /radio, Post\b/.test(phrase));
    expect(phoneRadio).toBeGreaterThan(-1);
    expect(phoneBox).toBeGreaterThan(phoneRadio);
    expect(postRadio).toBeGreaterThan(phoneBox);
  });
});
