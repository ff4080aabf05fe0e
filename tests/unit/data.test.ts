import { describe, it, expect } from 'vitest';
import glossaryData from '../../src/content/data/glossary.json';
import contactsData from '../../src/content/data/contacts.json';
import actionPlanData from '../../src/content/data/action-plan.json';
import surveyData from '../../src/content/data/survey.json';
import { glossarySchema, MAX_DEFINITION_WORDS } from '../../src/lib/schemas/glossary';
import { contactsSchema, waysToReach } from '../../src/lib/schemas/contacts';
import { actionPlanSchema, ACTION_COUNT } from '../../src/lib/schemas/action-plan';
import { surveySchema } from '../../src/lib/schemas/survey';
import { countByStatus } from '../../src/lib/content/action-plan';

/** A deep copy each test can break without affecting the others. */
const copy = <T>(value: T): T => structuredClone(value);

const requiredTerms = [
  'complaint',
  'complainant',
  'appropriate authority',
  'Schedule 3',
  'recorded complaint',
  'reasonable and proportionate',
  'investigation',
  'relevant review body',
  'review',
  'local policing body',
  'Independent Office for Police Conduct',
  "Mayor's Office for Policing And Crime",
  'Metropolitan Police Service',
  'Directorate of Professional Standards',
  'misconduct',
  'gross misconduct',
  'Standards of Professional Behaviour',
  'reflective practice',
  'service recovery',
  'Commissioner',
  'Deputy Mayor for Policing and Crime',
  'GLA Monitoring Officer',
  'whistleblowing',
  'outcome letter',
];

describe('glossary data', () => {
  const parsed = glossarySchema.safeParse(glossaryData);
  const glossary = parsed.data ?? [];

  it('parses with the glossary schema', () => {
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('has at least 20 terms', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(20);
  });

  it('includes every term the guides rely on', () => {
    const terms = new Set(glossary.map((entry) => entry.term));
    const missing = requiredTerms.filter((term) => !terms.has(term));
    expect(missing).toEqual([]);
  });

  it('finds the IOPC, MOPAC and MPS by their short names too', () => {
    const byId = new Map(glossary.map((entry) => [entry.id, entry]));
    expect(byId.get('iopc')?.aliases).toContain('IOPC');
    expect(byId.get('mopac')?.aliases).toContain('MOPAC');
    expect(byId.get('mps')?.aliases).toContain('MPS');
  });

  it('offers everyday search words for review, the Met, the IOPC and whistleblowing', () => {
    const synonyms = (id: string) => glossary.find((entry) => entry.id === id)?.searchSynonyms ?? [];
    expect(synonyms('review')).toEqual(expect.arrayContaining(['appeal', 'challenge the outcome']));
    expect(synonyms('mps')).toEqual(expect.arrayContaining(['Met', 'police officer', 'Scotland Yard']));
    expect(synonyms('iopc')).toContain('police watchdog');
    expect(synonyms('whistleblowing')).toEqual(expect.arrayContaining(['speak up', 'report a colleague']));
  });

  it('keeps every definition within the word limit', () => {
    const tooLong = glossary.filter((entry) => entry.definition.split(/\s+/).length > MAX_DEFINITION_WORDS);
    expect(tooLong.map((entry) => entry.id)).toEqual([]);
  });

  it('rejects a duplicate id', () => {
    const data = copy(glossaryData);
    data.push({ ...copy(data[0]!), term: 'a different term', aliases: [] });
    const result = glossarySchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((issue) => issue.message.includes('Duplicate id'))).toBe(true);
  });

  it('rejects a duplicate term, even in different capitals', () => {
    const data = copy(glossaryData);
    data.push({ ...copy(data[0]!), id: 'another-id', term: data[0]!.term.toUpperCase(), aliases: [] });
    const result = glossarySchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((issue) => issue.message.includes('Duplicate term'))).toBe(true);
  });

  it('rejects an alias that already belongs to another entry', () => {
    const data = copy(glossaryData);
    data[0]!.aliases.push('IOPC');
    expect(glossarySchema.safeParse(data).success).toBe(false);
  });

  it('rejects an entry with no definition', () => {
    const data: Record<string, unknown>[] = copy(glossaryData);
    delete data[0]!['definition'];
    const result = glossarySchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([0, 'definition']);
  });

  it('rejects a definition over the word limit', () => {
    const data = copy(glossaryData);
    data[0]!.definition = `${'word '.repeat(MAX_DEFINITION_WORDS)}end.`;
    expect(glossarySchema.safeParse(data).success).toBe(false);
  });

  it('rejects a misspelt field name', () => {
    const data: Record<string, unknown>[] = copy(glossaryData);
    data[0]!['defintion'] = 'A typo in a field name should not pass silently.';
    expect(glossarySchema.safeParse(data).success).toBe(false);
  });
});

