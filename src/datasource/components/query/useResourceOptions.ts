// Loads the choices for a filter from a resource once; a failure becomes a message, not a crash.
import { useEffect, useState } from 'react';
import type { SelectableValue } from '@grafana/data';
import { fetchInstances, fetchPaths, type ResourceClient } from '../../resources';

export interface ResourceOptions {
  options: Array<SelectableValue<string>>;
  loading: boolean;
  error?: string;
}

const FETCHERS = { paths: fetchPaths, instances: fetchInstances };

export function useResourceOptions(resources: ResourceClient, route: keyof typeof FETCHERS): ResourceOptions {
  const [state, setState] = useState<ResourceOptions>({ options: [], loading: true });
  useEffect(() => {
    let current = true;
    FETCHERS[route](resources).then(
      (values) => current && setState({ options: values.map((value) => ({ label: value, value })), loading: false }),
      (error: Error) => current && setState({ options: [], loading: false, error: error.message })
    );
    return () => {
      current = false;
    };
  }, [resources, route]);
  return state;
}
