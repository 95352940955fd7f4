/** English, the files of a revealed secret or answer. */

const downloads = {
  /** The files of a revealed secret or answer. */
  downloads: {
    filesHeading: 'Files',
    filesListLabel: 'Files in the secret',
    download: 'Download',
    downloadLabel: (name: string) => `Download ${name}`,
  },
};

export default downloads;
