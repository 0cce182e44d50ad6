import type { FormDefinitionSource } from './definition';

/** Date of the legal state the wording below describes (⚖, DOMAIN.md). */
const STAND = '2026-11-01';

type Section = FormDefinitionSource['sections'][number];
type Condition = NonNullable<Section['showIf']>;

/**
 * § 25a AufenthG is open only to young people: the application must be made
 * before the 27th birthday (§ 25a Abs. 1 Satz 1 Nr. 3). Counted on the day
 * the application was filed, else on the day of the check. Its criteria are
 * offered only while the person is young enough.
 */
const YOUNG_ENOUGH_FOR_25A: Condition = {
  field: 'birthDate',
  youngerThan: 27,
  on: ['applicationFiledOn', 'checkedOn'],
  reason: '§ 25a AufenthG nur bei Antrag vor dem 27. Geburtstag',
};

/**
 * One criterion of the checklist: its legal wording (⚖) and what the
 * counselor records about it: erfüllt / offen / Ausnahme, the proving
 * document, the next step, who does it, by when. Field ids are
 * `<id>Criterion`, `<id>Status`, `<id>Proof`, `<id>NextStep`,
 * `<id>Responsible`, `<id>Due`; the § 25a wording of a criterion that
 * applies to both paths is its own block, `<id>Criterion25a`, shown only
 * while the age allows § 25a. A criterion of § 25a alone is shown only then.
 */
function criterion({ id, title, text, textFor25a }: Criterion): Section {
  const only25a = text === undefined;
  return {
    id,
    title,
    ...(only25a ? { showIf: YOUNG_ENOUGH_FOR_25A } : {}),
    fields: [
      { id: `${id}Criterion`, type: 'block', label: title, text: text ?? textFor25a ?? '', stand: STAND },
      ...(textFor25a !== undefined && !only25a
        ? [{ id: `${id}Criterion25a`, type: 'block' as const, label: `${title}: § 25a`, text: textFor25a, stand: STAND, showIf: YOUNG_ENOUGH_FOR_25A }]
        : []),
      {
        id: `${id}Status`,
        type: 'select',
        label: 'Status',
        options: [
          { value: 'erfuellt', label: 'erfüllt' },
          { value: 'offen', label: 'offen' },
          { value: 'ausnahme', label: 'Ausnahme' },
        ],
      },
      { id: `${id}Proof`, type: 'text', label: 'Nachweis', help: 'Das Dokument, das die Voraussetzung belegt.', max: 300 },
      { id: `${id}NextStep`, type: 'text', label: 'Nächster Schritt', max: 500 },
      {
        id: `${id}Responsible`,
        type: 'text',
        label: 'Zuständig',
        help: 'Wer den nächsten Schritt erledigt, z. B. die Person selbst, Beratung, Ausländerbehörde.',
        max: 200,
      },
      { id: `${id}Due`, type: 'date', label: 'Bis' },
    ],
  };
}

/** A criterion's wording for both paths (`text`), for § 25a only (`textFor25a`), or both. */
interface Criterion {
  id: string;
  title: string;
  text?: string;
  textFor25a?: string;
}

