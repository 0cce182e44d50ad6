import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../shared/api/contract';
import { isInputField, type FormDefinition } from '../../../../shared/forms/definition';
import { fillText } from '../../../../shared/forms/fill';
import type { PrefillContext } from '../../../../shared/forms/prefill';
import { ageLimitNotes, isFieldShown, type FieldValue, type FormValues } from '../../../../shared/forms/values';
import { formatDate, fullName } from '../../ui/format';
import { FormSection } from '../../ui/FormSection';
import { DocumentField } from './DocumentField';
import { TextBlock } from './TextBlock';

interface DocumentSectionsProps {
  form: FormDefinition;
  /** With computed sums filled in. */
  values: FormValues;
  onChange(fieldId: string, value: FieldValue): void;
  errorAt(path: string): string | undefined;
  prefilled: ReadonlySet<string>;
  partners: readonly Partner[];
  context: PrefillContext;
}

/** The sections of a form that show at least one field with these values, with the id of their heading. */
export function shownSections(form: FormDefinition, values: FormValues): { id: string; title: string; headingId: string }[] {
  return form.sections
    .filter((section) => section.fields.some((field) => isFieldShown(section, field, values)))
    .map((section) => ({ id: section.id, title: section.title, headingId: `${sectionElementId(section.id)}-heading` }));
}

function sectionElementId(sectionId: string): string {
  return `doc-section-${sectionId}`;
}

/** The input screen of a form, section by section, as its definition describes it; conditions apply as values change. */
export function DocumentSections({ form, values, onChange, errorAt, prefilled, partners, context }: DocumentSectionsProps) {
  const partnerName = (id: string) => partners.find((partner) => partner.id === id)?.name ?? '';
  const labelOf = (fieldId: string) => form.sections.flatMap((section) => section.fields).find((field) => field.id === fieldId)?.label;
  return (
    <>
      <AgeLimitNotes form={form} values={values} clientName={fullName(context.client)} />
      {form.sections.map((section) => {
        const fields = section.fields.filter((field) => isFieldShown(section, field, values));
        if (fields.length === 0) return null;
        return (
          <FormSection key={section.id} id={sectionElementId(section.id)} title={section.title} headingFocusable>
            {fields.map((field) =>
              isInputField(field) ? (
                <DocumentField
                  key={field.id}
                  field={field}
                  value={values[field.id]}
                  onChange={(value) => onChange(field.id, value)}
                  errorAt={errorAt}
                  prefilled={prefilled.has(field.id)}
                  partners={partners}
                  sumSourceLabel={field.type === 'money' && field.sumOf ? labelOf(field.sumOf.field) : undefined}
                />
              ) : (
                <TextBlock key={field.id} element={field} text={field.type === 'block' ? fillText(field.text, { form, values, context, partnerName }) : ''} />
              ),
            )}
          </FormSection>
        );
      })}
    </>
  );
}

/** Why parts of the form are missing: an age limit of the form (e.g. a legal one) that the person's age does not meet. */
function AgeLimitNotes({ form, values, clientName }: { form: FormDefinition; values: FormValues; clientName: string }) {
  const { t } = useTranslation();
  const notes = ageLimitNotes(form, values);
  if (notes.length === 0) return null;
  return (
    <div className="alert alert--info age-limit-notes" id="doc-age-limits">
      {notes.map((note) => (
        <p key={note.reason}>
          {t('documentEditor.ageLimit', {
            reason: note.reason,
            name: clientName,
            age: note.age,
            date: formatDate(note.on),
            sections: note.sections.join(', '),
          })}
        </p>
      ))}
    </div>
  );
}
