/** Deutsch. Same shape as en.ts (the type-check insists). */
import type { Messages } from './en.js';

const de: Messages = {
  app: {
    language: 'Sprache',
    footer:
      'Im Browser verschlüsselt. Der Schlüssel steht nur im Link hinter dem „#“, und dieser Teil wird nie an den Server geschickt.',
    loading: 'Wird geladen …',
    insecureTitle: 'Diese Seite kann hier nicht arbeiten',
    insecureHttp:
      'Diese Seite wurde über unverschlüsseltes HTTP geöffnet. Browser erlauben die nötige Verschlüsselung (WebCrypto) nur auf sicheren Seiten, deshalb kann hier nichts ver- oder entschlüsselt werden.',
    insecureHttpFix:
      'Öffnen Sie dieselbe Adresse mit https:// statt http://. Klappt das nicht, bitten Sie die Betreiber dieser Seite, sie über HTTPS anzubieten.',
    insecureBrowser:
      'Dieser Browser bietet die Verschlüsselung nicht an, die diese Seite braucht (WebCrypto), deshalb kann hier nichts ver- oder entschlüsselt werden.',
    insecureBrowserFix: 'Öffnen Sie den Link in einem aktuellen Browser wie Firefox, Chrome, Edge oder Safari.',
    notFoundTitle: 'Seite nicht gefunden',
    notFoundText: 'Unter dieser Adresse gibt es nichts.',
    notFoundLink: 'Stattdessen ein Geheimnis teilen',
  },

  copy: {
    button: 'Kopieren',
    label: (what: string) => `${what} kopieren`,
    copied: 'Kopiert',
    failed: 'Automatisches Kopieren ging nicht. Der Text ist markiert: Drücken Sie Strg+C (⌘C auf dem Mac).',
  },

  passphrase: {
    show: 'Anzeigen',
    showLabel: 'Passphrase anzeigen',
    generate: 'Erzeugen',
    generateLabel: 'Passphrase erzeugen',
    generated:
      'Eine zufällige Passphrase wurde erzeugt und wird angezeigt. Notieren Sie sie, bevor Sie den Link erstellen: Der Empfänger braucht sie.',
  },

  create: {
    title: 'Ein Geheimnis teilen',
    lead: 'Es wird in Ihrem Browser verschlüsselt. Der Link funktioniert einmal (oder so oft, wie Sie wählen), danach wird das Geheimnis vernichtet.',
    secretLabel: 'Geheimnis',
    filesLegend: 'Dateien (optional)',
    filesHint:
      'Ziehen Sie Dateien irgendwohin auf diese Seite oder wählen Sie sie aus. Auch Namen und Inhalte werden verschlüsselt.',
    filesDrop: 'Dateien zum Anhängen loslassen',
    addFiles: 'Dateien hinzufügen',
    remove: 'Entfernen',
    removeLabel: (name: string) => `${name} entfernen`,
    filesListLabel: 'Angehängte Dateien',
    filesSummary: (count: number, size: string) => `${count === 1 ? '1 Datei' : `${count} Dateien`}, zusammen ${size}.`,
    encryptedSize: (size: string, max: string) => `Verschlüsselt: ${size} von höchstens ${max}.`,
    expiresLabel: 'Läuft ab nach',
    expiresLoading: 'Auswahl wird geladen …',
    viewsLabel: 'Erlaubte Aufrufe',
    passphraseLabel: 'Passphrase (optional)',
    passphraseHint: 'Wenn Sie eine festlegen, braucht der Empfänger den Link und die Passphrase.',
    submit: 'Geheimen Link erstellen',
    sealing: 'Wird in Ihrem Browser verschlüsselt und hochgeladen …',
    problems: {
      empty: 'Geben Sie zuerst das Geheimnis ein oder hängen Sie eine Datei an.',
      views: (max: number) => `Die Zahl der Aufrufe muss eine ganze Zahl von 1 bis ${max} sein.`,
      tooLarge: (size: string, max: string) =>
        `Zu groß: Verschlüsselt sind das ${size}, dieser Server nimmt höchstens ${max} an. Entfernen Sie eine Datei oder kürzen Sie den Text.`,
      tooManyFiles: (left: number, max: number) =>
        `Höchstens ${max} Dateien können angehängt werden: ${left === 1 ? '1 Datei wurde' : `${left} Dateien wurden`} weggelassen.`,
      nameTooLong: (name: string) =>
        `„${name}“ wurde weggelassen: Der Name ist zu lang (höchstens 255 Bytes). Benennen Sie die Datei um und fügen Sie sie erneut hinzu.`,
      fileUnreadable: (name: string) =>
        `„${name}“ konnte nicht gelesen werden. Entfernen Sie die Datei und fügen Sie sie erneut hinzu.`,
      passphraseControl:
        'Die Passphrase enthält Steuerzeichen. Ändern Sie die Passphrase oder lassen Sie das Feld leer.',
      unreachable:
        'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut; Ihre Eingaben sind noch da.',
      unavailable:
        'Der Server kann gerade keine Geheimnisse speichern. Versuchen Sie es in einigen Minuten erneut; Ihre Eingaben sind noch da.',
      rateLimited:
        'Von hier wurden gerade zu viele Geheimnisse erstellt. Warten Sie eine Minute und versuchen Sie es erneut.',
      refused: (message: string) => `Der Server hat das Geheimnis abgelehnt: ${message}`,
      failed: 'Beim Verschlüsseln ist etwas schiefgegangen. Bitte versuchen Sie es erneut.',
    },
  },

  created: {
    heading: 'Ihr Link ist fertig',
    summary: (views: number, fromNow: string, at: string) =>
      `Schicken Sie diesen Link an den Empfänger. Er kann ${views === 1 ? 'einmal' : `${views}-mal`} geöffnet werden und läuft ${fromNow} ab, am ${at}.`,
    passphraseNote:
      'Der Empfänger braucht außerdem die Passphrase. Teilen Sie sie auf anderem Weg mit (am Telefon, persönlich), nie in derselben Nachricht wie den Link.',
    linkLabel: 'Geheimer Link',
    email: 'Link per E-Mail senden',
    showQr: 'QR-Code anzeigen',
    qrLabel: 'QR-Code des geheimen Links',
    qrFailed: 'Der QR-Code konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    receiptHeading: 'Ihre Quittung',
    receiptText:
      'Behalten Sie diesen privaten Link, um zu sehen, ob das Geheimnis angesehen wurde, oder um es vorher zu vernichten. Schicken Sie ihn nicht an den Empfänger.',
    receiptLabel: 'Quittungslink',
    another: 'Weiteres Geheimnis erstellen',
  },

  mail: {
    subject: 'Ein Geheimnis für Sie',
    body: (link: string, views: number, expires: string, passphrase: boolean) =>
      [
        'Hallo,',
        '',
        'ich habe Ihnen mit burnlink ein Geheimnis geschickt. Öffnen Sie diesen Link, um es zu lesen:',
        '',
        link,
        '',
        `Der Link funktioniert ${views === 1 ? 'nur einmal' : `${views}-mal`} und läuft am ${expires} ab.`,
        ...(passphrase ? ['Sie brauchen außerdem eine Passphrase, die ich Ihnen auf anderem Weg mitteile.'] : []),
      ].join('\n'),
  },

  reveal: {
    title: 'Ein Geheimnis für Sie',
    checking: 'Der Link wird geprüft …',
    heading: 'Ihnen wurde ein Geheimnis geschickt',
    status: (views: number, fromNow: string, at: string) =>
      `Es kann noch ${views === 1 ? 'einmal' : `${views}-mal`} angesehen werden; es läuft ${fromNow} ab, am ${at}.`,
    needsPassphrase:
      'Es ist mit einer Passphrase geschützt: Sie brauchen sie zusätzlich zum Link. Der Absender sollte sie Ihnen getrennt mitteilen.',
    attempts: (left: number) =>
      `Nach ${left === 1 ? '1 weiteren falschen Passphrase' : `${left} weiteren falschen Passphrasen`} wird das Geheimnis vernichtet.`,
    nothingUsed: 'Der Aufruf dieser Seite hat nichts verbraucht: Drücken Sie auf „Öffnen“, wenn Sie es lesen möchten.',
    passphraseLabel: 'Passphrase',
    button: 'Öffnen',
    revealing: 'Wird geöffnet …',
    unlocking: 'Wird mit Ihrer Passphrase entsperrt …',
    wrongPassphrase: (left: number) => `Falsche Passphrase. Noch ${left === 1 ? '1 Versuch' : `${left} Versuche`}.`,
    revealedHeading: 'Ihr Geheimnis',
    secretLabel: 'Geheimnis',
    filesHeading: 'Dateien',
    filesListLabel: 'Dateien im Geheimnis',
    download: 'Herunterladen',
    downloadLabel: (name: string) => `${name} herunterladen`,
    destroyed:
      'Es ist jetzt auf dem Server vernichtet, und diese Seite hat die einzige Kopie: Kopieren Sie es (und speichern Sie die Dateien), bevor Sie die Seite verlassen oder neu laden.',
    moreViews: (n: number) =>
      `Derselbe Link kann es noch ${n === 1 ? 'einmal' : `${n}-mal`} öffnen, bevor es vernichtet wird.`,
    goneHeading: 'Dieses Geheimnis wurde bereits angesehen oder ist abgelaufen.',
    goneText:
      'Ein Geheimnis kann nur begrenzt oft geöffnet werden und nur, bis es abläuft. Bitten Sie den Absender um einen neuen Link, wenn Sie es noch brauchen.',
    lockedHeading: 'Zu viele falsche Passphrasen: Das Geheimnis wurde vernichtet.',
    lockedText: 'Bitten Sie den Absender, es noch einmal zu teilen.',
    brokenHeading: 'Dieser Link ist unvollständig oder beschädigt',
    brokenText: 'Prüfen Sie, ob Sie den ganzen Link kopiert haben, auch alles nach dem „#“, und öffnen Sie ihn erneut.',
    brokenAfterReveal:
      'Falls Sie dieses Geheimnis gerade hier angesehen haben: Es wird nur einmal gezeigt, und der Schlüssel wurde aus der Adresszeile entfernt.',
    newerVersion: 'Dieser Link stammt von einer neueren burnlink-Version, als diese Seite versteht.',
    undecryptableHeading: 'Das Geheimnis konnte nicht entschlüsselt werden',
    undecryptableText:
      'Der Link ist beschädigt oder die Daten wurden unterwegs verändert. Bitten Sie den Absender um einen neuen Link.',
    errorHeading: 'Das Geheimnis konnte nicht geöffnet werden',
    tryAgain: 'Erneut versuchen',
    problems: {
      passphraseEmpty: 'Geben Sie zuerst die Passphrase ein.',
      passphraseControl: 'Die Passphrase enthält Steuerzeichen. Prüfen Sie Ihre Eingabe.',
      unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      rateLimited: 'Von hier kamen gerade zu viele Versuche. Warten Sie eine Minute und versuchen Sie es erneut.',
      unavailable: 'Der Speicher des Servers ist gerade nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',
      refused: (message: string) => `Der Server konnte nicht antworten: ${message}`,
      noKeys: 'Dieser Browser konnte die Schlüssel nicht aus dem Link ableiten.',
      failed: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    },
  },

  receipt: {
    title: 'Quittung',
    loading: 'Die Quittung wird geladen …',
    pending: 'Noch nicht angesehen.',
    viewedSome: (left: number) => `Angesehen. Es kann noch ${left === 1 ? 'einmal' : `${left}-mal`} angesehen werden.`,
    viewedAll: 'Angesehen und vernichtet: Es kann nicht mehr angesehen werden.',
    burned: 'Von Ihnen vernichtet: Es kann nicht mehr angesehen werden.',
    expiredViewed: 'Abgelaufen, nachdem es angesehen wurde.',
    expiredUnviewed: 'Abgelaufen, ohne angesehen zu werden.',
    locked: 'Nach zu vielen falschen Passphrasen vernichtet.',
    expires: 'Läuft ab',
    viewsLeft: 'Verbleibende Aufrufe',
    viewed: 'Angesehen',
    never: 'Nie',
    wrongPassphrases: 'Falsche Passphrasen',
    refresh: 'Aktualisieren',
    burnNow: 'Jetzt vernichten',
    burnQuestion:
      'Das Geheimnis jetzt vernichten? Niemand kann es danach mehr ansehen. Das lässt sich nicht rückgängig machen.',
    burnYes: 'Ja, vernichten',
    cancel: 'Abbrechen',
    brokenHeading: 'Dieser Quittungslink ist unvollständig oder beschädigt',
    brokenText: 'Prüfen Sie, ob Sie den ganzen Link kopiert haben, auch alles nach dem „#“.',
    goneHeading: 'Diese Quittung gibt es nicht',
    goneText:
      'Der Quittungslink ist falsch, oder die Quittung ist abgelaufen: Quittungen werden nach dem Ende ihres Geheimnisses nur eine Weile aufbewahrt.',
    errorHeading: 'Die Quittung konnte nicht geladen werden',
    tryAgain: 'Erneut versuchen',
    problems: {
      unreachable: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      unavailable: 'Der Speicher des Servers ist gerade nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.',
      refused: (message: string) => `Der Server konnte nicht antworten: ${message}`,
      failed: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    },
  },
};

export default de;
