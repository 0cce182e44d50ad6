import type { ReactNode } from 'react';

/** A top-level part of a long form: a fieldset whose legend is a heading, so it shows in the page outline. */
export function FormSection({
  id,
  title,
  headingLevel = 2,
  headingFocusable = false,
  children,
}: {
  id: string;
  title: string;
  headingLevel?: 2 | 3;
  /** The heading (`${id}-heading`) can take focus: a list of the sections jumps there. */
  headingFocusable?: boolean;
  children: ReactNode;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <fieldset className="form-section">
      <legend className="form-section-legend">
        <Heading id={`${id}-heading`} className="form-section-heading" tabIndex={headingFocusable ? -1 : undefined}>
          {title}
        </Heading>
      </legend>
      {children}
    </fieldset>
  );
}
