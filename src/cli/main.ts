// Entry point of the `samskab` command (bin/samskab.js and `npm start` land here).
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2));
