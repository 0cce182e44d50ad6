import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES, LANGUAGES, languageCodeOf } from '../../shared/domain/languages';
import { BUILT_IN_FORMS, FormDefinitionError, loadFormDefinition, type FormDefinition } from '../../shared/forms';
import { unknownPlaceholders } from '../../shared/forms/load';
import { placeholdersIn } from '../../shared/forms/placeholders';
import { nameInOwnScript } from '../../shared/forms/prefill';
import { translatableBlocks, translatableLabels } from '../../shared/forms/translation-keys';

/**
 * Translations are template data (issue 17): the shipped ones load as the
 * definitions do, translate every block and every label the print shows,
 * keep their placeholders, and are marked ungeprüft.
 */

const BILINGUAL = ['consent-data-transfer', 'appointment-invitation', 'data-processing-information'];
const SHIPPED_LANGUAGES = ['ar', 'fa', 'uk', 'ru', 'tr', 'en'];

const form = (id: string): FormDefinition => BUILT_IN_FORMS[id]!;

describe('languages', () => {
  it('knows at least the languages of the people counselled in Düren, each with its names and direction', () => {
    for (const code of ['ar', 'fa', 'ps', 'ckb', 'kmr', 'ti', 'am', 'ka', 'hy', 'uk', 'ru', 'tr', 'en', 'fr', 'so', 'sq', 'ro', 'bg', 'pl', 'es']) {
      expect(LANGUAGE_CODES).toContain(code);
    }
    for (const code of LANGUAGE_CODES) {
      const info = LANGUAGES[code];
      expect(info.code).toBe(code);
      expect(info.german.trim()).not.toBe('');
      expect(info.native.trim()).not.toBe('');
    }
    expect(['ar', 'fa', 'ps', 'ckb'].map((code) => LANGUAGES[code as 'ar'].direction)).toEqual(['rtl', 'rtl', 'rtl', 'rtl']);
    expect(LANGUAGES.uk.direction).toBe('ltr');
  });

  it('reads the code from the free text a client record holds', () => {
    expect(languageCodeOf('Persisch (Dari)')).toBe('fa');
    expect(languageCodeOf('Farsi')).toBe('fa');
    expect(languageCodeOf('dari')).toBe('fa');
    expect(languageCodeOf('فارسی')).toBe('fa');
    expect(languageCodeOf('Arabisch')).toBe('ar');
    expect(languageCodeOf('  ARABISCH (syrischer Dialekt) ')).toBe('ar');
    expect(languageCodeOf('العربية')).toBe('ar');
    expect(languageCodeOf('Türkisch')).toBe('tr');
    expect(languageCodeOf('Turkisch')).toBe('tr');
    expect(languageCodeOf('Українська')).toBe('uk');
    expect(languageCodeOf('Russisch')).toBe('ru');
    expect(languageCodeOf('Tigrinya')).toBe('ti');
    expect(languageCodeOf('Kurdisch (Sorani)')).toBe('ckb');
    expect(languageCodeOf('Kurmanci')).toBe('kmr');
    expect(languageCodeOf('Georgisch')).toBe('ka');
    expect(languageCodeOf('fa')).toBe('fa');
    // A code only as the whole text: "am" and "es" in a sentence are no language.
    expect(languageCodeOf('Deutsch am Arbeitsplatz')).toBeNull();
    expect(languageCodeOf('Klingonisch')).toBeNull();
    expect(languageCodeOf('')).toBeNull();
  });
});

describe('names in own script', () => {
  it('takes the first other name written in a script other than Latin', () => {
    expect(nameInOwnScript({ otherNames: ['Mahmud Hadad', 'محمود حداد', 'Махмуд'] })).toBe('محمود حداد');
    expect(nameInOwnScript({ otherNames: ['Олена Коваленко'] })).toBe('Олена Коваленко');
    expect(nameInOwnScript({ otherNames: ['Şükrü Öztürk', 'Nguyễn'] })).toBe('');
    expect(nameInOwnScript({ otherNames: [] })).toBe('');
  });
});

describe('shipped translations', () => {
  it('ship for the consent form, the invitation and the Art. 13 sheet in Arabic, Persian, Ukrainian, Russian, Turkish and English, all ungeprüft', () => {
    for (const id of BILINGUAL) {
      expect(Object.keys(form(id).translations ?? {}).sort(), id).toEqual([...SHIPPED_LANGUAGES].sort());
      for (const translation of Object.values(form(id).translations ?? {})) expect(translation.review).toBeNull();
    }
  });

  for (const id of BILINGUAL) {
    for (const language of SHIPPED_LANGUAGES) {
      it(`${id} in ${language}: every block and every printed label translated, placeholders kept`, () => {
        const definition = form(id);
        const translation = definition.translations![language as 'ar']!;
        expect(translation.title.trim()).not.toBe('');
        expect(translation.bindingNote.trim()).not.toBe('');
        for (const block of translatableBlocks(definition)) {
          const own = translation.blocks[block.id];
          expect(own?.text.trim(), `${id}.${language}: block ${block.id}`).toBeTruthy();
          expect(own?.stand).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          // The same placeholders as the German, none that names nothing.
          expect(placeholdersIn(own!.text).sort(), `${id}.${language}: placeholders of ${block.id}`).toEqual(placeholdersIn(block.german).sort());
          expect(unknownPlaceholders(definition, own!.text)).toEqual([]);
        }
        for (const label of translatableLabels(definition).filter((entry) => entry.printed)) {
          expect(translation.labels[label.key]?.trim(), `${id}.${language}: label ${label.key} („${label.german}“)`).toBeTruthy();
        }
        if (definition.letter) {
          expect(translation.letter, `${id}.${language}: letter parts`).toBeDefined();
          expect(placeholdersIn(translation.letter!.subject).sort()).toEqual(placeholdersIn(definition.letter.subject).sort());
        }
      });
    }
  }

  it('refuses a translation of something the form does not have, or with a placeholder that names nothing, naming the template', () => {
    const consent = form('consent-data-transfer');
    const uk = consent.translations!.uk!;
    const broken = (translation: object) => () => loadFormDefinition({ ...consent, translations: { uk: { ...uk, ...translation } } });
    expect(broken({ labels: { ...uk.labels, noSuchField: 'x' } })).toThrow(/Einwilligung.*Übersetzung uk.*noSuchField/s);
    expect(broken({ blocks: { ...uk.blocks, noSuchBlock: { text: 'x', stand: '2026-11-01' } } })).toThrow(/Übersetzung uk.*noSuchBlock/s);
    expect(broken({ blocks: { ...uk.blocks, voluntaryText: { text: 'Привіт {{client.password}}', stand: '2026-11-01' } } })).toThrow(
      /\{\{client\.password\}\}/,
    );
    expect(broken({ letter: { subject: 'x', salutation: 'y', closing: 'z' } })).toThrow(FormDefinitionError);
  });
});
