/**
 * Where a passphrase comes from: the BURNLINK_PASSPHRASE variable, or a prompt on the
 * terminal that echoes nothing. Never the command line, which other users can list.
 */
import { PASSPHRASE_VARIABLE, type CliEnv } from './env.js';
import { refused } from './errors.js';
import { promptHidden } from './terminal.js';

/** Whether a hidden prompt is possible here. */
function canPrompt(env: CliEnv): boolean {
  return env.isTTY.stdin && typeof env.stdin.setRawMode === 'function';
}

/**
 * The passphrase from the environment, else typed at the terminal (twice when
 * `confirm`, since a typo would make the secret unreadable); refuses when neither is
 * possible, or when stdin already gave something else (`stdinUsed`).
 */
export async function readPassphrase(
  env: CliEnv,
  options: { confirm: boolean; why: string; intro?: string; stdinUsed?: boolean },
): Promise<string> {
  const fromEnv = env.env[PASSPHRASE_VARIABLE];
  if (fromEnv !== undefined) return fromEnv;
  if (options.stdinUsed) {
    throw refused(`${options.why} Set ${PASSPHRASE_VARIABLE}: stdin gave the link, so it cannot be asked for.`);
  }
  if (!canPrompt(env)) {
    throw refused(`${options.why} Set ${PASSPHRASE_VARIABLE}, or run this in a terminal to be asked for it.`);
  }
  if (options.intro) env.stderr.write(`${options.intro}\n`);
  const passphrase = await promptHidden(env.stdin, env.stderr, 'Passphrase: ');
  if (options.confirm && (await promptHidden(env.stdin, env.stderr, 'Passphrase again: ')) !== passphrase) {
    throw refused('The two passphrases differ; nothing was sent.');
  }
  return passphrase;
}
