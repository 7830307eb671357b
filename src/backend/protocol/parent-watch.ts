// A plugin must not outlive Grafana: if the parent dies without a Shutdown call (killed,
// crashed), the process is re-parented; polling the parent pid notices that.
export const PARENT_POLL_INTERVAL_MS = 1000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Calls onParentGone once when the parent process is gone; returns a stop function. */
export function watchParent(
  onParentGone: () => void,
  intervalMs = PARENT_POLL_INTERVAL_MS,
  readParentPid: () => number = () => process.ppid
): () => void {
  const originalParent = readParentPid();
  const timer = setInterval(() => {
    if (readParentPid() !== originalParent || !isAlive(originalParent)) {
      clearInterval(timer);
      onParentGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
