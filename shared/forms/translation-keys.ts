import type { FormDefinition } from './definition';

/**
 * What a translation of a form may translate (issue 17), by the keys
 * `FormTranslation` uses: labels by section or field id, `field.column` for
 * a column of rows, `field.option` for a choice, and, beyond what
 * `templates.update` relabels in German, `field.signerN` for the captions
 * under signature lines (`field.placeDate` for „Ort, Datum“ beside them) and `field.lineN` for the lines of an office box;
 * blocks by their id.
 */
export interface TranslatableLabel {
  key: string;
  /** The German it translates. */
  german: string;
  /** Whether the print shows it (a section title printed, a label not empty, a field that prints). */
  printed: boolean;
}

export function translatableLabels(form: FormDefinition): TranslatableLabel[] {
  const labels: TranslatableLabel[] = [];
  const add = (key: string, german: string, printed: boolean) => labels.push({ key, german, printed: printed && german.trim() !== '' });
  for (const section of form.sections) {
    add(section.id, section.title, section.printTitle !== false);
    for (const field of section.fields) {
      const prints = !('print' in field) || field.print !== 'none';
      // A label that only repeats its section's title does not print (printed-form.ts, withoutRepeatedLabel).
      const repeatsTitle =
        field.type !== 'checkbox' && field.type !== 'office-box' && field.label.trim().toLocaleLowerCase('de') === section.title.trim().toLocaleLowerCase('de');
      add(field.id, field.label, prints && !repeatsTitle);
      if (field.type === 'lines') for (const column of field.columns) add(`${field.id}.${column.id}`, column.label, prints);
      if (field.type === 'select' || field.type === 'multiselect') for (const option of field.options) add(`${field.id}.${option.value}`, option.label, prints);
      if (field.type === 'signature') {
        field.signers.forEach((signer, index) => add(`${field.id}.signer${index}`, signer, true));
        // The caption of the short line beside each signature line.
        add(`${field.id}.placeDate`, 'Ort, Datum', true);
      }
      if (field.type === 'office-box') field.lines.forEach((line, index) => add(`${field.id}.line${index}`, line, true));
    }
  }
  return labels;
}

/** The ids of the form's text blocks with their German text. */
export function translatableBlocks(form: FormDefinition): Array<{ id: string; german: string }> {
  return form.sections.flatMap((section) => section.fields.flatMap((field) => (field.type === 'block' ? [{ id: field.id, german: field.text }] : [])));
}
