import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '../../../../shared/forms/definition';
import { formatDate } from '../../ui/format';

type Wording = Extract<FieldDefinition, { type: 'block' | 'signature' | 'office-box' }>;

/**
 * Printed wording inside the editor: a text block as the recipient will
 * read it (placeholders filled), with its legal "Stand"; signature lines
 * and the receiving office's box as a note of what the paper will carry.
 */
export function TextBlock({ element, text }: { element: Wording; text: string }) {
  const { t } = useTranslation();
  const headingId = `doc-block-${element.id}`;
  return (
    <section className="text-block" aria-labelledby={element.label ? headingId : undefined}>
      {element.label ? (
        <h3 id={headingId} className="text-block-heading">
          {element.label}
        </h3>
      ) : null}
      {element.type === 'block' ? (
        <>
          <p className="long-text text-block-text">{text}</p>
          {element.stand ? <p className="text-block-stand">{t('documentEditor.stand', { date: formatDate(element.stand) })}</p> : null}
        </>
      ) : (
        <p className="text-block-stand">
          {element.type === 'signature'
            ? t('documentEditor.signatureNote', { signers: element.signers.join(', ') })
            : t('documentEditor.officeBoxNote', { lines: element.lines.join(', ') })}
        </p>
      )}
    </section>
  );
}
