import { parseStartupCommandLine } from './startup-command';

describe('startup command lines', () => {
  it("reads `Site's appCommandLine` from the corpus (snat-exhaustion)", () => {
    expect(parseStartupCommandLine("Site's appCommandLine: gunicorn --bind=0.0.0.0 --timeout=120 --workers=4 app:app")).toEqual({
      via: 'appCommandLine',
      command: 'gunicorn --bind=0.0.0.0 --timeout=120 --workers=4 app:app',
      settings: { isGunicorn: true, bind: ['0.0.0.0'], timeoutSec: 120, workers: 4 },
    });
  });

  it("reads Oryx's -userStartupCommand", () => {
    const line =
      "Launching oryx with: create-script -appPath /home/site/wwwroot -output /opt/startup/startup.sh -virtualEnvName antenv -defaultApp /opt/defaultsite -userStartupCommand 'gunicorn --bind 0.0.0.0:8000 app:app'";
    expect(parseStartupCommandLine(line)).toMatchObject({ via: 'oryx-user-command', settings: { isGunicorn: true, bind: ['0.0.0.0:8000'] } });
  });

  it('reads GUNICORN_CMD_ARGS as in the playbook settings', () => {
    expect(parseStartupCommandLine('GUNICORN_CMD_ARGS=--workers 3 --worker-class sync --timeout 30')).toEqual({
      via: 'gunicorn-cmd-args',
      command: '--workers 3 --worker-class sync --timeout 30',
      settings: { isGunicorn: true, workers: 3, workerClass: 'sync', timeoutSec: 30 },
    });
  });

  it('reads short flags, attached values and App Service default options', () => {
    expect(parseStartupCommandLine('gunicorn -w 4 -k gthread --threads 8 -t 600 -b :8000 app:app')?.settings).toEqual({
      isGunicorn: true, workers: 4, workerClass: 'gthread', threads: 8, timeoutSec: 600, bind: [':8000'],
    });
    expect(parseStartupCommandLine('gunicorn -w4 -t90 app:app')?.settings).toEqual({ isGunicorn: true, workers: 4, timeoutSec: 90 });
    expect(
      parseStartupCommandLine("gunicorn --timeout 600 --access-logfile '-' --error-logfile '-' -c /opt/startup/gunicorn.conf.py --chdir=/tmp/8de app:app")?.settings,
    ).toEqual({ isGunicorn: true, timeoutSec: 600 });
  });

  it('marks a non-Gunicorn appCommandLine and ignores other lines', () => {
    expect(parseStartupCommandLine("Site's appCommandLine: python app.py")?.settings.isGunicorn).toBe(false);
    expect(parseStartupCommandLine('Starting OpenBSD Secure Shell server: sshd.')).toBeUndefined();
  });
});
