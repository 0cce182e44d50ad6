/**
 * The vocabulary of form definitions (DESIGN.md §5). A form is data: the
 * renderer builds its input screen from it and main/core/pdf its PDF.
 */
export type FieldType = 'text' | 'textarea' | 'date';

export interface FieldDefinition {
  id: string;
  type: FieldType;
  label: string;
  required?: boolean;
  /** Longest accepted value in characters. */
  max?: number;
}

export interface SectionDefinition {
  id: string;
  title: string;
  fields: FieldDefinition[];
}

export interface FormDefinition {
  id: string;
  version: number;
  title: string;
  layout: 'letter' | 'form';
  recipient: 'partner' | 'client' | 'none';
  sections: SectionDefinition[];
}

export function fieldsOf(form: FormDefinition): FieldDefinition[] {
  return form.sections.flatMap((section) => section.fields);
}
