// Every data file, parsed once with its schema. Pages import from here.
import glossaryJson from '../../content/data/glossary.json' with { type: 'json' };
import contactsJson from '../../content/data/contacts.json' with { type: 'json' };
import actionPlanJson from '../../content/data/action-plan.json' with { type: 'json' };
import surveyJson from '../../content/data/survey.json' with { type: 'json' };
import documentsJson from '../../content/data/documents.json' with { type: 'json' };
import { glossarySchema } from '../schemas/glossary.ts';
import { contactsSchema } from '../schemas/contacts.ts';
import { actionPlanSchema } from '../schemas/action-plan.ts';
import { surveySchema } from '../schemas/survey.ts';
import { documentsSchema } from '../schemas/documents.ts';
import { parseDataFile } from './load-data.ts';

export const glossary = parseDataFile('src/content/data/glossary.json', glossarySchema, glossaryJson);
export const contacts = parseDataFile('src/content/data/contacts.json', contactsSchema, contactsJson);
export const actionPlan = parseDataFile('src/content/data/action-plan.json', actionPlanSchema, actionPlanJson);
export const survey = parseDataFile('src/content/data/survey.json', surveySchema, surveyJson);
export const documents = parseDataFile('src/content/data/documents.json', documentsSchema, documentsJson);
