import { createLogger, formatLogLine, hclogTimestamp } from './hclog';

describe('hclog lines', () => {
  it('writes the timestamp with microseconds as go-plugin parses it', () => {
    expect(hclogTimestamp(new Date('2026-11-21T08:39:47.123Z'))).toBe('2026-11-21T08:39:47.123000Z');
  });

  it('writes one JSON object with hclog keys and the fields', () => {
    const line = formatLogLine('info', 'plugin.test', 'started', { pid: 7 }, new Date('2026-01-02T03:04:05.006Z'));
    expect(JSON.parse(line)).toEqual({
      '@level': 'info',
      '@message': 'started',
      '@module': 'plugin.test',
      '@timestamp': '2026-01-02T03:04:05.006000Z',
      pid: 7,
    });
  });

  it('redacts fields whose names look like secrets and drops levels below the minimum', () => {
    const lines: string[] = [];
    const logger = createLogger('plugin.test', 'info', (line) => lines.push(line));
    logger.debug('hidden');
    logger.warn('settings', { clientSecret: 's3cr3t', apiKey: 'k', workspace: 'w' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('s3cr3t');
    expect(JSON.parse(lines[0])).toMatchObject({ clientSecret: '[redacted]', apiKey: '[redacted]', workspace: 'w' });
  });
});
