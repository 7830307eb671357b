export const APP_ID = 'appsvc-triage-app';
export const DATASOURCE_ID = 'appsvc-triage-datasource';
export const PANEL_ID = 'appsvc-hypotheses-panel';
export const APP_BASE_URL = `/a/${APP_ID}`;

export enum ROUTES {
  Investigate = 'investigate',
}
