import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, type FrameProps } from './FieldFrame';
import { formatEuroCents, formatGermanNumber, parseEuroCents, parseGermanNumber } from './german-numbers';

interface DecimalFieldProps extends FrameProps {
  value: number | null;
  /** The value as it is shown when not being typed ("1.234,56"). */
  format(value: number): string;
  /** The typed text as a value; null for empty, undefined when it is no number. */
  parse(text: string): number | null | undefined;
  /** Shown while the text cannot be read ("Bitte einen Betrag wie 1.234,56 eingeben."). */
  unreadable: string;
  onChange(value: number | null): void;
  /** A unit after the input, e.g. "€" (hidden from screen readers when the label names it). */
  unit?: string | undefined;
}

/**
 * A number typed the German way (money in euros, counts with a decimal
 * comma). What is typed stays as typed while it is being written; a value
 * reaches `onChange` as soon as the text reads as one, and the text is
 * tidied ("1234,5" → "1.234,50") when the field is left.
 */
export function DecimalField({ value, format, parse, unreadable, onChange, unit, error, ...frame }: DecimalFieldProps) {
  const [text, setText] = useState(() => (value === null ? '' : format(value)));

  // A value set from outside (a computed sum, a draft loaded again) replaces what the text says.
  useEffect(() => {
    setText((current) => (parse(current) === value ? current : value === null ? '' : format(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `format` and `parse` are fixed per field.
  }, [value]);

  const typedError = parse(text) === undefined ? unreadable : undefined;

  return (
    <FieldFrame {...frame} error={typedError ?? error}>
      {(control) => (
        <span className="decimal-input">
          <input
            {...control}
            className={`${control.className} field-control--short decimal-input-control`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            required={frame.required}
            value={text}
            onChange={(event) => {
              const next = event.target.value;
              setText(next);
              const parsed = parse(next);
              if (parsed !== undefined) onChange(parsed);
            }}
            onBlur={() => {
              const parsed = parse(text);
              if (parsed !== undefined) setText(parsed === null ? '' : format(parsed));
            }}
          />
          {unit ? (
            <span className="decimal-input-unit" aria-hidden="true">
              {unit}
            </span>
          ) : null}
        </span>
      )}
    </FieldFrame>
  );
}

type PresetProps = Omit<DecimalFieldProps, 'format' | 'parse' | 'unreadable' | 'unit'>;

/** Euros, typed as "1.234,56", held as whole cents. */
export function MoneyField(props: PresetProps) {
  const { t } = useTranslation();
  return <DecimalField {...props} format={formatEuroCents} parse={parseEuroCents} unreadable={t('common.moneyUnreadable')} unit="€" />;
}

/** A count or measure with a decimal comma. */
export function NumberField(props: PresetProps) {
  const { t } = useTranslation();
  return <DecimalField {...props} format={formatGermanNumber} parse={parseGermanNumber} unreadable={t('common.numberUnreadable')} />;
}
