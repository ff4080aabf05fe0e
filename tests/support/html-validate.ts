import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

const validator = new HtmlValidate(new FileSystemConfigLoader());

/** html-validate's findings for a page the server rendered on demand, with the project's own rules. */
export async function htmlProblems(name: string, html: string): Promise<string[]> {
  const report = await validator.validateString(html, `${name}.html`);
  return report.results.flatMap((result) => result.messages.map((m) => `${name}: ${m.ruleId} ${m.message}`));
}
