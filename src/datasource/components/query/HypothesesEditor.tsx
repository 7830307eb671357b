import React from 'react';
import { EditorField, EditorRow, EditorRows } from '@grafana/plugin-ui';
import { MultiSelect, RadioButtonGroup } from '@grafana/ui';
import { HYPOTHESIS_IDS, type HypothesisId } from '../../../shared/frame-contract';
import { selectors } from '../../selectors';
import { type HypothesesFormat } from '../../types/query';
import { toOptions, type TypedEditorProps } from './editor-props';
import { FiltersRow } from './FiltersRow';

const FORMAT_OPTIONS: Array<{ label: string; value: HypothesesFormat; description: string }> = [
  { label: 'Verdicts', value: 'verdicts', description: 'One row per hypothesis, most likely first' },
  { label: 'Score series', value: 'scores', description: 'A score per bin per hypothesis, for alert rules' },
  { label: 'Windows', value: 'windows', description: 'When each hypothesis applies, as annotations' },
];

export function HypothesesEditor({ query, onChange, resources, range }: TypedEditorProps<'hypotheses'>) {
  return (
    <EditorRows>
      <EditorRow>
        <EditorField label="Format">
          <div data-testid={selectors.queryEditor.hypothesesFormat}>
            <RadioButtonGroup<HypothesesFormat> options={FORMAT_OPTIONS} value={query.format ?? 'verdicts'} onChange={(format) => onChange({ ...query, format })} />
          </div>
        </EditorField>
        <EditorField label="Hypotheses" tooltip="H1 workers, H2 dependency, H3 restart, H4 outbound, T1 timeout, M1 memory, C1 CPU; all when empty">
          <MultiSelect<HypothesisId>
            data-testid={selectors.queryEditor.hypotheses}
            aria-label="Hypotheses"
            width={36}
            placeholder="All hypotheses"
            options={toOptions(HYPOTHESIS_IDS)}
            value={query.hypotheses ?? []}
            onChange={(selected) => onChange({ ...query, hypotheses: selected.map((option) => option.value!) })}
          />
        </EditorField>
      </EditorRow>
      <FiltersRow query={query} resources={resources} range={range} onChange={(patch) => onChange({ ...query, ...patch })} />
    </EditorRows>
  );
}
