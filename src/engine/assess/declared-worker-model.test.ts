import { declaredConfigFrom } from '../config';
import { assess } from './assess';
import { corpusLab } from './testing/fixtures';

const declared = (appCommandLine: string) => declaredConfigFrom({ web: { appCommandLine, linuxFxVersion: 'PYTHON|3.11' }, appSettings: [] }).workerModel;

describe('H1 with the declared worker model', () => {
  const fewSyncWorkers = (lab: 'intermittent-5xx' | 'snat-exhaustion', command?: string) => {
    const { signals, coverage, app } = corpusLab(lab);
    const h1 = assess(signals, { coverage, app, declared: command ? declared(command) : undefined }).hypotheses.find((item) => item.id === 'H1');
    return h1?.evidence.find((item) => item.signal === 'few-sync-workers');
  };

  it('intermittent-5xx has no console rows: without the config the worker model is unknown', () => {
    expect(fewSyncWorkers('intermittent-5xx')?.effect).toBe('no-data');
  });

  it('intermittent-5xx with its app-config: 2 sync workers from appCommandLine are few request slots', () => {
    expect(fewSyncWorkers('intermittent-5xx', 'gunicorn --bind 0.0.0.0:8000 --workers 2 --worker-class sync --timeout 30 app:app')).toMatchObject({
      effect: 'supports',
      observed: '2 sync worker(s) = 2 request slot(s) per instance, --timeout 30 s (appCommandLine in the site config)',
      pointers: [],
    });
  });

  it('snat-exhaustion: the boot lines in the logs stay the source when they exist', () => {
    const evidence = fewSyncWorkers('snat-exhaustion', 'gunicorn --workers 9 app:app');
    expect(evidence?.observed).toBe('4 sync worker(s) = 4 request slot(s) per instance, --timeout 120 s');
    expect(evidence?.pointers[0]).toMatchObject({ kind: 'worker-model' });
  });
});