describe('contacts data', () => {
  const parsed = contactsSchema.safeParse(contactsData);
  const contacts = parsed.data ?? [];

  it('parses with the contacts schema', () => {
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('gives at least one way to reach every organisation', () => {
    const unreachable = contacts.filter((contact) => waysToReach(contact).length === 0);
    expect(unreachable.map((contact) => contact.id)).toEqual([]);
  });

  it('rejects an organisation with no way to reach it', () => {
    const data: Record<string, unknown>[] = copy(contactsData);
    for (const field of ['email', 'phone', 'post', 'web']) delete data[0]![field];
    expect(contactsSchema.safeParse(data).success).toBe(false);
  });

  it('marks the IOPC details as unverified, because they come from a third-party copy', () => {
    const iopc = contacts.find((contact) => contact.id === 'iopc');
    expect(iopc?.verified).toBe(false);
    expect(iopc?.phone?.[0]?.number).toBe('0300 020 0096');
  });

  it('gives no postal address for the GLA Monitoring Officer, because the known one is out of date', () => {
    const officer = contacts.find((contact) => contact.id === 'gla-monitoring-officer');
    expect(officer?.post).toBeUndefined();
    expect(officer?.note).toBeDefined();
  });

  it('rejects a duplicate id', () => {
    const data = copy(contactsData);
    data.push(copy(data[0]!));
    expect(contactsSchema.safeParse(data).success).toBe(false);
  });
});

describe('action plan data', () => {
  const parsed = actionPlanSchema.safeParse(actionPlanData);
  const actions = parsed.data?.actions ?? [];

  it('parses with the action plan schema', () => {
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('lists all 23 actions, numbered 1 to 23', () => {
    expect(actions.map((action) => action.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: ACTION_COUNT }, (_, i) => i + 1),
    );
  });

  it('rejects a plan with only 22 actions', () => {
    const data = copy(actionPlanData);
    data.actions.pop();
    expect(actionPlanSchema.safeParse(data).success).toBe(false);
  });

  it('rejects a plan where one number appears twice', () => {
    const data = copy(actionPlanData);
    data.actions[ACTION_COUNT - 1]!.number = 1;
    const result = actionPlanSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('listed twice'), `Action ${ACTION_COUNT} is missing`]),
    );
  });

  it('rejects a theme outside the agreed list', () => {
    const data = copy(actionPlanData);
    data.actions[0]!.theme = 'Everything else';
    expect(actionPlanSchema.safeParse(data).success).toBe(false);
  });

  it('counts 21 delivered and 2 in progress, as the October 2022 report says', () => {
    expect(countByStatus(actions)).toEqual({ delivered: 21, 'in progress': 2 });
  });

  it('shows the misconduct action (17) and the body-worn video research (20) as still in progress', () => {
    const open = actions.filter((action) => action.status === 'in progress').map((action) => action.number);
    expect(open.sort((a, b) => a - b)).toEqual([17, 20]);
  });

  it('counts nothing for an empty list', () => {
    expect(countByStatus([])).toEqual({ delivered: 0, 'in progress': 0 });
  });
});

describe('complainant survey data', () => {
  const parsed = surveySchema.safeParse(surveyData);

  it('parses with the survey schema', () => {
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('lists the four commitments the Met made, in order', () => {
    expect(parsed.data?.commitments.map((c) => c.number)).toEqual([1, 2, 3, 4]);
  });

  it('records that the first phase finished in December 2020', () => {
    expect(parsed.data?.firstPhaseCompleted).toBe('2020-12');
  });

  it('takes its figures from the October 2022 report, which names its own source', () => {
    // The survey page itself published no figures; the Action Plan report did.
    expect(parsed.data?.results.source.url).not.toBe(parsed.data?.source.url);
    expect(parsed.data?.results).toMatchObject({ invited: 1700, responded: 300 });
  });

  it('rejects ratings that do not add up to 100 per cent', () => {
    const data = copy(surveyData);
    data.results.ratings[0]!.percent = 70;
    expect(surveySchema.safeParse(data).success).toBe(false);
  });

  it('rejects more replies than people invited', () => {
    const data = copy(surveyData);
    data.results.responded = 2000;
    expect(surveySchema.safeParse(data).success).toBe(false);
  });

  it('rejects commitments numbered out of order', () => {
    const data = copy(surveyData);
    data.commitments[0]!.number = 2;
    expect(surveySchema.safeParse(data).success).toBe(false);
  });
});
