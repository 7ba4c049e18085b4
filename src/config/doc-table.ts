import { PROPERTY_NAMES, propertyDef } from './properties.js';

// Pipes would end the cell; '<' would start an HTML tag ('<instance id>').
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '\\<');

/**
 * The markdown table of every setting, generated from the property table so docs/configuration.md
 * cannot drift from the code (a unit test compares them). Regenerate with
 * `npx tsx -e "import('./src/config/doc-table.ts').then(m => console.log(m.propertiesMarkdown()))"`.
 */
export function propertiesMarkdown(): string {
  const rows = ['| property | where | default | file key / environment | kafkajs | meaning |', '| --- | --- | --- | --- | --- | --- |'];
  for (const name of PROPERTY_NAMES) {
    const d = propertyDef(name);
    const names = [name, ...(d.aliases ?? [])].map((n) => `\`${n}\``).join(' / ');
    const where = d.property === false ? 'top level' : d.scope;
    const keys = [d.key === undefined || d.key === name ? undefined : `\`${d.key}\``, d.env === undefined ? undefined : `\`${d.env}\``].filter(Boolean).join(', ');
    rows.push(`| ${names} | ${where} | ${d.default === undefined ? '' : `\`${d.default}\``} | ${keys} | ${cell(d.kafkajs)} | ${cell(d.help)} |`);
  }
  return rows.join('\n');
}
