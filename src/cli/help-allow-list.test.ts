import { ALLOWED_APP_SETTINGS } from '../engine/config';
import { DIAGNOSE_HELP } from './help';

describe('diagnose --help', () => {
  it('names exactly the app settings that are read', () => {
    const named = DIAGNOSE_HELP.match(/\b(?:GUNICORN|PYTHON|WEBSITES?)_[A-Z_]+\b/g) ?? [];
    expect([...new Set(named)].sort()).toEqual([...ALLOWED_APP_SETTINGS].sort());
  });
});
