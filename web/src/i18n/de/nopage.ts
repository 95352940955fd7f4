/** Deutsch, what a page shows in place of its own: where it cannot work (no WebCrypto) or where there is none. */
import type en from '../en/nopage.js';

const nopage: typeof en = {
  nopage: {
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
};

export default nopage;
