/** Deutsch, the files of a revealed secret or answer. */
import type en from '../../en/shared/downloads.js';

const downloads: typeof en = {
  downloads: {
    filesHeading: 'Dateien',
    filesListLabel: 'Dateien im Geheimnis',
    download: 'Herunterladen',
    downloadLabel: (name: string) => `${name} herunterladen`,
  },
};

export default downloads;
