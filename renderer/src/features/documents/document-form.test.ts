import { describe, expect, it } from 'vitest';
import { inputFieldsOf } from '../../../../shared/forms/definition';
import { loadFormDefinition } from '../../../../shared/forms/load';
import { editorValues, inputIdOfPath, messageAtField, partnerFollowingFields, pathsInFormOrder, shownErrors, withoutFieldErrors } from './document-form';

const form = loadFormDefinition({
  id: 'sample',
  version: 1,
  title: 'Beispiel',
  layout: 'form',
  recipient: 'partner',
  sections: [
    {
      id: 'main',
      title: 'Angaben',
      fields: [
        { id: 'name', type: 'text', label: 'Name', required: true },
        { id: 'partnerAddress', type: 'text', label: 'Anschrift der Stelle', prefill: 'partner.addressLine' },
        { id: 'fields', type: 'multiselect', label: 'Felder', options: [{ value: 'a', label: 'A' }] },
        { id: 'urgent', type: 'checkbox', label: 'Eilig' },
        { id: 'until', type: 'date', label: 'Bis', showIf: { field: 'urgent', equals: true } },
        { id: 'costs', type: 'lines', label: 'Kosten', columns: [{ id: 'amount', type: 'money', label: 'Betrag' }] },
        { id: 'total', type: 'money', label: 'Summe', sumOf: { field: 'costs', column: 'amount' } },
      ],
    },
  ],
});

describe('document editor helpers', () => {
  it('fills fields the stored values lack with blanks', () => {
    const values = editorValues(form, { name: 'Anna', costs: [{ amount: 100 }] });
    expect(values).toEqual({ name: 'Anna', partnerAddress: '', fields: [], urgent: false, until: '', costs: [{ amount: 100 }], total: null });
  });

  it('finds the input of a core path', () => {
    expect(inputIdOfPath(form, 'values.name')).toBe('doc-field-name');
    expect(inputIdOfPath(form, 'values.fields')).toBe('doc-field-fields-group');
    expect(inputIdOfPath(form, 'values.costs.1.amount')).toBe('doc-field-costs-1-amount');
    expect(inputIdOfPath(form, 'values.costs')).toBe('doc-field-costs-group');
    expect(inputIdOfPath(form, 'values.nothing')).toBeNull();
    expect(inputIdOfPath(form, 'partnerId')).toBeNull();
  });

  it('orders messages as the form shows its fields', () => {
    const errors = { 'values.costs.0.amount': 'x', 'values.name': 'y', 'values.fields': 'z' };
    expect(pathsInFormOrder(form, errors)).toEqual(['values.name', 'values.fields', 'values.costs.0.amount']);
  });

  it('says a message without repeating the label beside the input', () => {
    const fields = inputFieldsOf(form);
    const name = fields.find((field) => field.id === 'name')!;
    const costs = fields.find((field) => field.type === 'lines')!;
    expect(messageAtField('Name: Bitte ausfüllen.', name)).toBe('Bitte ausfüllen.');
    expect(messageAtField('Etwas anderes.', name)).toBe('Etwas anderes.');
    const column = costs.type === 'lines' ? costs.columns[0] : undefined;
    expect(messageAtField('Kosten, Zeile 2, Betrag: Der Betrag darf nicht negativ sein.', costs, 1, column)).toBe('Der Betrag darf nicht negativ sein.');
    expect(messageAtField(undefined, name)).toBeUndefined();
  });

  it('drops messages of hidden fields and of a changed field', () => {
    const values = editorValues(form, {});
    expect(shownErrors(form, values, { 'values.until': 'x', 'values.name': 'y' })).toEqual({ 'values.name': 'y' });
    expect(withoutFieldErrors({ 'values.costs.0.amount': 'a', 'values.costs': 'b', 'values.costsNote': 'c' }, 'costs')).toEqual({ 'values.costsNote': 'c' });
  });

  it('knows which fields follow the recipient', () => {
    expect(partnerFollowingFields(form)).toEqual(['partnerAddress']);
  });
});
