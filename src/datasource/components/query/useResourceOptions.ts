// Loads the choices for a filter from a resource once; a failure becomes a message, not a crash.
import { useEffect, useState } from 'react';
import type { SelectableValue } from '@grafana/data';
import { fetchInstances, fetchPaths, type ResourceClient, type ResourceRange } from '../../resources';

export interface ResourceOptions {
  options: Array<SelectableValue<string>>;
  loading: boolean;
  error?: string;
}

const FETCHERS = { paths: fetchPaths, instances: fetchInstances };

/** Choices for the dashboard's range; refetched only when the range's whole minutes change. */
export function useResourceOptions(resources: ResourceClient, route: keyof typeof FETCHERS, range?: ResourceRange): ResourceOptions {
  const [state, setState] = useState<ResourceOptions>({ options: [], loading: true });
  const from = range ? Math.floor(range.from / 60_000) * 60_000 : undefined;
  const to = range ? Math.ceil(range.to / 60_000) * 60_000 : undefined;
  useEffect(() => {
    let current = true;
    FETCHERS[route](resources, from !== undefined && to !== undefined ? { from, to } : undefined).then(
      (values) => current && setState({ options: values.map((value) => ({ label: value, value })), loading: false }),
      (error: Error) => current && setState({ options: [], loading: false, error: error.message })
    );
    return () => {
      current = false;
    };
  }, [resources, route, from, to]);
  return state;
}