/** The criteria of DOMAIN.md, built-in form 5, in the order a counselor checks them. */
export const RESIDENCE_104C_CRITERIA: readonly Criterion[] = [
  {
    id: 'age',
    title: 'Alter',
    text:
      'Eine Aufenthaltserlaubnis nach § 25a AufenthG (gut integrierte Jugendliche und junge Volljährige) setzt voraus, dass der Antrag vor Vollendung des 27. Lebensjahres gestellt wird (§ 25a Abs. 1 Satz 1 Nr. 3 AufenthG). ' +
      'Ist die Person älter, kommt § 25b AufenthG in Betracht.',
  },
  {
    id: 'priorResidence',
    title: 'Voraufenthalt',
    text: '§ 25b: seit mindestens sechs Jahren, bei Zusammenleben mit einem minderjährigen ledigen Kind seit mindestens vier Jahren, ununterbrochen geduldet, gestattet oder mit einer Aufenthaltserlaubnis im Bundesgebiet (§ 25b Abs. 1 Satz 2 Nr. 1 AufenthG).',
    textFor25a:
      '§ 25a: seit drei Jahren ununterbrochen erlaubt, geduldet oder mit einer Aufenthaltsgestattung im Bundesgebiet (§ 25a Abs. 1 Satz 1 Nr. 1 AufenthG).',
  },
  {
    id: 'toleration',
    title: '§ 25a: Duldung oder § 104c',
    textFor25a:
      '§ 25a setzt voraus, dass die Person eine Aufenthaltserlaubnis nach § 104c AufenthG besitzt oder seit mindestens zwölf Monaten geduldet ist (§ 25a Abs. 1 Satz 1 AufenthG).',
  },
  {
    id: 'schooling',
    title: '§ 25a: Schule oder Abschluss',
    textFor25a:
      '§ 25a: im Bundesgebiet in der Regel seit drei Jahren erfolgreicher Schulbesuch oder ein anerkannter Schul- oder Berufsabschluss (§ 25a Abs. 1 Satz 1 Nr. 2 AufenthG). ' +
      'Davon wird abgesehen, wenn die Person die Voraussetzung wegen Krankheit oder Behinderung nicht erfüllen kann.',
  },
  {
    id: 'identity',
    title: 'Identität und Pass',
    text:
      'Die Identität ist geklärt und ein gültiger Pass oder Passersatz liegt vor (§ 3, § 5 Abs. 1 Nr. 1a und Nr. 4 AufenthG), ' +
      'oder die Person hat alle zumutbaren Schritte zur Passbeschaffung nachweislich unternommen (z. B. Vorsprache bei der Botschaft, Schriftverkehr, Anträge im Herkunftsland).',
  },
  {
    id: 'livelihood',
    title: 'Lebensunterhalt',
    text:
      '§ 25b: Der Lebensunterhalt ist überwiegend (zu mindestens 51 %) durch Erwerbstätigkeit gesichert, oder nach der bisherigen Schul-, Ausbildungs-, Einkommens- und familiären Situation ist zu erwarten, dass er gesichert wird (§ 25b Abs. 1 Satz 2 Nr. 3 AufenthG). ' +
      'Ausnahme: Die Person kann die Voraussetzung wegen Krankheit, Behinderung oder aus Altersgründen nicht erfüllen (§ 25b Abs. 3 AufenthG).',
    textFor25a:
      '§ 25a: Während einer schulischen oder beruflichen Ausbildung oder eines Studiums steht der Bezug öffentlicher Leistungen nicht entgegen (§ 25a Abs. 1 Satz 2 AufenthG).',
  },
  {
    id: 'germanA2',
    title: 'Deutschkenntnisse A2',
    text: '§ 25b: hinreichende mündliche Deutschkenntnisse auf dem Niveau A2 des Gemeinsamen Europäischen Referenzrahmens (§ 25b Abs. 1 Satz 2 Nr. 4 AufenthG), in der Regel nachgewiesen durch ein Sprachzertifikat.',
  },
  {
    id: 'civicKnowledge',
    title: 'Leben in Deutschland',
    text:
      '§ 25b: Grundkenntnisse der Rechts- und Gesellschaftsordnung und der Lebensverhältnisse im Bundesgebiet (§ 25b Abs. 1 Satz 2 Nr. 2 AufenthG), ' +
      'nachgewiesen z. B. durch den Test „Leben in Deutschland“ oder das Zertifikat Integrationskurs.',
  },
  {
    id: 'childrenSchool',
    title: 'Schulbesuch der Kinder',
    text: '§ 25b: Bei Kindern im schulpflichtigen Alter ist der tatsächliche Schulbesuch nachgewiesen (§ 25b Abs. 1 Satz 2 Nr. 5 AufenthG), z. B. durch Schulbescheinigungen.',
  },
  {
    id: 'basicOrder',
    title: 'Freiheitliche demokratische Grundordnung',
    text: '§ 25b: schriftliches Bekenntnis zur freiheitlichen demokratischen Grundordnung (§ 25b Abs. 1 Satz 2 Nr. 2 AufenthG), in der Regel auf dem Vordruck der Ausländerbehörde.',
    textFor25a: '§ 25a: Es bestehen keine konkreten Anhaltspunkte, dass die Person sich nicht zu ihr bekennt (§ 25a Abs. 1 Satz 1 Nr. 5 AufenthG).',
  },
  {
    id: 'convictions',
    title: 'Straftaten',
    text:
      'Keine Verurteilung wegen einer vorsätzlichen Straftat. Geldstrafen von insgesamt bis zu 50 Tagessätzen, oder bis zu 90 Tagessätzen bei Straftaten, die nach dem Aufenthalts- oder Asylgesetz nur von Ausländerinnen und Ausländern begangen werden können, bleiben in der Regel außer Betracht. ' +
      'Ein Ausweisungsinteresse nach § 54 Abs. 1 oder Abs. 2 Nr. 1 und 2 AufenthG steht § 25b entgegen (§ 25b Abs. 2 Nr. 2 AufenthG).',
  },
  {
    id: 'deception',
    title: 'Keine Täuschung',
    text: 'Die Aufenthaltsbeendigung wurde nicht durch vorsätzlich falsche Angaben, Täuschung über Identität oder Staatsangehörigkeit oder fehlende zumutbare Mitwirkung verhindert oder verzögert (§ 25b Abs. 2 Nr. 1 AufenthG).',
    textFor25a:
      '§ 25a: Die Abschiebung ist nicht wegen eigener falscher Angaben oder Täuschung über Identität oder Staatsangehörigkeit ausgesetzt (§ 25a Abs. 1 Satz 3 AufenthG).',
  },
];

