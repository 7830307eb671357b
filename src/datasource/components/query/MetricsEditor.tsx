import React from 'react';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { MultiSelect } from '@grafana/ui';
import { METRIC_NAMES, type MetricName } from '../../../engine/model/metrics';
import { selectors } from '../../selectors';
import { toOptions, type TypedEditorProps } from './editor-props';
import { FiltersRow } from './FiltersRow';

export function MetricsEditor({ query, onChange, resources, range }: TypedEditorProps<'metrics'>) {
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="Metrics" tooltip="Azure Monitor platform metrics, one frame per metric and instance; every metric when empty">
          <MultiSelect<MetricName>
            data-testid={selectors.queryEditor.platformMetrics}
            aria-label="Platform metrics"
            width={50}
            placeholder="All metrics"
            options={toOptions(METRIC_NAMES)}
            value={query.metrics ?? []}
            onChange={(selected) => onChange({ ...query, metrics: selected.map((option) => option.value!) })}
          />
        </EditorField>
      </EditorRow>
      <FiltersRow query={query} resources={resources} range={range} showPaths={false} onChange={(patch) => onChange({ ...query, ...patch })} />
    </EditorRows>
  );
}
