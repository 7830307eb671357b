// Real recorded data for the assessment tests, imported as modules (the engine itself never reads files):
// two corpus labs from ../shared/corpus/azure-labs, the clearest H1 case and the richest mixed case.
import { analyzeTables } from '../../analyze';
import { LogTable } from '../../model/input';
import { Signals } from '../../model/signals';
import { assess } from '../assess';
import { DataCoverage } from '../context';
import { coverageFromTables } from '../coverage';
import { AppIdentity, hostsFromTables, identityFromHosts } from '../next-checks/app-identity';
import { Assessment, HypothesisAssessment, HypothesisId } from '../types';
import intermittentHttp from '../../../../../shared/corpus/azure-labs/intermittent-5xx/trigger/kql-http-20260404T060610Z.json';
import intermittentConsole from '../../../../../shared/corpus/azure-labs/intermittent-5xx/trigger/kql-console-20260404T060610Z.json';
import intermittentPlatform from '../../../../../shared/corpus/azure-labs/intermittent-5xx/trigger/kql-platform-20260404T060610Z.json';
import snatHttp from '../../../../../shared/corpus/azure-labs/snat-exhaustion/trigger/kql-http-20260404T060610Z.json';
import snatConsole from '../../../../../shared/corpus/azure-labs/snat-exhaustion/trigger/kql-console-20260404T060610Z.json';
import snatPlatform from '../../../../../shared/corpus/azure-labs/snat-exhaustion/trigger/kql-platform-20260404T060610Z.json';

interface Export {
  tables: Array<{ name: string; columns: Array<{ name: string; type: string }>; rows: unknown[][] }>;
}

const LABS = {
  'intermittent-5xx': { http: intermittentHttp, console: intermittentConsole, platform: intermittentPlatform },
  'snat-exhaustion': { http: snatHttp, console: snatConsole, platform: snatPlatform },
} satisfies Record<string, Record<'http' | 'console' | 'platform', Export>>;

export type CorpusLab = keyof typeof LABS;

export interface LabCase {
  signals: Signals;
  coverage: DataCoverage;
  app: AppIdentity;
  assessment: Assessment;
  hypothesis(id: HypothesisId): HypothesisAssessment;
}

const cache = new Map<string, LabCase>();

/** Signals and the full assessment of a corpus lab, derived with 1-minute bins over all its rows. */
export function corpusLab(lab: CorpusLab): LabCase {
  const cached = cache.get(lab);
  if (cached) {
    return cached;
  }
  const files = LABS[lab];
  const tables = (file: Export): LogTable[] => file.tables as LogTable[];
  const signals = analyzeTables({ http: tables(files.http), console: tables(files.console), platform: tables(files.platform) });
  const coverage = coverageFromTables({ console: tables(files.console), platform: tables(files.platform) });
  const app = identityFromHosts(hostsFromTables(tables(files.http)));
  const assessment = assess(signals, { coverage, app });
  const labCase: LabCase = {
    signals,
    coverage,
    app,
    assessment,
    hypothesis(id) {
      const found = assessment.hypotheses.find((item) => item.id === id);
      if (!found) {
        throw new Error(`no ${id} in the assessment of ${lab}`);
      }
      return found;
    },
  };
  cache.set(lab, labCase);
  return labCase;
}

export function hypothesisOf(assessment: Assessment, id: HypothesisId): HypothesisAssessment {
  const found = assessment.hypotheses.find((item) => item.id === id);
  if (!found) {
    throw new Error(`no ${id} in the assessment`);
  }
  return found;
}

export function effectOf(hypothesis: HypothesisAssessment, signal: string): string {
  const evidence = hypothesis.evidence.find((item) => item.signal === signal);
  if (!evidence) {
    throw new Error(`${hypothesis.id} has no signal ${signal}`);
  }
  return evidence.effect;
}
