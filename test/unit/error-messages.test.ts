import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../main/core/api/dispatch';
import { DomainError, invalid, notFound } from '../../main/core/errors';
import { issueFields, issueMessage } from '../../shared/api/german-messages';
import { ClientInputSchema } from '../../shared/api/schemas/client';
import { germanText } from '../../shared/i18n/error-message';
import { errorsDe } from '../../shared/i18n/errors.de';
import { errorsEn } from '../../shared/i18n/errors.en';
import { formatMessage, placeholdersOf } from '../../shared/i18n/format-message';
import { openTestCore, SAMPLE_CLIENT } from '../support/core';
import { callOk, errorOf } from '../support/results';

/** Every text of a catalogue by its dotted key. */
function texts(catalogue: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') found.set(`${prefix}${name}`, value);
    else for (const [key, text] of texts(value as object, `${prefix}${name}.`)) found.set(key, text);
  }
  return found;
}

describe('the error catalogue', () => {
  const german = texts(errorsDe);
  const english = texts(errorsEn);

  it('has the same keys in German and English', () => {
    expect([...english.keys()].sort()).toEqual([...german.keys()].sort());
  });

  it('has the same placeholders in both languages, so no value is lost in translation', () => {
    const mismatches = [...german].filter(
      ([key, text]) =>
        placeholdersOf(text).sort().join() !==
        placeholdersOf(english.get(key) ?? '')
          .sort()
          .join(),
    );
    expect(mismatches).toEqual([]);
  });

  it('writes placeholders only in the two forms the formatter and i18next both read', () => {
    const odd = [...german, ...english].filter(([, text]) => text.replace(/\{\{\w+(, *number)?\}\}/g, '').includes('{{'));
    expect(odd).toEqual([]);
  });
});

describe('formatMessage', () => {
  it('fills placeholders, nested messages first, and writes numbers the way the language does', () => {
    const tooLarge = { key: 'logo.tooLarge', params: { kilobytes: 2048, limit: 500 } };
    expect(formatMessage(tooLarge, errorsDe, 'de')).toBe('Das Logo ist 2.048 KB groß; erlaubt sind höchstens 500 KB. Bitte das Bild verkleinern.');
    expect(formatMessage(tooLarge, errorsEn, 'en')).toBe('The logo is 2,048 KB; at most 500 KB are allowed. Please make the image smaller.');
    const nested = { key: 'settings.logoUnusable', params: { reason: { key: 'logo.pngDamaged', params: { why: { key: 'logoDamage.headerMissing' } } } } };
    expect(formatMessage(nested, errorsDe, 'de')).toBe(
      'Das Logo kann nicht verwendet werden: Das PNG-Bild ist beschädigt oder unvollständig (Kopf fehlt). Bitte die Datei neu speichern oder eine andere wählen.',
    );
  });

  it('leaves a value that looks like a placeholder as it is', () => {
    const message = { key: 'templates.unknownPlaceholders', params: { placeholders: '{{klient.name}}, {{checkInput}}' } };
    expect(formatMessage(message, errorsDe, 'de')).toBe('Diese Platzhalter benennen nichts: {{klient.name}}, {{checkInput}}.');
  });

  it('knows no key outside the catalogue, also not inside a message', () => {
    expect(formatMessage({ key: 'common.nonsense' }, errorsDe, 'de')).toBeUndefined();
    expect(formatMessage({ key: 'common' }, errorsDe, 'de')).toBeUndefined();
    expect(formatMessage({ key: 'settings.logoUnusable', params: { reason: { key: 'logo.gone' } } }, errorsDe, 'de')).toBeUndefined();
  });
});

