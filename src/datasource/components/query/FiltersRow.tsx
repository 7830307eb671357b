// Path / instance filters and the bin, shared by every query type.
import React, { useState } from 'react';
import { EditorField, EditorRow } from '@grafana/plugin-ui';
import { Input, MultiSelect } from '@grafana/ui';
import { selectors } from '../../selectors';
import { isValidBin, type AppSvcQuery, type QueryFilters } from '../../types/query';
import type { ResourceClient, ResourceRange } from '../../resources';
import { useResourceOptions } from './useResourceOptions';

interface Props {
  query: AppSvcQuery;
  onChange: (patch: QueryFilters) => void;
  resources: ResourceClient;
  range?: ResourceRange;
  showPaths?: boolean;
  showBin?: boolean;
}

const withCurrent = (options: Array<{ label?: string; value?: string }>, current: string[] = []) => [
  ...options,
  ...current.filter((value) => !options.some((option) => option.value === value)).map((value) => ({ label: value, value })),
];

export function FiltersRow({ query, onChange, resources, range, showPaths = true, showBin = true }: Props) {
  const paths = useResourceOptions(resources, 'paths', range);
  const instances = useResourceOptions(resources, 'instances', range);
  const [bin, setBin] = useState(query.bin ?? 'auto');
  const binValid = isValidBin(bin);
  return (
    <EditorRow>
      {showPaths && (
        <EditorField label="Paths" tooltip="CsUriStem values; empty means every path" invalid={Boolean(paths.error)} error={paths.error}>
          <MultiSelect<string>
            data-testid={selectors.queryEditor.paths}
            aria-label="Paths"
            width={36}
            allowCustomValue
            isLoading={paths.loading}
            placeholder="All paths"
            options={withCurrent(paths.options, query.paths)}
            value={query.paths ?? []}
            onChange={(selected) => onChange({ paths: selected.map((option) => option.value!).filter(Boolean) })}
          />
        </EditorField>
      )}
      <EditorField label="Instances" tooltip="App Service instances (ComputerName); empty means all" invalid={Boolean(instances.error)} error={instances.error}>
        <MultiSelect<string>
          data-testid={selectors.queryEditor.instances}
          aria-label="Instances"
          width={30}
          allowCustomValue
          isLoading={instances.loading}
          placeholder="All instances"
          options={withCurrent(instances.options, query.instances)}
          value={query.instances ?? []}
          onChange={(selected) => onChange({ instances: selected.map((option) => option.value!).filter(Boolean) })}
        />
      </EditorField>
      {showBin && (
        <EditorField label="Bin" tooltip="auto follows the panel interval; or 30s, 1m, 5m…" invalid={!binValid} error="Use auto or a duration such as 30s, 1m, 1h">
          <Input
            data-testid={selectors.queryEditor.bin}
            aria-label="Bin"
            width={12}
            value={bin}
            onChange={(event) => setBin(event.currentTarget.value)}
            onBlur={() => binValid && bin !== query.bin && onChange({ bin })}
          />
        </EditorField>
      )}
    </EditorRow>
  );
}