/**
 * Checklist for holders of a § 104c residence permit (Chancen-Aufenthaltsrecht)
 * on the way to § 25a or § 25b AufenthG (DOMAIN.md, built-in form 5). A
 * working aid for the counselor, kept in the client's file.
 */
export const residence104cChecklist: FormDefinitionSource = {
  id: 'residence-104c-checklist',
  version: 1,
  title: 'Checkliste § 104c zu § 25a / § 25b AufenthG',
  description:
    'Voraussetzungen für den Übergang vom Chancen-Aufenthaltsrecht in eine Aufenthaltserlaubnis nach § 25a oder § 25b AufenthG, je Voraussetzung mit Nachweis, nächstem Schritt und Frist.',
  layout: 'form',
  recipient: 'none',
  // The next step when a § 104c permit runs out (deadlines.list).
  residenceStatuses: ['p104c'],
  sections: [
    {
      id: 'person',
      title: 'Person und Aufenthalt',
      fields: [
        { id: 'clientName', type: 'text', label: 'Name', required: true, max: 200, prefill: 'client.fullName', personal: 'identity' },
        { id: 'birthDate', type: 'date', label: 'Geburtsdatum', prefill: 'client.birthDate', personal: 'identity' },
        { id: 'residenceStatus', type: 'text', label: 'Aufenthaltsstatus', max: 200, prefill: 'client.residenceStatus', personal: 'residence' },
        { id: 'residenceValidUntil', type: 'date', label: 'Gültig bis', prefill: 'client.residenceValidUntil', personal: 'residence' },
        {
          id: 'targetTitle',
          type: 'select',
          label: 'Angestrebt',
          options: [
            { value: 'p25a', label: '§ 25a AufenthG' },
            { value: 'p25b', label: '§ 25b AufenthG' },
            { value: 'open', label: 'noch offen' },
          ],
        },
        { id: 'applicationFiledOn', type: 'date', label: 'Antrag gestellt am', help: 'Datum des Antrags auf § 25a oder § 25b bei der Ausländerbehörde.' },
        {
          id: 'expiryReminder',
          type: 'block',
          label: 'Antrag vor Ablauf stellen',
          text:
            'Die Aufenthaltserlaubnis nach § 104c AufenthG gilt 18 Monate und kann nicht verlängert werden; neue Anträge nach § 104c sind seit dem 01.01.2026 nicht mehr möglich. ' +
            'Der Antrag auf eine Aufenthaltserlaubnis nach § 25a oder § 25b AufenthG muss vor Ablauf der Erlaubnis gestellt werden. Nur dann gilt der bisherige Aufenthaltstitel bis zur Entscheidung als fortbestehend (Fiktionswirkung, § 81 Abs. 4 AufenthG).',
          stand: STAND,
        },
        {
          id: 'disclaimer',
          type: 'block',
          label: 'Hinweis',
          text:
            'Diese Checkliste ist eine Arbeitshilfe für die Beratung und keine Rechtsberatung. Über den Antrag entscheidet die Ausländerbehörde. ' +
            'Die Rechtslage ändert sich häufig: Die Texte geben den Stand vom angegebenen Datum wieder. Im Zweifel bitte eine rechtliche Beratung einbeziehen (z. B. Flüchtlingsberatung, Rechtsanwältin oder Rechtsanwalt).',
          stand: STAND,
        },
      ],
    },
    ...RESIDENCE_104C_CRITERIA.map(criterion),
    {
      id: 'closing',
      title: 'Abschluss',
      fields: [
        { id: 'notes', type: 'textarea', label: 'Weitere Hinweise', max: 5000, personal: 'residence' },
        { id: 'checkedOn', type: 'date', label: 'Geprüft am', prefill: 'today' },
        { id: 'checkedBy', type: 'text', label: 'Geprüft von', max: 200, prefill: 'settings.counselor.name' },
      ],
    },
  ],
};
