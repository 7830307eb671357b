// appsvc-triage entry point: picks the command, prints its output, maps failures to exit codes.
import { AzureFailure, EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, InputError } from './cli-error';
import { diagnose, parseDiagnoseArguments, render } from './diagnose-command';
import { DIAGNOSE_HELP, MAIN_HELP } from './help';

const COMMAND_HELP: Record<string, string> = { diagnose: DIAGNOSE_HELP };

export async function runCli(argv: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h') {
      out(MAIN_HELP);
      return command === undefined ? EXIT_BAD_INPUT : EXIT_OK;
    }
    if (command === 'help') {
      const topic = rest[0];
      if (topic !== undefined && !COMMAND_HELP[topic]) {
        throw new InputError(`no command "${topic}" (commands: ${Object.keys(COMMAND_HELP).join(', ')})`);
      }
      out(topic ? COMMAND_HELP[topic] : MAIN_HELP);
      return EXIT_OK;
    }
    if (command !== 'diagnose') {
      throw new InputError(`unknown command "${command}" (commands: diagnose, help)`);
    }
    const request = parseDiagnoseArguments(rest);
    if (request === 'help') {
      out(DIAGNOSE_HELP);
      return EXIT_OK;
    }
    out(render(await diagnose(request), request.format));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof InputError) {
      err(`appsvc-triage: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof AzureFailure) {
      err(`appsvc-triage: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT_FAILURE;
    }
    err(`appsvc-triage: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

if (require.main === module) {
  runCli(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text)
  ).then((code) => {
    process.exitCode = code;
  });
}
