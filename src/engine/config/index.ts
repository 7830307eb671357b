// Public surface of the site-configuration evidence (declared worker model and allow-listed settings).
export { ALLOWED_APP_SETTINGS, allowListedSettings, isAllowedAppSetting } from './app-settings';
export type { AllowedAppSetting, AppSetting, AllowListedSettings } from './app-settings';
export { siteWebConfigFrom } from './site-web-config';
export type { SiteWebConfig } from './site-web-config';
export { declaredWorkerModel, GUNICORN_DEFAULTS, APP_SERVICE_DEFAULT_TIMEOUT_SEC } from './declared-worker-model';
export type { DeclaredValue, DeclaredWorkerModel } from './declared-worker-model';
export { allowListedSiteConfig, declaredConfigFrom } from './declared-config';
export type { DeclaredConfig, SiteConfigInput } from './declared-config';
export { compareWorkerModel } from './compare-worker-model';
export type { WorkerModelCheck, WorkerModelObservation, WorkerModelSetting } from './compare-worker-model';
export { redactCommand, REDACTED } from './redact-command';
