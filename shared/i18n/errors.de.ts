import type { CatalogueShape } from './catalogue';

/**
 * Every error message the core, the hosts and the renderer's transport give,
 * in German: the wording the API carries in `message` and `fields`
 * (DESIGN.md §2). errors.en.ts must have the same keys and placeholders.
 * `{{name}}` is filled from the message's params (i18next syntax);
 * `{{name, number}}` is a number written the way the language writes it.
 */
export const errorsDe = {
  common: {
    checkInput: 'Bitte die Eingaben prüfen.',
    internal: 'Ein interner Fehler ist aufgetreten. Es wurde nichts gespeichert.',
    internalAnswer:
      'Ein interner Fehler ist aufgetreten: Die Antwort konnte nicht gelesen werden. Eine Änderung wurde womöglich trotzdem gespeichert; bitte die Ansicht neu laden und prüfen.',
    unknownMethod: 'Unbekannte Funktion „{{method}}“.',
  },
  // Schema violations (shared/api/german-messages.ts) and the contract's own rules.
  input: {
    required: 'Bitte ausfüllen.',
    wrongType: 'Dieser Wert hat nicht die erwartete Art.',
    minLength: 'Bitte mindestens {{minimum}} Zeichen eingeben.',
    minOneEntry: 'Bitte mindestens einen Eintrag angeben.',
    minEntries: 'Bitte mindestens {{minimum}} Einträge angeben.',
    minValue: 'Der Wert muss mindestens {{minimum}} sein.',
    maxLength: 'Höchstens {{maximum}} Zeichen erlaubt.',
    maxEntries: 'Höchstens {{maximum}} Einträge erlaubt.',
    maxValue: 'Der Wert darf höchstens {{maximum}} sein.',
    date: 'Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben.',
    email: 'Bitte eine gültige E-Mail-Adresse angeben.',
    postalCode: 'Bitte eine fünfstellige Postleitzahl angeben.',
    time: 'Bitte eine Uhrzeit wie 09:30 angeben.',
    format: 'Das Format stimmt nicht.',
    choice: 'Bitte einen der vorgesehenen Werte wählen.',
    unknownKey: 'Unbekanntes Feld „{{key}}“: bitte nur die vorgesehenen Felder senden.',
    unknownKeys: 'Unbekannte Felder {{keys}}: bitte nur die vorgesehenen Felder senden.',
    notAllowed: 'Dieser Wert ist nicht zulässig.',
    controlCharacters: 'Enthält Steuerzeichen, die nicht gedruckt werden können.',
    brokenCharacter: 'Enthält ein unvollständiges Zeichen (ungültige Kodierung).',
    oneLine: 'Bitte in einer Zeile schreiben, ohne Zeilenumbruch.',
    phone: 'Bitte nur Ziffern, Leerzeichen und + - / ( ) verwenden.',
    phoneFree: 'Bitte eine Telefonnummer mit mindestens drei Ziffern in einer Zeile angeben.',
    tooLarge: 'Die Dateien sind zusammen zu groß: höchstens 20 MB.',
    duplicate: 'Jeder Eintrag darf nur einmal vorkommen.',
    noDataCategory: 'Bitte mindestens eine Datenart wählen.',
    ageRange: 'Das Höchstalter liegt unter dem Mindestalter.',
    partnerMissing: 'Bitte eine Partnerstelle angeben.',
  },
  // A document's values (shared/forms/values.ts): where the problem is, and the problem itself (`problem`).
  formValues: {
    atField: '{{label}}: {{problem}}',
    atRow: '{{label}}, Zeile {{row}}: {{problem}}',
    atCell: '{{label}}, Zeile {{row}}, {{column}}: {{problem}}',
    unknownField: 'Die Vorlage „{{title}}“ kennt kein Feld „{{key}}“.',
    text: 'Bitte Text eingeben.',
    tooLong: 'Höchstens {{maximum}} Zeichen erlaubt (jetzt {{length}}).',
    date: 'Bitte ein gültiges Datum im Format TT.MM.JJJJ angeben.',
    amount: 'Bitte einen Betrag in Euro angeben (höchstens zwei Nachkommastellen).',
    negativeAmount: 'Der Betrag darf nicht negativ sein.',
    amountTooHigh: 'Der Betrag ist zu hoch.',
    number: 'Bitte eine Zahl angeben.',
    wholeNumber: 'Bitte eine ganze Zahl angeben.',
    decimals: 'Höchstens {{decimals}} Nachkommastellen.',
    minimum: 'Mindestens {{minimum}}.',
    maximum: 'Höchstens {{maximum}}.',
    yesOrNo: 'Bitte ja oder nein wählen.',
    option: 'Bitte einen der angebotenen Einträge wählen.',
    options: 'Bitte nur angebotene Einträge wählen.',
    partner: 'Bitte einen Partner aus dem Netzwerk wählen.',
    partnerGone: 'Diesen Partner gibt es im Netzwerk nicht (mehr).',
    rows: 'Bitte Zeilen angeben.',
    maxRows: 'Höchstens {{maximum}} Zeilen.',
    invalidRow: 'ungültige Zeile.',
    unknownColumn: 'unbekannte Spalte „{{column}}“.',
  },
  notFound: {
    client: 'Die Klient*in wurde nicht gefunden.',
    partner: 'Die Partnerstelle wurde nicht gefunden.',
    contact: 'Die Ansprechperson wurde nicht gefunden.',
    consent: 'Die Einwilligung wurde nicht gefunden.',
    document: 'Das Dokument wurde nicht gefunden.',
    draft: 'Der Entwurf wurde nicht gefunden.',
    batch: 'Der Serienbrief wurde nicht gefunden.',
    batchErased: 'Der Serienbrief wurde verworfen, weil eine Person darin gelöscht wurde. Bitte den Serienbrief neu erstellen.',
    partnerImport: 'Dieser Import ist nicht bekannt (schon länger beendet oder Lotse neu gestartet). Bitte die Datei erneut wählen.',
    template: 'Die Vorlage „{{id}}“ wurde nicht gefunden.',
    templateVersion: 'Die Version {{version}} der Vorlage „{{id}}“ wurde nicht gefunden.',
    builtInTemplate: 'Die mitgelieferte Vorlage „{{id}}“ wurde nicht gefunden.',
    residenceStatus: 'Der Aufenthaltsstatus „{{code}}“ wurde nicht gefunden.',
    backup: 'Die Sicherung „{{id}}“ wurde nicht gefunden.',
    deadline: 'Diese Frist gibt es so nicht (mehr): Bitte die Liste neu laden.',
  },
  deadlines: {
    postponeInPast: 'Bitte ein Datum ab heute wählen.',
  },
  clients: {
    birthDateInFuture: 'Das Geburtsdatum liegt in der Zukunft.',
    birthDateBefore1900: 'Das Geburtsdatum liegt vor 1900.',
    certificateDateInFuture: 'Das Datum des Zertifikats liegt in der Zukunft.',
    yearInFuture: 'Das Jahr liegt in der Zukunft.',
    unknownResidenceStatus: 'Diesen Aufenthaltsstatus gibt es nicht.',
    residenceStatusMissing: 'Bitte den Aufenthaltsstatus angeben, zu dem das Datum gehört.',
    closedOnInFuture: 'Der Fall kann nicht in der Zukunft abgeschlossen werden.',
    alreadyClosed: 'Dieser Fall ist bereits seit {{closedOn}} abgeschlossen.',
    notClosed: 'Dieser Fall ist nicht abgeschlossen.',
    duplicateSuspected:
      'Diese Person ist vielleicht schon erfasst ({{count, number}} ähnliche Klient*innen: gleicher Name, gleiches Geburtsdatum oder gleiche Nummer). Bitte die Treffer prüfen und bestätigen, dass es eine andere Person ist.',
  },
  consents: {
    signedInFuture: 'Das Datum der Unterschrift liegt in der Zukunft.',
    validUntilBeforeSigned: 'Das Ende der Gültigkeit liegt vor der Unterschrift.',
    unknownPartner: 'Diese Partnerstelle gibt es im Netzwerk nicht.',
    alreadySigned: 'Diese Einwilligung ist bereits seit {{signedOn}} unterschrieben.',
    revokedCannotBeSigned: 'Eine widerrufene Einwilligung kann nicht mehr unterschrieben werden.',
    alreadyRevoked: 'Diese Einwilligung wurde bereits am {{revokedOn}} widerrufen.',
    revokedInFuture: 'Der Widerruf kann nicht in der Zukunft liegen.',
    revokedBeforeSigned: 'Der Widerruf liegt vor der Unterschrift.',
    formIncomplete: 'Die Einwilligung kann so nicht erfasst werden. Bitte Empfänger, Zwecke und Datenarten prüfen.',
  },
  partners: {
    inUse: 'Auf diese Partnerstelle beziehen sich Dokumente oder Einwilligungen. Sie kann nicht gelöscht, aber archiviert werden.',
  },
  partnerImport: {
    notJson: 'Die Datei ist kein gültiges JSON. Bitte einen Netzwerk-Export (HSDS-JSON) wählen.',
    notHsds:
      'Die Datei ist kein HSDS-Export: Sie enthält keine Organisation, keinen Dienst (service), keine Seite mit „contents“ und keine Liste „organizations“.',
    unknownTable: 'Die Datei „{{name}}“ ist keine Tabelle des HSDS-Datenpakets (z. B. organizations.csv, services.csv).',
    notZip: 'Die ZIP-Datei „{{name}}“ ist beschädigt oder kein ZIP.',
    zipTooLarge: 'Die ZIP-Datei „{{name}}“ ist entpackt zu groß: höchstens 100 MB.',
    csvOneFile: 'Eine CSV-Liste ist eine einzelne Datei. Mehrere CSV-Dateien bitte als HSDS-Datenpaket importieren (Format „HSDS“).',
    // What a file says that Lotse cannot keep (the preview lists it); `part` is one of `part.*`.
    notKept: {
      field: '{{part}}: „{{field}}“ ({{value}})',
      list: '{{part}}: {{count}} × „{{field}}“',
      secondLocation: 'weiterer Standort „{{name}}“ (Lotse führt einen Ort je Partner)',
      secondPhone: '{{part}}: weitere Telefonnummer {{number}} (Lotse führt eine)',
      secondAddress: 'weitere Adresse „{{address}}“ (Lotse führt eine Anschrift und ein Postfach)',
      serviceLocation: '{{part}}: eigener Standort „{{name}}“',
      unnamedContact: 'ein Kontakt ohne Namen ({{details}})',
      invalidValue: '{{part}}: „{{field}}“ = „{{value}}“ passt nicht und bleibt leer',
    },
    part: {
      organization: 'Organisation',
      service: 'Dienst „{{name}}“',
      location: 'Standort „{{name}}“',
      address: 'Adresse',
      contact: 'Kontakt „{{name}}“',
      phone: 'Telefon {{number}}',
      schedule: 'Öffnungszeit',
      language: 'Sprache „{{name}}“',
    },
    organizationWithoutId: 'Eintrag {{number}} in „organizations“ hat keine id.',
    duplicateOrganization: 'Die Datei enthält die Organisation mit der id „{{id}}“ zweimal.',
    csvOpenQuote: 'Die CSV-Datei endet mitten in einem Feld in Anführungszeichen.',
    csvEmpty: 'Die CSV-Datei ist leer.',
    csvNoHeader: 'Die CSV-Datei braucht eine Kopfzeile mit den Spalten Name, Straße, PLZ, Ort, Telefon, E-Mail (mindestens „Name“).',
    // An entry that breaks the contract's rules: `where` is one of the two below, `problem` a schema message.
    fieldInvalid: '{{where}}: {{path}} – {{problem}}',
    entryInvalid: '{{where}}: Eintrag – {{problem}}',
    organization: '„{{name}}“',
    csvLine: 'Zeile {{line}}',
    directoryChanged: 'Das Netzwerkverzeichnis wurde während der Prüfung geändert. Bitte die Datei erneut prüfen. Es wurde nichts gespeichert.',
    alreadyRunning: 'Es läuft schon ein Import. Bitte warten, bis er fertig ist, oder ihn abbrechen.',
    stillRunning: 'Der Import läuft noch.',
    workerFailed: 'Beim Prüfen der Datei ist ein Fehler aufgetreten. Es wurde nichts gespeichert.',
  },
  templates: {
    unknownTemplate: 'Die Vorlage „{{id}}“ gibt es nicht.',
    notForDocuments: 'Aus der Vorlage „{{title}}“ entsteht kein Dokument: Lotse füllt sie selbst aus dem Datensatz.',
    changedMeanwhile:
      'Die Vorlage wurde inzwischen geändert (jetzt Version {{current}}, bearbeitet wurde Version {{edited}}). Bitte neu laden und die Änderung erneut eintragen.',
    notALetter: 'Diese Vorlage ist kein Brief.',
    unknownField: 'Die Vorlage hat kein Feld „{{key}}“.',
    unknownBlock: 'Die Vorlage hat keinen Textbaustein „{{key}}“.',
    unknownPlaceholders: 'Diese Platzhalter benennen nichts: {{placeholders}}.',
    untranslatedBlock: 'Die Übersetzung hat keinen Text für diesen Textbaustein.',
    // The definition check (shared/forms/load.ts) words its findings in German itself.
    definitionInvalid: '{{problems}}',
  },
  settings: {
    logoUnusable: 'Das Logo kann nicht verwendet werden: {{reason}}',
  },
  // The first-run setup (shared/domain/setup.ts): what a letter needs before it may be finalized.
  setup: {
    incomplete:
      'Lotse ist noch nicht eingerichtet. Es fehlen noch: {{missing}}. Bis dahin lassen sich Entwürfe ansehen, aber keine Briefe abschließen und keine Serienbriefe erstellen. Bitte zuerst die Einrichtung abschließen (Einstellungen).',
    // The missing items, joined: `first` is one item, `rest` the others.
    list: '{{first}}; {{rest}}',
    item: {
      organization: 'Name der Dienststelle',
      address: 'Anschrift der Dienststelle (Straße oder Postfach, mit PLZ und Ort)',
      counselorName: 'Name der Berater*in',
      contact: 'Telefon oder E-Mail (der Berater*in oder der Dienststelle)',
    },
    saveIncomplete: 'Ohne diese Angaben kann kein Brief abgeschlossen werden. Bitte die markierten Felder ausfüllen.',
    addressField: 'Bitte Straße, PLZ und Ort angeben – oder ein Postfach mit PLZ und Ort.',
    contactField: 'Bitte eine Telefonnummer oder E-Mail-Adresse angeben – Ihre eigene oder die der Dienststelle.',
  },
  logo: {
    notBase64: 'Das Logo ist nicht lesbar übertragen worden (kein gültiges Base64). Bitte die Datei erneut wählen.',
    tooLarge: 'Das Logo ist {{kilobytes, number}} KB groß; erlaubt sind höchstens {{limit, number}} KB. Bitte das Bild verkleinern.',
    notAnImage: 'Die Datei ist kein PNG- oder JPEG-Bild. Bitte ein Logo als PNG oder JPEG wählen.',
    typeMismatch: 'Die Datei ist ein {{actual}}-Bild, angegeben ist aber {{declared}}. Bitte die Datei erneut wählen.',
    tooManyPixels:
      'Das Logo ist {{width, number}} × {{height, number}} Pixel groß; erlaubt sind höchstens {{limit, number}} × {{limit, number}} Pixel. Bitte das Bild verkleinern.',
    inflatesTooLarge:
      'Die Bilddaten des Logos entpacken sich zu mehr, als ein Bild von {{width, number}} × {{height, number}} Pixeln braucht – so eine Datei würde jeden Ausdruck lahmlegen. Bitte das Bild in einem Bildprogramm neu als PNG speichern.',
    pngDamaged: 'Das PNG-Bild ist beschädigt oder unvollständig ({{why}}). Bitte die Datei neu speichern oder eine andere wählen.',
    jpegDamaged: 'Das JPEG-Bild ist beschädigt oder unvollständig ({{why}}). Bitte die Datei neu speichern oder eine andere wählen.',
    jpegUnprintable:
      'Dieses JPEG-Format (verlustfrei, hierarchisch oder arithmetisch kodiert) kann nicht gedruckt werden. Bitte das Bild als normales JPEG oder als PNG speichern.',
  },
  // What is wrong inside a damaged image: the `why` of logo.pngDamaged and logo.jpegDamaged.
  logoDamage: {
    chunkCut: 'Block abgeschnitten',
    namedChunkCut: 'Block {{chunk}} abgeschnitten',
    checksumWrong: 'Prüfsumme von {{chunk}} falsch',
    headerMissing: 'Kopf fehlt',
    headerBroken: 'Kopf fehlerhaft',
    unknownFormat: 'unbekanntes Format',
    endMissing: 'Ende fehlt',
    paletteMissing: 'Farbpalette fehlt',
    noPixels: 'keine Bildpunkte',
    dataUnreadable: 'Bilddaten nicht lesbar',
    dataTooShort: 'Bilddaten zu kurz',
    dataMissing: 'Bilddaten fehlen',
    structureBroken: 'Aufbau fehlerhaft',
    cut: 'abgeschnitten',
    unknownChannels: 'unbekannte Farbkanäle',
    unknownFilter: 'unbekannter Zeilenfilter',
  },
  print: {
    missingGlyphsField: '{{label}}: Diese Zeichen kann die Schrift nicht drucken: {{characters}}',
    missingGlyphs: 'Das Dokument enthält Zeichen, die die Schrift nicht drucken kann ({{labels}}).',
  },
  printing: {
    browserPrints: 'Im Browser-Modus wird über die Druckfunktion des Browsers gedruckt: die PDF öffnet sich dafür in einem neuen Tab.',
    notAPdf: 'Das ist keine PDF-Datei.',
    failed: 'Das Drucken hat nicht geklappt ({{reason}}). Bitte die PDF speichern und aus einem PDF-Programm drucken.',
    unknownReason: 'unbekannter Grund',
  },
  documents: {
    notToPartner: '„{{title}}“ wird nicht an einen Partner adressiert.',
    finalIsFinal: 'Ein endgültiges Dokument wird nicht mehr geändert. Für eine Korrektur bitte ein neues Dokument anlegen.',
    correctionMismatch: 'Korrigiert wird ein endgültiges Dokument derselben Vorlage für dieselbe Person.',
    consentFormMismatch: 'Ein Einwilligungsformular zu einem Schreiben gehört zu einem Schreiben mit Einwilligungsprüfung für dieselbe Person.',
    notPersonalField: '„{{fieldId}}“ ist kein Feld mit persönlichen Daten dieser Vorlage.',
    noConsent:
      'Für die Übermittlung an „{{partner}}“ liegt heute keine gültige Einwilligung vor. Bitte eine Einwilligung erfassen oder eine andere Rechtsgrundlage mit Begründung angeben.',
    fieldNotCovered: '{{label}}: Die Einwilligung vom {{signedOn}} umfasst diese Daten nicht. Bitte weglassen.',
    notCovered: 'Die Einwilligung deckt nicht alle Angaben ab, die übermittelt würden. Bitte diese Felder weglassen.',
    recipientMissing: 'Bitte die Empfänger*in aus dem Netzwerk wählen.',
    draftChanged: 'Der Entwurf wurde gerade geändert. Bitte die Vorschau prüfen und erneut abschließen.',
    noReferralStatus: '„{{title}}“ hat keinen Überleitungsstatus.',
    referralNeedsFinal: 'Den Status gibt es erst, wenn das Dokument endgültig ist.',
    contactUnknown: 'Diese Ansprechperson gehört nicht (mehr) zu der gewählten Stelle. Bitte neu wählen.',
    noTranslation: 'Für „{{title}}“ gibt es keine Übersetzung in {{language}}.',
  },
  // A letter's recipient without a deliverable address (shared/domain/postal-address.ts); `missing` is one of `missing.*`.
  postalAddress: {
    undeliverable: 'Die Anschrift von {{name}} ist nicht zustellbar: {{missing}}.',
    missing: {
      street: 'es fehlen Straße und Hausnummer oder ein Postfach',
      postalCode: 'es fehlt die Postleitzahl',
      city: 'es fehlt der Ort',
      streetAndPostalCode: 'es fehlen Straße und Hausnummer (oder ein Postfach) und die Postleitzahl',
      streetAndCity: 'es fehlen Straße und Hausnummer (oder ein Postfach) und der Ort',
      postalCodeAndCity: 'es fehlen Postleitzahl und Ort',
      all: 'es fehlen Straße und Hausnummer oder ein Postfach, Postleitzahl und Ort',
    },
  },
  batches: {
    toPartner: '„{{title}}“ geht an eine Partnerstelle; Serienbriefe gehen an Klient*innen.',
    createsConsents: '„{{title}}“ legt je Person eine Einwilligung an und wird einzeln erstellt.',
    alreadyRunning: 'Es wird gerade schon ein Serienbrief erstellt. Bitte warten, bis er fertig ist, oder ihn abbrechen.',
    nobodyCanReceive: 'Keine der ausgewählten Personen kann diesen Brief bekommen. Die Gründe stehen in der Liste.',
    noClients: 'Zu dieser Auswahl gibt es keine Klient*innen.',
    peopleSkipped: '{{skipped}} Personen ausgelassen.',
    noClientsFound: 'Keine Klient*innen gefunden.',
    stillRunning: 'Der Serienbrief wird noch erstellt.',
    cancelled: 'Der Serienbrief wurde abgebrochen; es gibt kein Ergebnis.',
    failed: 'Der Serienbrief ist fehlgeschlagen.',
    nothingCreated: 'Keiner der Briefe konnte erstellt werden. Es wurde nichts gespeichert.',
    notRecorded: 'Die Briefe konnten nicht gespeichert werden (wurde zwischendurch eine Person gelöscht?). Es wurde nichts gespeichert.',
    workerFailed: 'Beim Erstellen der Briefe ist ein Fehler aufgetreten. Es wurde nichts gespeichert.',
    workerExited: 'Die Erstellung wurde unerwartet beendet (Code {{code}}). Es wurde nichts gespeichert.',
    chooseRecipients: 'Bitte wählen, an wen der Brief geht: mindestens ein Merkmal oder ausdrücklich alle Klient*innen.',
    recipientsOutside: 'Angehakte Personen passen nicht (mehr) zur Auswahl oder sind nicht mehr gespeichert (Anzahl: {{count}}). Bitte die Liste neu laden.',
    recipientsSkipped: 'Für diese angehakten Personen kann der Brief nicht erstellt werden: {{names}}. Bitte abwählen.',
    unfilled: 'Bei diesen Personen bleiben Platzhalter leer: {{people}}. Bitte die Angaben in der Akte ergänzen oder die Personen abwählen.',
    appointmentMissing: 'Der Text verwendet {{placeholder}}: bitte ausfüllen.',
    unknownPlaceholder: 'Unbekannter Platzhalter {{placeholder}}: bitte einen aus der Liste neben dem Text einfügen.',
    notARecipient: 'Diese Person gehört nicht zur Auswahl des Serienbriefs.',
    skippedReason: '{{reason}}',
  },
  // Backups and restore (services/backup.ts).
  backups: {
    badId: 'Das ist kein Name einer Sicherung.',
    fileTooLarge: 'Die Datei ist zu groß (höchstens 22 MB).',
    notAStore: 'Die Datei „{{fileName}}“ ist keine Lotse-Sicherung. Es wurde nichts geändert.',
    passphraseTooShort: 'Das Kennwort braucht mindestens 8 Zeichen.',
    passphraseWrong:
      'Die Sicherung „{{fileName}}“ lässt sich mit diesem Kennwort nicht öffnen (falsches Kennwort, oder sie stammt von einem anderen Arbeitsplatz und braucht das Kennwort, mit dem sie heruntergeladen wurde). Es wurde nichts geändert.',
    damaged:
      'Die Sicherung „{{id}}“ ist beschädigt (die Prüfung hat Fehler gefunden) und kann nicht wiederhergestellt werden. Bitte eine andere Sicherung wählen; es wurde nichts geändert.',
    schemaTooNew:
      'Die Sicherung „{{id}}“ stammt von einer neueren Lotse-Version (Schema {{found}}, diese Version kennt bis {{latest}}). Bitte die neuere Lotse-Version verwenden; es wurde nichts geändert.',
    batchRunning: 'Während ein Serienbrief erstellt wird, kann keine Sicherung wiederhergestellt werden. Bitte warten oder den Serienbrief abbrechen.',
    damagedStore: 'Der beschädigte Datenbestand wird nicht gesichert. Bitte eine Sicherung wiederherstellen.',
  },
  // The audit trail's filter (shared/api/schemas/audit.ts).
  audit: {
    rangeReversed: 'Das Enddatum liegt vor dem Anfangsdatum.',
  },
  // Before the app runs (db/open.ts, data-dir.ts): shown by the host at startup.
  dataDir: {
    schemaTooNew:
      'Die Datenbank wurde mit einer neueren Lotse-Version angelegt (Schema {{found}}, diese Version kennt bis {{latest}}). Bitte die neuere Lotse-Version verwenden; die Daten wurden nicht verändert.',
    inUse:
      'Der Datenordner {{dataDir}} wird schon von Lotse (Prozess {{pid}} auf {{host}}) verwendet. Bitte das andere Lotse-Fenster verwenden oder Lotse dort zuerst beenden.',
    // The owner did not leave its note (data-dir.ts): the folder is taken all the same.
    inUseOwnerUnknown:
      'Der Datenordner {{dataDir}} wird schon von einem anderen Lotse verwendet. Bitte das andere Lotse-Fenster verwenden oder Lotse dort zuerst beenden.',
    keyWrong:
      'Der Schlüssel passt nicht zum Datenbestand {{file}}: Lotse kann ihn nicht öffnen und hat nichts verändert. Bitte die richtige Schlüsseldatei angeben (--key-file) oder das richtige Kennwort eingeben.',
    keyMissing:
      'Der Schlüssel zum verschlüsselten Datenbestand {{file}} fehlt ({{keyFile}}): Lotse kann ihn nicht öffnen und hat nichts verändert. Bitte die Schlüsseldatei zurücklegen oder mit --key-file angeben.',
    locked: 'Der Datenbestand ist mit einer Passphrase gesperrt. Bitte zuerst die Passphrase eingeben und entsperren.',
    notLocked: 'Der Datenbestand ist schon entsperrt.',
    passphraseWrong: 'Die Passphrase ist falsch: Der Datenbestand bleibt gesperrt, es wurde nichts verändert. Bitte noch einmal eingeben.',
    passphraseNotHere: 'Hier verwahrt das Betriebssystem den Schlüssel (Lotse als Programm): eine Passphrase lässt sich nur in der Browser-Fassung einrichten.',
    passphraseNotSet: 'Für diesen Datenbestand ist keine Passphrase eingerichtet.',
    passphraseTooShort: 'Die Passphrase braucht mindestens 10 Zeichen.',
    storeDamaged:
      'Der Datenbestand ist beschädigt und wurde nicht verändert. Lotse bietet an, die neueste gute Sicherung wiederherzustellen; bis dahin ist nur das möglich.',
  },
  // The disk or folder refused a write (main/core/storage-errors.ts): during work, and at start (…AtStart).
  storage: {
    full: 'Der Datenträger ist voll: Lotse konnte nicht speichern, es wurde nichts gespeichert. Bitte Platz schaffen (z. B. alte Dateien löschen) und es noch einmal versuchen. Datenordner: {{dataDir}}',
    readonly:
      'Der Datenordner {{dataDir}} ist schreibgeschützt: Lotse konnte nicht speichern, es wurde nichts gespeichert. Bitte den Schreibschutz aufheben (z. B. USB-Stick entsperren, Netzlaufwerk prüfen) und es noch einmal versuchen.',
    denied:
      'Lotse darf im Datenordner {{dataDir}} nicht schreiben (keine Berechtigung): es wurde nichts gespeichert. Bitte die Zugriffsrechte des Ordners prüfen (lassen) und es noch einmal versuchen.',
    damaged:
      'Die Datenbank im Datenordner {{dataDir}} ist beschädigt: es wurde nichts gespeichert, und Lotse schreibt nicht weiter hinein. Lotse bietet an, die neueste gute Sicherung wiederherzustellen.',
    fullAtStart:
      'Lotse kann nicht starten: Der Datenträger mit dem Datenordner {{dataDir}} ist voll. Bitte Platz schaffen (z. B. alte Dateien löschen) und Lotse neu starten.',
    readonlyAtStart:
      'Lotse kann nicht starten: Der Datenordner {{dataDir}} ist schreibgeschützt. Bitte den Schreibschutz aufheben (z. B. USB-Stick entsperren, Netzlaufwerk prüfen) und Lotse neu starten.',
    deniedAtStart:
      'Lotse kann nicht starten: Lotse darf im Datenordner {{dataDir}} nicht schreiben (keine Berechtigung). Bitte die Zugriffsrechte des Ordners prüfen (lassen) und Lotse neu starten.',
    damagedAtStart:
      'Lotse kann nicht starten: Die Datenbank im Datenordner {{dataDir}} ist beschädigt. Sie wurde nicht verändert. Bitte eine Sicherung zurückspielen oder die Datei von der IT prüfen lassen.',
  },
  // The browser host could not start (main/web/browser-host.ts).
  start: {
    portInUse:
      'Lotse kann nicht starten: Der Port {{port}} ist schon belegt (läuft Lotse schon, oder nutzt ein anderes Programm ihn?). Bitte das andere Programm beenden oder Lotse mit einem anderen Port starten (--port).',
  },
  // The browser host's answers before a request reaches dispatch (main/web).
  web: {
    postOnly: 'Die Schnittstelle nimmt nur POST-Anfragen an.',
    requestTooLarge: 'Die Anfrage ist zu groß.',
    notJson: 'Die Anfrage ist kein gültiges JSON.',
    internal: 'Ein interner Fehler ist aufgetreten.',
    unknownHost: 'Unbekannter Host: Lotse antwortet nur auf 127.0.0.1.',
    foreignOrigin: 'Anfragen von anderen Webseiten sind nicht erlaubt.',
    unauthorized: 'Zugriff verweigert: Bitte Lotse über den beim Start angezeigten Link öffnen.',
  },
  // Team mode (main/core/team): the team store on PostgreSQL.
  team: {
    badUrl: 'Das ist keine Adresse eines Team-Speichers (sie beginnt mit postgres://).',
    badRole: 'Das ist kein Benutzername des Team-Speichers (Kleinbuchstaben, Ziffern und _ , wie ihn die IT mitgeteilt hat).',
    tlsRequired:
      'Der Team-Speicher {{host}} ist nicht auf diesem Rechner: Lotse verbindet sich nur verschlüsselt und mit geprüftem Zertifikat. Bitte die Adresse mit „?sslmode=verify-full“ von der IT geben lassen.',
    unreachable:
      'Der Team-Speicher ist nicht erreichbar ({{reason}}). Es geht nichts verloren: Ihre Änderungen bleiben auf diesem Arbeitsplatz und werden beim nächsten Abgleich übertragen.',
    loginRefused: 'Der Team-Speicher hat die Anmeldung als „{{role}}“ abgelehnt. Bitte Benutzername und Kennwort prüfen (oder bei der IT erfragen).',
    notInitialized: 'Auf diesem Server ist noch kein Team-Speicher eingerichtet. Die IT richtet ihn mit „npm run team-admin -- init“ ein.',
    noTeam: 'Der Benutzer „{{role}}“ gehört zu keinem Team. Die IT trägt ihn mit „npm run team-admin -- add-counselor“ ein.',
    notLinked: 'Dieser Arbeitsplatz ist mit keinem Team verbunden.',
    alreadyLinked: 'Dieser Arbeitsplatz ist schon mit einem Team verbunden. Bitte zuerst trennen.',
    waiting: 'Es warten noch {{count}} Änderungen auf den Abgleich. Bitte erst abgleichen, oder ausdrücklich verwerfen und trennen.',
    notLead: 'Vorlagen, Briefkopf und Aufenthaltstitel ändert im Team nur die Teamleitung.',
    conflictGone: 'Dieser Konflikt ist schon entschieden.',
    unknownField: 'Das Feld „{{field}}“ gehört nicht zu diesem Konflikt.',
    unknownTeam: 'Dieses Team gibt es im Team-Speicher nicht.',
    notYourClient: 'Diese Person gehört nicht zu Ihren Teams und kann von hier nicht übergeben werden.',
    sameTeam: 'Die Person gehört schon zu diesem Team.',
  },
  // Several documents printed as one PDF (documents.printMany).
  printMany: {
    tooMany: 'Höchstens 200 Dokumente auf einmal drucken. Bitte weniger auswählen.',
    twice: 'Ein Dokument ist doppelt ausgewählt.',
  },
  // The renderer's own: the host could not be reached or answered oddly (renderer/src/api).
  connection: {
    notConnected: 'Lotse ist nicht verbunden.',
    unreachable: 'Lotse ist nicht erreichbar. Läuft das Programm noch? Bitte Lotse neu starten und den angezeigten Link erneut öffnen.',
    badResponse: 'Lotse hat unerwartet geantwortet. Bitte die Seite neu laden.',
    badResponseStatus: 'Lotse hat unerwartet geantwortet. Bitte die Seite neu laden. (HTTP {{status}})',
    bridgeFailed: 'Die Verbindung zu Lotse ist unterbrochen. Bitte Lotse neu starten.',
  },
} as const;

/** The shape every other language must fill. */
export type ErrorCatalogue = CatalogueShape<typeof errorsDe>;
