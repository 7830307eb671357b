// Gunicorn's `-e/--env NAME=VALUE` puts environment values (often secrets) on the command line:
// the value is dropped before a command is kept anywhere.

const ENV_FLAG = /(^|\s)(--env[=\s]+|-e\s*)(["']?)([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g;

export const REDACTED = '<redacted>';

export function redactCommand(command: string): string {
  return command.replace(ENV_FLAG, (_match, lead: string, flag: string, quote: string, name: string) => `${lead}${flag}${quote}${name}=${REDACTED}${quote}`);
}
