import React from 'react';
import type { QueryEditorProps } from '@grafana/data';
import { InlineField, InlineFieldRow, Input, Select } from '@grafana/ui';
import type { DataSource } from '../datasource';
import type { AppSvcOptions } from '../types/options';
import { QUERY_TYPES, type AppSvcQuery, type QueryType } from '../types/query';

type Props = QueryEditorProps<DataSource, AppSvcQuery, AppSvcOptions>;

const queryTypeOptions = QUERY_TYPES.map((value) => ({ label: value, value }));

const splitList = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function QueryEditor({ query, onChange, onRunQuery }: Props) {
  const update = (patch: Partial<AppSvcQuery>) => {
    onChange({ ...query, ...patch } as AppSvcQuery);
    onRunQuery();
  };
  return (
    <InlineFieldRow>
      <InlineField label="Query type" labelWidth={14}>
        <Select<QueryType>
          inputId="appsvc-query-type"
          width={20}
          options={queryTypeOptions}
          value={query.queryType}
          onChange={(option) => option.value && update({ queryType: option.value } as Partial<AppSvcQuery>)}
        />
      </InlineField>
      <InlineField label="Paths" labelWidth={10} tooltip="Comma-separated CsUriStem values; empty means all">
        <Input
          width={30}
          defaultValue={(query.paths ?? []).join(', ')}
          onBlur={(event) => update({ paths: splitList(event.currentTarget.value) })}
        />
      </InlineField>
      <InlineField label="Bin" labelWidth={8} tooltip="auto follows the panel interval, or a duration such as 1m">
        <Input width={10} defaultValue={query.bin ?? 'auto'} onBlur={(event) => update({ bin: event.currentTarget.value })} />
      </InlineField>
    </InlineFieldRow>
  );
}
