// The frame every dashboard shares: variables (data source, instance, path), annotations (restarts, deployments,
// scale events, worker kills, 499 clusters), links that keep the time range and variables, UTC time.
import { SCHEMA_VERSION, type AnnotationQuery, type Dashboard, type DashboardLink, type Panel, type Variable } from './grafana-json';
import { clusters, DATASOURCE, DATASOURCE_TYPE, hypotheses, markers } from './queries';
import type { HypothesisId } from '../../src/shared/frame-contract';

/** Every dashboard carries this tag; the links list dashboards by it. */
export const TRIAGE_TAG = 'appsvc-triage';
export const VIEW_TAG = 'appsvc-view';
export const HYPOTHESIS_TAG = 'appsvc-hypothesis';
/** The provisioned lab data source (provisioning/datasources/appsvc-triage.yaml). */
export const LAB_DATASOURCE = { uid: 'appsvc-triage-lab', name: 'App Service 5xx Triage (lab)' };

const ALL = { text: ['All'], value: ['$__all'] };

export function variables(): Variable[] {
  const resourceVariable = (name: 'instance' | 'path', resource: 'instances' | 'paths', label: string, description: string): Variable => ({
    type: 'query',
    name,
    label,
    description,
    datasource: DATASOURCE,
    query: { refId: `${name}-variable`, resource },
    definition: resource,
    current: ALL,
    hide: 0,
    includeAll: true,
    // The backend reads "*" as "no filter": All never turns into a long list of values.
    allValue: '*',
    multi: true,
    options: [],
    refresh: 2,
    regex: '',
    sort: 1,
  });
  return [
    {
      type: 'datasource',
      name: 'datasource',
      label: 'Data source',
      query: DATASOURCE_TYPE,
      regex: '',
      current: { text: LAB_DATASOURCE.name, value: LAB_DATASOURCE.uid },
      hide: 0,
      includeAll: false,
      multi: false,
      options: [],
      refresh: 1,
    },
    resourceVariable('instance', 'instances', 'Instance', 'App Service instances (ComputerName) seen in the range'),
    resourceVariable('path', 'paths', 'Path', 'Request paths (CsUriStem) seen in the range'),
  ];
}

/** Restarts, deployments, scale events, worker timeouts and kills, 499 clusters (and optionally hypothesis windows) on every time series. */
export function annotations(windowsOf?: HypothesisId): AnnotationQuery[] {
  const annotation = (name: string, iconColor: string, target: AnnotationQuery['target'], enable = true): AnnotationQuery => ({
    name,
    enable,
    hide: false,
    iconColor,
    datasource: DATASOURCE,
    target,
  });
  const list = [
    annotation('Restarts', 'red', markers(['restart', 'container-start', 'container-stop'], { refId: 'restarts', scope: 'instance-only' })),
    // A deployment is site-wide (Kudu rows name no instance), so the instance variable does not filter it.
    annotation('Deployments', 'green', markers(['deployment'], { refId: 'deployments', scope: 'none' })),
    // Scale events are plan-wide: the instance variable does not filter them.
    annotation('Scale out / in', 'light-blue', markers(['scale-out', 'scale-in'], { refId: 'scale-events', scope: 'none' })),
    annotation('Worker kills', 'purple', markers(['worker-kill'], { refId: 'worker-kills', scope: 'instance-only' })),
    annotation('Worker timeouts', 'orange', markers(['worker-timeout'], { refId: 'worker-timeouts', scope: 'instance-only' })),
    annotation('499 clusters', 'yellow', clusters({ refId: 'clusters-499', scope: 'instance-only' })),
  ];
  if (windowsOf) {
    list.push(annotation(`${windowsOf} windows`, 'blue', hypotheses('windows', [windowsOf], { refId: 'windows', scope: 'instance-only' })));
  }
  return list;
}

export function links(): DashboardLink[] {
  const link = (title: string, tags: string[], asDropdown: boolean, tooltip: string): DashboardLink => ({
    type: 'dashboards',
    title,
    tags,
    asDropdown,
    keepTime: true,
    includeVars: true,
    targetBlank: false,
    icon: 'external link',
    tooltip,
    url: '',
  });
  return [
    link('Views', [TRIAGE_TAG, VIEW_TAG], false, 'Overview, instances, endpoints, workers'),
    link('Hypotheses', [TRIAGE_TAG, HYPOTHESIS_TAG], true, 'One drill-down per hypothesis'),
  ];
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  panels: Panel[];
  annotations?: AnnotationQuery[];
}

export function dashboard(spec: DashboardSpec): Dashboard {
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: [TRIAGE_TAG, ...spec.tags],
    editable: true,
    fiscalYearStartMonth: 0,
    // Shared crosshair: the same second lines up across requests, latency and markers.
    graphTooltip: 1,
    links: links(),
    annotations: { list: spec.annotations ?? annotations() },
    templating: { list: variables() },
    panels: spec.panels,
    refresh: '',
    schemaVersion: SCHEMA_VERSION,
    // The lab incident replays into the last minute or two; widen the range for real incidents.
    time: { from: 'now-5m', to: 'now' },
    timepicker: {},
    // The playbook cross-references KQL timestamps, which are UTC.
    timezone: 'utc',
    version: 1,
    weekStart: '',
  };
}
