// @vitest-environment jsdom
import { describe, it, expect, afterEach } from 'vitest';
import { virtual } from '@guidepup/virtual-screen-reader';
import { loadBuiltPage, moveTo, until } from './built-page.ts';
import { startWizard } from '../../src/islands/wizard.ts';

afterEach(async () => {
  await virtual.stop();
});


describe('a screen reader user answering the wizard', () => {
  it('hears the question as the group label, each answer, and the new heading after Continue, then the result', async () => {
    loadBuiltPage('/where-to-complain/');
    startWizard();
    await until(() => document.querySelector('form.wizard__form') !== null, 'the radios');
    await virtual.start({ container: document.body });

    // The question is the label of the group of answers.
    expect(await moveTo(/^group, Is someone in danger or is a crime happening now\?/)).toMatch(/^group, Is someone in danger/);
    expect(await moveTo(/radio, Yes/)).toMatch(/radio, Yes, not checked, position 1, set size 2/);
    expect(await moveTo(/radio, No/)).toMatch(/radio, No, not checked, position 2, set size 2/);
    await virtual.act();
    expect((document.getElementById('answer-no') as HTMLInputElement).checked).toBe(true);
    await moveTo(/^button, Continue/);
    await virtual.act();

    // Focus moves to the next question's heading, so that is what is read next.
    await until(async () => /What do you want to do\?/.test(await virtual.lastSpokenPhrase()), 'the next heading to be spoken');
    expect(await virtual.lastSpokenPhrase()).toContain('What do you want to do?');

    expect(await moveTo(/^group, What do you want to do\?/)).toBeTruthy();
    // An answer's hint is read with it, so "PCSOs" and "special constables" are heard where they help.
    expect(await moveTo(/radio, Complain about how the police treated me/)).toMatch(/PCSOs, special constables/);
    await moveTo(/radio, I am not sure/);
    await virtual.act();
    await moveTo(/^button, Continue/);
    await virtual.act();

    const resultHeading = document.querySelector('[data-result]')?.textContent?.trim() ?? '(no result)';
    await until(async () => (await virtual.lastSpokenPhrase()).includes(resultHeading), 'the result heading to be spoken');
    expect(await virtual.lastSpokenPhrase()).toContain(resultHeading);
    expect(await moveTo(/^heading, Your answers, level 2/)).toBeTruthy();
  });
});
