import { describe, expect, it } from 'vitest';
import { ownScriptNames } from '../../ui/format';
import { translationDraft, translationEdit, translationInputId, translationParts, translationUpdate } from './translation-edit';
import { sampleTemplate } from './sample-template';

const form = sampleTemplate;

describe('translation edits', () => {
  it('pairs every translatable part with its German, in page order, under the paths templates.update takes', () => {
    expect(translationParts(form).map((part) => [part.path, part.german])).toEqual([
      ['title', 'Beispiel'],
      ['letter.subject', '{{subject}}'],
      ['letter.salutation', 'Guten Tag,'],
      ['letter.closing', 'Mit freundlichen Grüßen'],
      ['labels.main', 'Angaben'],
      ['labels.subject', 'Betreff'],
      ['labels.kind', 'Art'],
      ['labels.kind.a', 'A'],
      ['labels.costs', 'Kosten'],
      ['labels.costs.amount', 'Betrag'],
      ['labels.privacy', 'Datenschutz'],
      ['blocks.privacy', 'Ihre Daten …'],
    ]);
    expect(translationInputId('blocks.privacy')).toBe('tr-blocks-privacy');
  });

  it('starts from the stored translation, or empty with today’s Stand, and sends only what is filled in', () => {
    const empty = translationDraft(form, undefined, '2026-12-03');
    expect(empty.texts.title).toBe('');
    expect(empty.stands['blocks.privacy']).toBe('2026-12-03');
    expect(empty.checked).toBe(false);

    const stored = translationDraft(form, {
      title: 'مثال',
      labels: { main: 'اطلاعات', 'kind.a': 'الف' },
      blocks: { privacy: { text: 'داده‌های شما …', stand: '2026-11-01' } },
      letter: { subject: '{{subject}}', salutation: 'سلام،', closing: 'با احترام' },
      bindingNote: 'ترجمه – متن آلمانی معتبر است',
      review: { checkedBy: 'Erika Mustermann', checkedOn: '2026-12-01' },
    });
    expect(stored.texts['labels.kind.a']).toBe('الف');
    expect(stored.texts['letter.salutation']).toBe('سلام،');
    expect(stored.stands['blocks.privacy']).toBe('2026-11-01');
    expect(stored.checked).toBe(true);

    const edit = translationEdit(form, { ...stored, texts: { ...stored.texts, 'labels.main': '  ' }, checked: false });
    expect(edit).toEqual({
      title: 'مثال',
      labels: { 'kind.a': 'الف' },
      blocks: { privacy: { text: 'داده‌های شما …', stand: '2026-11-01' } },
      letter: { subject: '{{subject}}', salutation: 'سلام،', closing: 'با احترام' },
      bindingNote: 'ترجمه – متن آلمانی معتبر است',
      checked: false,
    });
    expect(translationEdit(form, empty)).not.toHaveProperty('letter');
    expect(translationUpdate('sample', 3, 'fa', edit)).toEqual({ id: 'sample', baseVersion: 3, labels: {}, blocks: {}, translations: { fa: edit } });
  });
});

describe('names in their own script', () => {
  it('are the other names with letters of a script other than Latin', () => {
    expect(ownScriptNames(['Mueller', 'Nguyễn', 'محمود حداد', 'Иванова', 'ትግርኛ', 'ქართული', 'Zyxwäbcq'])).toEqual(['محمود حداد', 'Иванова', 'ትግርኛ', 'ქართული']);
  });
});
