import path from 'node:path';
import { FilesSource } from './files/files-source';
import { LabSource } from './lab/lab-source';
import { openSource } from './open-source';
import { SourceInputError } from './source';

describe('openSource', () => {
  it('opens lab and files specs', () => {
    expect(openSource('lab:baseline')).toBeInstanceOf(LabSource);
    const files = openSource('files:../exports');
    expect(files).toBeInstanceOf(FilesSource);
    expect(files.describe()).toBe(`files:${path.resolve('../exports')}`);
  });

  it('hands azure targets to the configured factory only', () => {
    expect(() => openSource('azure:/subscriptions/x')).toThrow(/needs Azure settings/);
    const made: string[] = [];
    openSource('azure:abc', { azure: (target) => (made.push(target), new FilesSource('.')) });
    expect(made).toEqual(['abc']);
  });

  it.each(['lab', 'lab:', 'ftp:host', 'nothing'])('rejects %p with a SourceInputError', (spec) => {
    expect(() => openSource(spec)).toThrow(SourceInputError);
  });
});
