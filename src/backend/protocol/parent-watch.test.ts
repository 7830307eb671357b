import { watchParent } from './parent-watch';

describe('watchParent', () => {
  it('notices when the process is re-parented, once', async () => {
    let parent = process.ppid;
    let calls = 0;
    const stop = watchParent(() => calls++, 10, () => parent);
    await new Promise((done) => setTimeout(done, 40));
    expect(calls).toBe(0);
    parent = 1;
    await new Promise((done) => setTimeout(done, 60));
    expect(calls).toBe(1);
    stop();
  });

  it('notices when the original parent pid no longer exists', async () => {
    let calls = 0;
    // Pid 2^22+1 is above Linux's pid_max, so no process has it.
    const stop = watchParent(() => calls++, 10, () => 4_194_305);
    await new Promise((done) => setTimeout(done, 50));
    expect(calls).toBe(1);
    stop();
  });
});
