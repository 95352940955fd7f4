/** Dispatches the command line to a command and turns its failures into exit codes. */
import { answer } from './answer.js';
import type { CliEnv } from './env.js';
import { CliError, EXIT_OK, EXIT_REFUSED, EXIT_USAGE, usageError } from './errors.js';
import { get } from './get.js';
import { request } from './request.js';
import { send } from './send.js';
import { escapeLine } from './terminal.js';
import { ANSWER_HELP, GET_HELP, MAIN_HELP, REQUEST_HELP, SEND_HELP } from './usage.js';

const COMMANDS: Record<string, { run: (env: CliEnv) => Promise<number>; help: string }> = {
  send: { run: send, help: SEND_HELP },
  get: { run: get, help: GET_HELP },
  request: { run: request, help: REQUEST_HELP },
  answer: { run: answer, help: ANSWER_HELP },
};

/** Runs burnlink with `env.argv` (command first) and resolves to the exit code. */
export async function run(env: CliEnv): Promise<number> {
  const [command, ...rest] = env.argv;
  try {
    if (command === undefined) {
      env.stderr.write(MAIN_HELP);
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      env.stdout.write(COMMANDS[rest[0] ?? '']?.help ?? MAIN_HELP);
      return EXIT_OK;
    }
    const chosen = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!chosen) {
      throw usageError(`Unknown command "${escapeLine(command)}".\nRun "burnlink --help" for usage.`);
    }
    return await chosen.run({ ...env, argv: rest });
  } catch (error) {
    if (error instanceof CliError) {
      env.stderr.write(`burnlink: ${error.message}\n`);
      return error.exitCode;
    }
    env.stderr.write(`burnlink: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_REFUSED;
  }
}
