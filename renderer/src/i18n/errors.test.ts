import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiError, type ApiError } from '../../../shared/api/errors';
import { inputFieldsOf } from '../../../shared/forms/definition';
import { loadFormDefinition } from '../../../shared/forms/load';
import { validateFormValues } from '../../../shared/forms/values';
import { errorsDe } from '../../../shared/i18n/errors.de';
import { errorsEn } from '../../../shared/i18n/errors.en';
import { formatMessage, placeholdersOf, textAt } from '../../../shared/i18n/format-message';
import { ApiCallError } from '../api/api-call-error';
import { createApiClient } from '../api/client';
import { httpTransport } from '../api/transport';
import { messageAtField, valueErrors } from '../features/documents/document-form';
import { pathsToFormRows } from '../ui/field-errors';
import { ERRORS_NS } from './errors';
import { i18nOptions } from './index';

/** A refusal as the core sends it (dispatch): German text and the data it was worded from. */
const REFUSAL: ApiError = {
  code: 'invalid_input',
  message: 'Bitte die Eingaben prüfen.',
  key: 'common.checkInput',
  fields: { 'address.postalCode': 'Bitte eine fünfstellige Postleitzahl angeben.', 'languages.0.language': 'Höchstens 80 Zeichen erlaubt.' },
  fieldIssues: { 'address.postalCode': { key: 'input.postalCode' }, 'languages.0.language': { key: 'input.maxLength', params: { maximum: 80 } } },
};

beforeAll(async () => {
  await i18next.init(i18nOptions('en'));
});

async function inLanguage(language: 'de' | 'en', run: () => void): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    run();
  } finally {
    await i18next.changeLanguage('en');
  }
}

describe('errors in the interface’s language', () => {
  it('words a refusal from the core in English when the interface is English', async () => {
    const api = createApiClient(httpTransport('ab', () => Promise.resolve({ status: 400, json: () => Promise.resolve({ ok: false, error: REFUSAL }) })));
    const error = await api.call('app.info', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({
      code: 'invalid_input',
      message: 'Please check the entries.',
      fields: { 'address.postalCode': 'Please enter a five-digit postal code.', 'languages.0.language': 'At most 80 characters allowed.' },
    });
  });

  it('follows a language switch while the error is on screen, and says in German what the core said', async () => {
    const error = ApiCallError.fromApiError(REFUSAL);
    expect(error.message).toBe('Please check the entries.');
    await inLanguage('de', () => {
      expect(error.message).toBe(REFUSAL.message);
      expect(error.fields).toEqual(REFUSAL.fields);
    });
  });

  it('shows the host’s German where it sent no key, or one this renderer does not know', () => {
    const older = ApiCallError.fromApiError({ code: 'conflict', message: 'Der Entwurf wurde gerade geändert.', fields: { title: 'Zu lang.' } });
    expect(older).toMatchObject({ message: 'Der Entwurf wurde gerade geändert.', fields: { title: 'Zu lang.' } });
    const newer = ApiCallError.fromApiError({
      code: 'conflict',
      message: 'Etwas Neues.',
      key: 'common.fromTheFuture',
      fieldIssues: { a: { key: 'input.gone' } },
    });
    expect(newer).toMatchObject({ message: 'Etwas Neues.', fields: {} });
  });

  it('keeps the wording when messages move to the rows of the form', () => {
    const moved = pathsToFormRows(ApiCallError.fromApiError(REFUSAL), { languages: [2] });
    expect(moved).toMatchObject({ message: 'Please check the entries.', fields: { 'languages.2.language': 'At most 80 characters allowed.' } });
  });

  it('words the transport’s own failures too', async () => {
    const api = createApiClient(httpTransport('ab', () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.call('app.info', {})).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('cannot be reached') });
  });
});

describe('a document’s values in the interface’s language', () => {
  const form = loadFormDefinition({
    id: 'sample',
    version: 1,
    title: 'Beispiel',
    layout: 'form',
    recipient: 'client',
    sections: [
      {
        id: 'main',
        title: 'Angaben',
        fields: [
          { id: 'subject', type: 'text', label: 'Betreff', required: true },
          { id: 'costs', type: 'lines', label: 'Kosten', columns: [{ id: 'amount', type: 'money', label: 'Betrag' }] },
        ],
      },
    ],
  });
  const [subject, costs] = inputFieldsOf(form);
  const amount = costs?.type === 'lines' ? costs.columns[0] : undefined;
  const CELL = 'values.costs.1.amount';
  const values = { subject: '', costs: [{ amount: 100 }, { amount: -5 }] };

  it('words the editor’s own check and the core’s refusal alike, in English under English', () => {
    const live = valueErrors(form, values, true);
    const issues = validateFormValues(form, values, { complete: true }).errors;
    expect(live).toEqual({ 'values.subject': 'Betreff: Please fill this in.', [CELL]: 'Kosten, row 2, Betrag: The amount must not be negative.' });
    expect(ApiCallError.fromApiError(apiError('invalid_input', { key: 'common.checkInput' }, issues)).fields).toEqual(live);
  });

  it('says beside the input only what is wrong, in either language', async () => {
    const atInputs = () => {
      const live = valueErrors(form, values, true);
      return [messageAtField(live['values.subject'], subject!), messageAtField(live[CELL], costs!, 1, amount)];
    };
    expect(atInputs()).toEqual(['Please fill this in.', 'The amount must not be negative.']);
    await inLanguage('de', () => {
      expect(valueErrors(form, values, true)[CELL]).toBe('Kosten, Zeile 2, Betrag: Der Betrag darf nicht negativ sein.');
      expect(atInputs()).toEqual(['Bitte ausfüllen.', 'Der Betrag darf nicht negativ sein.']);
    });
  });
});

describe('i18next and the core word alike', () => {
  /** Sample values: a number where the text formats one, a marked name elsewhere. */
  function sampleParams(text: string): Record<string, string | number> {
    return Object.fromEntries(placeholdersOf(text).map((name) => [name, text.includes(`{{${name}, number}}`) ? 12345 : `‹${name}›`]));
  }

  function keysOf(catalogue: object, prefix = ''): string[] {
    return Object.entries(catalogue).flatMap(([name, value]) =>
      typeof value === 'string' ? [`${prefix}${name}`] : keysOf(value as object, `${prefix}${name}.`),
    );
  }

  for (const [language, catalogue] of [
    ['de', errorsDe],
    ['en', errorsEn],
  ] as const) {
    it(`gives the same ${language} text for every key as the core's formatter`, async () => {
      const differences: string[] = [];
      await inLanguage(language, () => {
        for (const key of keysOf(catalogue)) {
          const params = sampleParams(textAt(catalogue, key) ?? '');
          const core = formatMessage({ key, params }, catalogue, language);
          const viaI18next = i18next.t(key as never, { ns: ERRORS_NS, replace: params });
          if (core !== viaI18next) differences.push(`${key}: ${core} ≠ ${viaI18next}`);
        }
      });
      expect(differences).toEqual([]);
    });
  }
});
