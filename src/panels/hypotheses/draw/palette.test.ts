import { markerFamily } from './palette';

describe('markerFamily', () => {
  it.each([
    ['restart', 'restart'],
    ['container-stop', 'restart'],
    ['deployment', 'restart'],
    ['worker-kill', 'kill'],
    ['worker-timeout', 'timeout'],
    ['probe-failure', 'timeout'],
    ['worker-boot', 'boot'],
    ['something-new', 'other'],
  ])('%s → %s', (kind, family) => {
    expect(markerFamily(kind)).toBe(family);
  });
});
