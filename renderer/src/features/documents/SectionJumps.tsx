import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SectionJumpsProps {
  sections: readonly { id: string; title: string; headingId: string }[];
}

/**
 * "Abschnitte": a button in the editor's bar that opens the list of the
 * form's sections. Choosing one scrolls there and puts focus on its heading,
 * so Tab goes on with the section's first field. Escape closes the list.
 */
export function SectionJumps({ sections }: SectionJumpsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  const jump = (headingId: string) => {
    setOpen(false);
    const heading = document.getElementById(headingId);
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    toggle.current?.focus();
  };

  if (sections.length < 2) return null;
  return (
    <nav
      className="section-jumps"
      aria-label={t('editorLayout.sectionsNav')}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Closes when focus leaves the list for something else on the page.
        if (open && event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((current) => !current)}
      >
        {t('editorLayout.sections')}
      </button>
      <ul id={listId} className="section-jumps-list" hidden={!open}>
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.headingId}`}
              onClick={(event) => {
                // The address stays the page's own (#/documents/…): the router must not see a jump.
                event.preventDefault();
                jump(section.headingId);
              }}
            >
              {section.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
