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
    ['scale-out', 'scale-out'],
    ['scale-in', 'scale-in'],
    ['something-new', 'other'],
  ])('%s → %s', (kind, family) => {
    expect(markerFamily(kind)).toBe(family);
  });
});
