// Errors the CLI reports as one line with exit code 2: bad arguments or input that cannot be diagnosed.

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Azure answered with an error (auth, permissions, throttling, outage): one line, exit 1, no stack trace. */
export class AzureFailure extends Error {
  override readonly name = 'AzureFailure';
}

/** Exit codes: 0 diagnosed, 1 unexpected failure (a bug or an outage), 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
