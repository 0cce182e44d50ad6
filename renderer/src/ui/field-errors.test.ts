import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../api/api-call-error';
import { pathsToFormRows, withoutRow } from './field-errors';

const refused = (fields: Record<string, string>) => new ApiCallError({ code: 'invalid_input', message: 'Bitte die Eingaben prüfen.', fields });

describe('row messages', () => {
  it('leads messages about sent rows back to the form rows', () => {
    const mapped = pathsToFormRows(refused({ 'languages.0.language': 'Bitte ausfüllen.', familyName: 'Bitte ausfüllen.' }), { languages: [2] });
    expect(mapped).toMatchObject({ code: 'invalid_input', fields: { 'languages.2.language': 'Bitte ausfüllen.', familyName: 'Bitte ausfüllen.' } });
  });

  it('drops the messages of a removed row and moves those below it up', () => {
    const after = withoutRow(refused({ 'otherNames.0': 'a', 'otherNames.1': 'b', 'otherNames.2': 'c', otherNames: 'd' }), 'otherNames', 1);
    expect(after).toMatchObject({ fields: { 'otherNames.0': 'a', 'otherNames.1': 'c', otherNames: 'd' } });
  });

  it('leaves other errors alone', () => {
    const error = new Error('x');
    expect(pathsToFormRows(error, {})).toBe(error);
    expect(withoutRow(null, 'a', 0)).toBeNull();
  });
});
