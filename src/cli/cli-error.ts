// Errors the CLI reports as one line with exit code 2: bad arguments or input that cannot be diagnosed.

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes: 0 diagnosed, 1 unexpected failure (a bug or an outage), 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
