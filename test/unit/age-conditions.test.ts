import { describe, expect, it } from 'vitest';
import { ageOn } from '../../shared/domain/age';
import { BUILT_IN_FORMS, FormDefinitionError, loadFormDefinition, type AgeCondition, type FormDefinition } from '../../shared/forms/index';
import { ageLimitNotes, conditionHolds, isFieldShown, type FormValues } from '../../shared/forms/values';

/**
 * Age limits as conditions of a form (a legal limit is the form's wording,
 * not code): the § 104c checklist offers its § 25a items only while the
 * person is young enough, counted on the application date or else on the
 * day of the check, and says why it hides them.
 */

const UNDER_27: AgeCondition = { field: 'birthDate', youngerThan: 27, on: ['filedOn', 'checkedOn'], reason: 'nur vor dem 27. Geburtstag' };

function checklist(): FormDefinition {
  const form = BUILT_IN_FORMS['residence-104c-checklist'];
  if (!form) throw new Error('no checklist');
  return form;
}

/** Whether anything of the § 25a path is shown: its criteria sections and the § 25a blocks of shared criteria. */
function shown25a(values: FormValues): string[] {
  const form = checklist();
  return form.sections.flatMap((section) =>
    section.fields
      .filter((field) => field.id.endsWith('25a') || section.title.startsWith('§ 25a'))
      .filter((field) => isFieldShown(section, field, values))
      .map((field) => field.id),
  );
}

function loadError(source: unknown): string {
  try {
    loadFormDefinition(source);
  } catch (error) {
    if (error instanceof FormDefinitionError) return error.message;
    throw error;
  }
  throw new Error('loaded without complaint');
}

describe('ageOn', () => {
  it('counts completed years, one more from the birthday on', () => {
    expect(ageOn('1999-12-03', '2026-12-02')).toBe(26);
    expect(ageOn('1999-12-03', '2026-12-03')).toBe(27);
    expect(ageOn('1999-12-03', '2027-01-01')).toBe(27);
    expect(ageOn('2026-12-02', '2026-12-02')).toBe(0);
  });

  it('lets someone born on 29 February complete a year on 1 March in other years', () => {
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
    expect(ageOn('2000-02-29', '2027-03-01')).toBe(27);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });
});

describe('an age condition', () => {
  it('holds before the limiting birthday and not from it on', () => {
    expect(conditionHolds(UNDER_27, { birthDate: '1999-12-03', filedOn: '', checkedOn: '2026-12-02' })).toBe(true);
    expect(conditionHolds(UNDER_27, { birthDate: '1999-12-03', filedOn: '', checkedOn: '2026-12-03' })).toBe(false);
  });

  it('counts on the first filled date: an application filed in time keeps the path open', () => {
    expect(conditionHolds(UNDER_27, { birthDate: '1990-01-01', filedOn: '2016-06-01', checkedOn: '2026-12-02' })).toBe(true);
    expect(conditionHolds(UNDER_27, { birthDate: '1990-01-01', filedOn: '2026-06-01', checkedOn: '2016-12-02' })).toBe(false);
  });

  it('hides nothing on a guess: without a birth date or a date to count on it holds', () => {
    expect(conditionHolds(UNDER_27, { birthDate: '', filedOn: '', checkedOn: '2026-12-02' })).toBe(true);
    expect(conditionHolds(UNDER_27, { birthDate: '1950-01-01', filedOn: '', checkedOn: '' })).toBe(true);
  });
});

describe('the § 104c checklist', () => {
  const young: FormValues = { birthDate: '2006-05-01', applicationFiledOn: '', checkedOn: '2026-12-02' };
  const older: FormValues = { birthDate: '1995-05-01', applicationFiledOn: '', checkedOn: '2026-12-02' };

  it('carries its age limit in the definition, on the birth date, counted on the application date or else the check', () => {
    const sections = checklist().sections.filter((section) => section.showIf && 'youngerThan' in section.showIf);
    expect(sections.map((section) => section.id)).toEqual(['toleration', 'schooling']);
    expect(sections[0]?.showIf).toMatchObject({ field: 'birthDate', youngerThan: 27, on: ['applicationFiledOn', 'checkedOn'] });
  });

  it('offers the § 25a criteria and wording to a 20-year-old', () => {
    expect(shown25a(young)).toEqual([
      'priorResidenceCriterion25a',
      'tolerationCriterion',
      'tolerationStatus',
      'tolerationProof',
      'tolerationNextStep',
      'tolerationResponsible',
      'tolerationDue',
      'schoolingCriterion',
      'schoolingStatus',
      'schoolingProof',
      'schoolingNextStep',
      'schoolingResponsible',
      'schoolingDue',
      'livelihoodCriterion25a',
      'basicOrderCriterion25a',
      'deceptionCriterion25a',
    ]);
    expect(ageLimitNotes(checklist(), young)).toEqual([]);
  });

  it('offers none of them to a 31-year-old and says why, naming the sections', () => {
    expect(shown25a(older)).toEqual([]);
    const shownIds = checklist()
      .sections.flatMap((section) => section.fields.filter((field) => isFieldShown(section, field, older)))
      .map((field) => field.id);
    expect(shownIds).toContain('ageCriterion');
    expect(shownIds).toContain('priorResidenceCriterion');
    expect(ageLimitNotes(checklist(), older)).toEqual([
      {
        reason: '§ 25a AufenthG nur bei Antrag vor dem 27. Geburtstag',
        age: 31,
        on: '2026-12-02',
        sections: [
          'Voraufenthalt',
          '§ 25a: Duldung oder § 104c',
          '§ 25a: Schule oder Abschluss',
          'Lebensunterhalt',
          'Freiheitliche demokratische Grundordnung',
          'Keine Täuschung',
        ],
      },
    ]);
  });
});

describe('loading an age condition', () => {
  function withCondition(condition: AgeCondition): FormDefinition {
    const copy = structuredClone(checklist());
    const section = copy.sections.find((entry) => entry.id === 'toleration');
    if (!section) throw new Error('no toleration section');
    section.showIf = condition;
    return copy;
  }

  it('refuses a birth date or counting date that is not a date field, naming the section and the field', () => {
    const message = loadError(withCondition({ ...UNDER_27, field: 'clientName', on: ['checkedOn'] }));
    expect(message).toContain('toleration');
    expect(message).toContain('„clientName“ ist vom Typ „text“');
    expect(loadError(withCondition({ ...UNDER_27, field: 'birthDate', on: ['checkedBy'] }))).toContain('„checkedBy“ ist vom Typ „text“');
  });

  it('refuses a counting date the form lacks', () => {
    expect(loadError(withCondition({ ...UNDER_27, field: 'birthDate', on: ['filedOn'] }))).toContain('„filedOn“, das es nicht gibt');
  });

  it('refuses an age limit without a reason to show', () => {
    const copy = withCondition({ ...UNDER_27, field: 'birthDate', on: ['checkedOn'] }) as unknown as {
      sections: Array<{ id: string; showIf?: Record<string, unknown> }>;
    };
    const section = copy.sections.find((entry) => entry.id === 'toleration');
    delete section?.showIf?.reason;
    expect(() => loadFormDefinition(copy)).toThrow(FormDefinitionError);
  });
});
