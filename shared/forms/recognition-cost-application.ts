import type { FormDefinitionSource } from './definition';

/** Date of the legal state the wording below describes (⚖, DOMAIN.md). */
const STAND = '2026-11-01';

/**
 * Application to the job centre for taking over the costs of recognition
 * counseling and of the recognition procedure (DOMAIN.md, built-in form 2).
 * The client hands it in; the job centre notes its decision in the box at
 * the end. Benefit names change with the law, so the wording speaks of
 * „Leistungen nach dem SGB II“.
 */
export const recognitionCostApplication: FormDefinitionSource = {
  id: 'recognition-cost-application',
  version: 1,
  title: 'Antrag auf Kostenübernahme: Anerkennungsberatung und Anerkennungsverfahren',
  description:
    'Antrag an das Jobcenter auf Übernahme der Kosten für die Anerkennung eines ausländischen Abschlusses, mit Kostenaufstellung und Feld für die Entscheidung.',
  layout: 'form',
  recipient: 'none',
  sections: [
    {
      id: 'applicant',
      title: 'Antragstellende Person',
      fields: [
        { id: 'familyName', type: 'text', label: 'Name', required: true, max: 200, prefill: 'client.familyName', personal: 'identity' },
        { id: 'givenName', type: 'text', label: 'Vorname', max: 200, prefill: 'client.givenName', personal: 'identity' },
        { id: 'birthDate', type: 'date', label: 'Geburtsdatum', required: true, prefill: 'client.birthDate', personal: 'identity' },
        { id: 'address', type: 'text', label: 'Anschrift', required: true, max: 300, prefill: 'client.addressLine', personal: 'contact' },
        { id: 'phone', type: 'text', label: 'Telefon', max: 60, prefill: 'client.phone', personal: 'contact' },
        { id: 'email', type: 'text', label: 'E-Mail', max: 200, prefill: 'client.email', personal: 'contact' },
        { id: 'customerNumber', type: 'text', label: 'Kundennummer', max: 30, prefill: 'client.customerNumber', personal: 'benefits' },
        {
          id: 'bgNumber',
          type: 'text',
          label: 'BG-Nummer',
          help: 'Nummer der Bedarfsgemeinschaft.',
          max: 30,
          prefill: 'client.bgNumber',
          personal: 'benefits',
        },
      ],
    },
    {
      id: 'legalBasis',
      title: 'Antrag',
      fields: [
        {
          id: 'legalBasisText',
          type: 'block',
          label: 'Rechtsgrundlage',
          text:
            'Ich beantrage die Übernahme der unten aufgeführten Kosten für die Anerkennung meines ausländischen Berufs- oder Studienabschlusses aus dem Vermittlungsbudget (§ 16 Abs. 1 SGB II in Verbindung mit § 44 SGB III). ' +
            'Die Förderung ist eine Ermessensleistung: Die Kosten können übernommen werden, soweit dies für meine berufliche Eingliederung notwendig ist. Ein Rechtsanspruch besteht nicht.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'qualification',
      title: 'Ausländischer Abschluss',
      fields: [
        {
          id: 'titleOriginal',
          type: 'text',
          label: 'Abschluss (Originalsprache)',
          required: true,
          max: 300,
          prefill: 'client.qualification.titleOriginal',
          personal: 'language-education',
        },
        {
          id: 'titleGerman',
          type: 'text',
          label: 'Abschluss (deutsch)',
          max: 300,
          prefill: 'client.qualification.titleGerman',
          personal: 'language-education',
        },
        { id: 'country', type: 'text', label: 'Land', required: true, max: 100, prefill: 'client.qualification.country', personal: 'language-education' },
        { id: 'year', type: 'text', label: 'Jahr', max: 4, prefill: 'client.qualification.year', personal: 'language-education' },
        {
          id: 'qualificationKind',
          type: 'text',
          label: 'Art des Abschlusses',
          help: 'z. B. Hochschulabschluss, Berufsausbildung',
          max: 100,
          prefill: 'client.qualification.kind',
          personal: 'language-education',
        },
        {
          id: 'referenceOccupation',
          type: 'text',
          label: 'Referenzberuf',
          help: 'Der deutsche Beruf, mit dem der Abschluss verglichen wird.',
          max: 200,
          prefill: 'client.qualification.referenceOccupation',
          personal: 'language-education',
        },
        {
          id: 'regulated',
          type: 'checkbox',
          label: 'Reglementierter Beruf',
          help: 'Ankreuzen, wenn der Beruf in Deutschland nur mit Anerkennung ausgeübt werden darf (z. B. Pflege, Medizin, Lehramt).',
          prefill: 'client.qualification.regulated',
          personal: 'language-education',
        },
        {
          id: 'competentBody',
          type: 'text',
          label: 'Zuständige Stelle',
          help: 'z. B. IHK FOSA, Handwerkskammer, Bezirksregierung, ZAB',
          required: true,
          max: 200,
        },
        {
          id: 'procedureKind',
          type: 'select',
          label: 'Verfahren',
          required: true,
          options: [
            { value: 'equivalence', label: 'Gleichwertigkeitsprüfung (Anerkennungsverfahren)' },
            { value: 'zab-statement', label: 'Zeugnisbewertung der ZAB' },
            { value: 'skills-analysis', label: 'Qualifikationsanalyse' },
            { value: 'adaptation', label: 'Anpassungsqualifizierung' },
          ],
        },
      ],
    },
    {
      id: 'costs',
      title: 'Kosten',
      fields: [
        {
          id: 'costLines',
          type: 'lines',
          label: 'Kostenaufstellung',
          help: 'Nicht zutreffende Zeilen entfernen. Verfahrensgebühren der Kammern liegen meist zwischen 100 und 600 €; bei Übersetzungen Seitenzahl und Kostenvoranschlag angeben.',
          required: true,
          maxRows: 20,
          columns: [
            { id: 'kind', type: 'text', label: 'Kostenart', required: true, max: 100 },
            { id: 'description', type: 'text', label: 'Erläuterung', max: 300 },
            { id: 'amount', type: 'money', label: 'Betrag' },
          ],
          rows: [
            { kind: 'Anerkennungsberatung', description: '', amount: null },
            { kind: 'Verfahrensgebühr der zuständigen Stelle', description: '', amount: null },
            { kind: 'Übersetzungen', description: '', amount: null },
            { kind: 'Beglaubigte Kopien', description: '', amount: null },
            { kind: 'Gutachten', description: '', amount: null },
            { kind: 'Fahrtkosten', description: '', amount: null },
          ],
        },
        { id: 'costTotal', type: 'money', label: 'Summe', sumOf: { field: 'costLines', column: 'amount' } },
      ],
    },
    {
      id: 'justification',
      title: 'Begründung',
      fields: [
        {
          id: 'need',
          type: 'textarea',
          label: 'Begründung',
          help: 'Warum die Anerkennung für die Eingliederung in Arbeit nötig ist, z. B. reglementierter Beruf, konkretes Stellenangebot, Einstieg auf Fachkraftniveau.',
          required: true,
          max: 5000,
          personal: 'counseling',
        },
      ],
    },
    {
      id: 'otherFunding',
      title: 'Andere Förderung',
      fields: [
        {
          id: 'otherFundingNote',
          type: 'block',
          label: 'Vorrang und Anerkennungszuschuss',
          text:
            'Die Förderung durch das Jobcenter geht dem Anerkennungszuschuss des Bundes vor. Der Anerkennungszuschuss übernimmt unter bestimmten Einkommensgrenzen bis zu 600 € der Verfahrenskosten, wenn keine andere Stelle die Kosten trägt; Anträge sind bis zum 30.06.2027 möglich. ' +
            'Bitte geben Sie an, ob Sie für dieselben Kosten eine andere Förderung beantragt oder erhalten haben.',
          stand: STAND,
        },
        {
          id: 'otherFundingApplied',
          type: 'checkbox',
          label: 'Andere Förderung beantragt oder erhalten',
          personal: 'benefits',
        },
        {
          id: 'otherFundingDetails',
          type: 'textarea',
          label: 'Welche Förderung',
          help: 'Stelle, Betrag, beantragt oder bewilligt, Datum.',
          max: 2000,
          required: true,
          showIf: { field: 'otherFundingApplied', equals: true },
          personal: 'benefits',
        },
      ],
    },
    {
      id: 'declarations',
      title: 'Erklärungen',
      fields: [
        {
          id: 'declarationText',
          type: 'block',
          label: 'Erklärungen',
          text:
            'Mir ist bekannt, dass nur Kosten übernommen werden können, die erst nach der Bewilligung entstehen. Aufträge (z. B. Antrag bei der zuständigen Stelle, Übersetzungen) erteile ich deshalb erst, wenn über diesen Antrag entschieden ist, es sei denn, das Jobcenter hat dem vorzeitigen Beginn zugestimmt. ' +
            'Ich verpflichte mich, dem Jobcenter alle Änderungen, die für die Förderung erheblich sind (z. B. Arbeitsaufnahme, Umzug, Förderung durch eine andere Stelle), unverzüglich mitzuteilen (§ 60 Abs. 1 Satz 1 Nr. 2 SGB I). ' +
            'Ich versichere, dass meine Angaben vollständig und richtig sind.',
          stand: STAND,
        },
      ],
    },
    {
      id: 'enclosures',
      title: 'Anlagen',
      fields: [
        {
          id: 'attachments',
          type: 'lines',
          label: 'Anlagen',
          help: '„beigefügt“ ankreuzen, was dem Antrag beiliegt.',
          maxRows: 20,
          columns: [
            { id: 'title', type: 'text', label: 'Unterlage', required: true, max: 200 },
            { id: 'enclosed', type: 'checkbox', label: 'beigefügt' },
          ],
          rows: [
            { title: 'Kostenvoranschläge oder Gebührenauskunft der zuständigen Stelle', enclosed: false },
            { title: 'Lebenslauf', enclosed: false },
            { title: 'Kopien der Abschlusszeugnisse und Nachweise', enclosed: false },
            { title: 'Vorhandene Übersetzungen', enclosed: false },
          ],
        },
      ],
    },
    {
      id: 'counseling',
      title: 'Beratende Stelle',
      fields: [
        { id: 'counselorName', type: 'text', label: 'Beraten durch', max: 200, prefill: 'settings.counselor.name' },
        { id: 'counselorOffice', type: 'text', label: 'Stelle', max: 300, prefill: 'settings.office.department' },
        { id: 'counselorPhone', type: 'text', label: 'Telefon', max: 60, prefill: 'settings.counselor.phone' },
        { id: 'counselorEmail', type: 'text', label: 'E-Mail', max: 200, prefill: 'settings.counselor.email' },
      ],
    },
    {
      id: 'signing',
      title: 'Unterschriften',
      fields: [{ id: 'signatures', type: 'signature', label: 'Unterschriften', signers: ['Antragstellende Person', 'Beratungsfachkraft'] }],
    },
    {
      id: 'officeUse',
      title: 'Vom Jobcenter auszufüllen',
      fields: [
        {
          id: 'decision',
          type: 'office-box',
          label: 'Entscheidung des Jobcenters',
          lines: ['Eingang am', 'Aktenzeichen', 'Entscheidung: bewilligt / teilweise bewilligt / abgelehnt', 'Bewilligter Betrag', 'Datum', 'Unterschrift'],
        },
      ],
    },
  ],
};
