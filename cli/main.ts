#!/usr/bin/env node
/** The burnlink executable: hands the process's streams to `run` and sets the exit code. */
import { run } from './run.js';

// `burnlink get LINK | head -1` closes the pipe early: that is no error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

// No process.exit(): stdout may still be flushing into a pipe.
process.exitCode = await run({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  isTTY: {
    stdin: process.stdin.isTTY === true,
    stdout: process.stdout.isTTY === true,
    stderr: process.stderr.isTTY === true,
  },
});
