import { IP } from './capabilities';
import { ProcessRegistry, runAdmin } from './processes';

/**
 * Creates a private network namespace with only loopback, so a scenario can change
 * kernel network settings (port range, TIME_WAIT reuse) without touching the host.
 */
export function createNetns(registry: ProcessRegistry, name: string, sysctls: Record<string, string>): string {
  runAdmin(IP, ['netns', 'add', name]);
  registry.addCleanup(`netns ${name}`, () => runAdmin(IP, ['netns', 'delete', name]));
  runAdmin(IP, ['netns', 'exec', name, IP, 'link', 'set', 'lo', 'up']);
  for (const [key, value] of Object.entries(sysctls)) {
    // /proc/sys/net shows the namespace of the process that opens it (no procps needed).
    const file = `/proc/sys/${key.replace(/\./g, '/')}`;
    runAdmin(IP, ['netns', 'exec', name, '/bin/sh', '-c', 'printf "%s" "$1" > "$2"', 'lab-sysctl', value, file]);
  }
  return name;
}

/** Prefix that runs a command inside the namespace. */
export function inNetns(name: string, command: string, args: string[]): [string, string[]] {
  return [IP, ['netns', 'exec', name, command, ...args]];
}
