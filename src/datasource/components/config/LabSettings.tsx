import React, { useEffect, useState } from 'react';
import { getBackendSrv } from '@grafana/runtime';
import { Field, Select, Switch } from '@grafana/ui';
import { fetchScenarios, type ScenarioSummary } from '../../resources';
import { selectors } from '../../selectors';
import type { SettingsProps } from './settings-props';

/** The scenario list comes from the backend's /scenarios resource of this data source. */
function useScenarios(uid: string) {
  const [state, setState] = useState<{ scenarios: ScenarioSummary[]; error?: string }>({ scenarios: [] });
  useEffect(() => {
    const client = { getResource: (path: string) => getBackendSrv().get(`/api/datasources/uid/${uid}/resources/${path}`) };
    fetchScenarios(client).then(
      (scenarios) => setState({ scenarios }),
      (error: Error) => setState({ scenarios: [], error: `Could not list the lab scenarios: ${error.message}` })
    );
  }, [uid]);
  return state;
}

export function LabSettings({ jsonData, onJsonChange, uid }: SettingsProps) {
  const { scenarios, error } = useScenarios(uid);
  const usable = scenarios.filter((scenario) => scenario.missingTables.length === 0 && !scenario.manifestProblem);
  const options = usable.map((scenario) => ({
    label: scenario.scenario,
    value: scenario.scenario,
    description: scenario.description || (scenario.expectedRanking.length ? `expected: ${scenario.expectedRanking.join(' > ')}` : 'baseline'),
  }));
  if (jsonData.labScenario && !options.some((option) => option.value === jsonData.labScenario)) {
    options.push({ label: jsonData.labScenario, value: jsonData.labScenario, description: 'not listed by the backend' });
  }
  return (
    <>
      <Field label="Scenario" description="The recorded incident to replay" invalid={Boolean(error)} error={error}>
        <Select<string>
          inputId={selectors.configEditor.labScenario}
          data-testid={selectors.configEditor.labScenario}
          width={50}
          options={options}
          value={jsonData.labScenario}
          allowCustomValue
          onChange={(option) => option.value && onJsonChange({ labScenario: option.value })}
        />
      </Field>
      <Field label="Replay as of now" description="Shift the recording so it ends at the current time: dashboards on “last 1 hour” show it">
        <Switch
          id={selectors.configEditor.labReplay}
          data-testid={selectors.configEditor.labReplay}
          value={jsonData.labReplayAsOfNow ?? true}
          onChange={(event) => onJsonChange({ labReplayAsOfNow: event.currentTarget.checked })}
        />
      </Field>
    </>
  );
}
