import type { AppSvcOptions } from '../../types/options';

/** What each source's settings section gets: the current options and a patcher. */
export interface SettingsProps {
  uid: string;
  jsonData: AppSvcOptions;
  onJsonChange: (patch: Partial<AppSvcOptions>) => void;
}
