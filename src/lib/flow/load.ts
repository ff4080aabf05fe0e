import flowJson from '../../content/flow/where-to-complain.json' with { type: 'json' };
import { parseDataFile } from '../content/load-data.ts';
import { flowSchema, type Flow } from './schema.ts';

/** Where the flow lives, as named in error messages. */
export const FLOW_FILE = 'src/content/flow/where-to-complain.json';

let cached: Flow | undefined;

/**
 * The wizard's flow, checked against its schema. A bad file stops the build
 * with a message naming the file and each field at fault (for example
 * "nodes.3.answers.0.next"), the same way the other data files do.
 * Parsed once: every wizard page asks for it.
 */
export function loadFlow(): Flow {
  cached ??= parseDataFile(FLOW_FILE, flowSchema, flowJson);
  return cached;
}
