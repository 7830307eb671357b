// Python tracebacks arrive one line per row (trap 8). These helpers tell which lines belong to one.

/** `Traceback (most recent call last):` starts a traceback. */
export function isTracebackStart(line: string): boolean {
  return line.startsWith('Traceback (most recent call last)');
}

/** Frame lines, source lines and `^^^^` markers are indented. */
export function isTracebackBody(line: string): boolean {
  return line.startsWith('  ') || line.startsWith('\t');
}

/** Lines that chain a second traceback onto the first. */
export function isTracebackChain(line: string): boolean {
  return (
    line.startsWith('During handling of the above exception') ||
    line.startsWith('The above exception was the direct cause')
  );
}

/** Where a worker aborted mid-request was blocked, read from its innermost socket-level frame. */
export function findBlockingCall(lines: string[]): 'connect' | 'tls-handshake' | 'read' | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const code = lines[i].trim();
    if (/do_handshake\(/.test(code)) {
      return 'tls-handshake';
    }
    if (/\.connect\(|_create_connection\(|create_connection\(/.test(code)) {
      return 'connect';
    }
    if (/recv_into\(|recv\(|\._sslobj\.read\(|\.readline\(|\.read\(/.test(code)) {
      return 'read';
    }
  }
  return undefined;
}

/** True when the traceback is Gunicorn aborting a worker (its WORKER TIMEOUT path). */
export function isGunicornAbort(lines: string[], exception: string): boolean {
  return exception.startsWith('SystemExit') && lines.some((line) => line.includes('in handle_abort'));
}