describe('errors of the core', () => {
  it('keep the German wording users see', () => {
    expect(notFound('client').message).toBe('Die Klient*in wurde nicht gefunden.');
    expect(notFound('templateVersion', { version: 3, id: 'referral' }).message).toBe('Die Version 3 der Vorlage „referral“ wurde nicht gefunden.');
    expect(new DomainError('conflict', { key: 'consents.alreadySigned', params: { signedOn: '2026-05-02' } }).message).toBe(
      'Diese Einwilligung ist bereits seit 2026-05-02 unterschrieben.',
    );
    const refused = invalid({ birthDate: { key: 'clients.birthDateInFuture' } });
    expect(refused).toMatchObject({
      code: 'invalid_input',
      message: 'Bitte die Eingaben prüfen.',
      fields: { birthDate: 'Das Geburtsdatum liegt in der Zukunft.' },
    });
  });

  it('carry their key and params to the API beside the German text', () => {
    const error = new DomainError(
      'conflict',
      { key: 'templates.changedMeanwhile', params: { current: 4, edited: 3 } },
      { title: { key: 'templates.notALetter' } },
    );
    expect(error.toApiError()).toEqual({
      code: 'conflict',
      message: 'Die Vorlage wurde inzwischen geändert (jetzt Version 4, bearbeitet wurde Version 3). Bitte neu laden und die Änderung erneut eintragen.',
      key: 'templates.changedMeanwhile',
      params: { current: 4, edited: 3 },
      fields: { title: 'Diese Vorlage ist kein Brief.' },
      fieldIssues: { title: { key: 'templates.notALetter' } },
    });
  });

  it('word a document’s values as before, with where and what as key and params', async () => {
    const { core, dispose } = openTestCore();
    try {
      const client = await callOk<{ id: string }>(core, 'clients.create', SAMPLE_CLIENT);
      const letter = await callOk<{ id: string }>(core, 'documents.create', { templateId: 'free-letter', clientId: client.id, partnerId: null, values: {} });
      const unfinished = errorOf(await dispatch(core, 'documents.finalize', { id: letter.id }));
      expect(unfinished).toMatchObject({
        code: 'invalid_input',
        message: 'Bitte die Eingaben prüfen.',
        key: 'common.checkInput',
        fields: { 'values.subject': 'Betreff: Bitte ausfüllen.' },
        fieldIssues: { 'values.subject': { key: 'formValues.atField', params: { label: 'Betreff', problem: { key: 'input.required' } } } },
      });
      const costs = await callOk<{ id: string }>(core, 'documents.create', {
        templateId: 'recognition-cost-application',
        clientId: client.id,
        partnerId: null,
        values: {},
      });
      const cell = 'values.costLines.0.amount';
      const wrongAmount = errorOf(await dispatch(core, 'documents.update', { id: costs.id, values: { costLines: [{ kind: 'Gebühr', amount: '12,50' }] } }));
      expect(wrongAmount.fields?.[cell]).toBe('Kostenaufstellung, Zeile 1, Betrag: Bitte einen Betrag in Euro angeben (höchstens zwei Nachkommastellen).');
      expect(wrongAmount.fieldIssues?.[cell]).toEqual({
        key: 'formValues.atCell',
        params: { label: 'Kostenaufstellung', row: 1, column: 'Betrag', problem: { key: 'formValues.amount' } },
      });
    } finally {
      dispose();
    }
  });
});

describe('issueMessage', () => {
  const issuesOf = (schema: z.ZodType, input: unknown) => schema.safeParse(input, { reportInput: true }).error?.issues ?? [];

  it('names the limit a value broke', () => {
    expect(issuesOf(z.string().max(3), 'abcd').map(issueMessage)).toEqual([{ key: 'input.maxLength', params: { maximum: 3 } }]);
    expect(issuesOf(z.string().min(4), 'ab').map(issueMessage)).toEqual([{ key: 'input.minLength', params: { minimum: 4 } }]);
    expect(issuesOf(z.array(z.string()).min(2), ['a']).map(issueMessage)).toEqual([{ key: 'input.minEntries', params: { minimum: 2 } }]);
    expect(issuesOf(z.number().max(10), 11).map(issueMessage)).toEqual([{ key: 'input.maxValue', params: { maximum: 10 } }]);
  });

  it('tells an empty field from a wrong one, and reads the contract’s own rules by their key', () => {
    const issues = issuesOf(ClientInputSchema, { familyName: ' ', givenName: 42, address: { postalCode: '123' }, email: 'x@' });
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path.join('.'), issueMessage(issue)]));
    expect(byPath).toMatchObject({
      familyName: { key: 'input.required' },
      givenName: { key: 'input.wrongType' },
      'address.postalCode': { key: 'input.postalCode' },
      email: { key: 'input.email' },
    });
    expect(issuesOf(z.object({ name: z.string() }), {}).map(issueMessage)).toEqual([{ key: 'input.required' }]);
  });

  it('names the keys a schema does not know, one message per key at its own path', () => {
    const [issue] = issuesOf(z.object({ address: z.object({ street: z.string() }).strict() }), { address: { street: 'x', strasse: 1, ort: 2 } });
    expect(germanText(issueMessage(issue!))).toBe('Unbekannte Felder strasse, ort: bitte nur die vorgesehenen Felder senden.');
    expect(issueFields(issue!).map(([path, message]) => [path, germanText(message)])).toEqual([
      ['address.strasse', 'Unbekanntes Feld „strasse“: bitte nur die vorgesehenen Felder senden.'],
      ['address.ort', 'Unbekanntes Feld „ort“: bitte nur die vorgesehenen Felder senden.'],
    ]);
  });
});
