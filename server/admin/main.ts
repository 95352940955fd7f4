#!/usr/bin/env node
/** The burnlink-admin executable: hands the process's streams to `runAdmin` and sets the exit code. */
import { runAdmin } from './run.js';

process.exitCode = await runAdmin({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
