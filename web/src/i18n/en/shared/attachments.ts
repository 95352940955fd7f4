/** English, the files a secret carries, on the forms that make one. */

const attachments = {
  /** The files a secret carries, on the forms that make one (sharing a secret, answering a request). */
  attachments: {
    filesLegend: 'Files (optional)',
    filesHint: 'Drag and drop files anywhere on this page, or choose them. Names and contents are encrypted too.',
    filesHintTouch: 'Choose the files to attach. Names and contents are encrypted too.',
    filesDrop: 'Drop the files to attach them',
    addFiles: 'Add files',
    remove: 'Remove',
    removeLabel: (name: string) => `Remove ${name}`,
    filesListLabel: 'Attached files',
    filesSummary: (count: number, size: string) => `${count === 1 ? '1 file' : `${count} files`}, ${size} in all.`,
    encryptedSize: (size: string, max: string) => `${size} of ${max} allowed.`,
    problems: {
      tooLarge: (size: string, max: string) =>
        `Too large: encrypted, this comes to ${size}, and this server accepts at most ${max}. Remove a file or shorten the text.`,
      tooManyFiles: (left: number, max: number) =>
        `At most ${max} files can be attached: ${left === 1 ? '1 file was' : `${left} files were`} left out.`,
      nameTooLong: (name: string) =>
        `“${name}” was left out: its name is too long (at most 255 bytes). Rename it and add it again.`,
    },
  },
};

export default attachments;
