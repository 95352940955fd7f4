/** Deutsch, the files a secret carries, on the forms that make one. */
import type en from '../../en/shared/attachments.js';

const attachments: typeof en = {
  attachments: {
    filesLegend: 'Dateien (optional)',
    filesHint:
      'Ziehen Sie Dateien irgendwohin auf diese Seite oder wählen Sie sie aus. Auch Namen und Inhalte werden verschlüsselt.',
    filesHintTouch: 'Wählen Sie die Dateien zum Anhängen aus. Auch Namen und Inhalte werden verschlüsselt.',
    filesDrop: 'Dateien zum Anhängen loslassen',
    addFiles: 'Dateien hinzufügen',
    remove: 'Entfernen',
    removeLabel: (name: string) => `${name} entfernen`,
    filesListLabel: 'Angehängte Dateien',
    filesSummary: (count: number, size: string) => `${count === 1 ? '1 Datei' : `${count} Dateien`}, zusammen ${size}.`,
    encryptedSize: (size: string, max: string) => `${size} von ${max} erlaubt.`,
    problems: {
      tooLarge: (size: string, max: string) =>
        `Zu groß: Verschlüsselt sind das ${size}, dieser Server nimmt höchstens ${max} an. Entfernen Sie eine Datei oder kürzen Sie den Text.`,
      tooManyFiles: (left: number, max: number) =>
        `Höchstens ${max} Dateien können angehängt werden: ${left === 1 ? '1 Datei wurde' : `${left} Dateien wurden`} weggelassen.`,
      nameTooLong: (name: string) =>
        `„${name}“ wurde weggelassen: Der Name ist zu lang (höchstens 255 Bytes). Benennen Sie die Datei um und fügen Sie sie erneut hinzu.`,
    },
  },
};

export default attachments;
