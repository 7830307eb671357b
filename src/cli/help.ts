// --help texts, one per command.

export const MAIN_HELP = `appsvc-triage — diagnose intermittent 5xx/499 of Gunicorn apps on Azure App Service Linux

Usage:
  appsvc-triage <command> [options]

Commands:
  diagnose    rank the hypotheses (worker exhaustion, dependency cascade, restarts,
              outbound pressure, timeout, OOM, CPU) with their evidence and next checks
  help        show help for a command: appsvc-triage help diagnose

Options:
  --help      show this help (also: appsvc-triage <command> --help)

Exit codes: 0 diagnosed, 2 bad input (one line on stderr says what), 1 unexpected failure.
`;

export const DIAGNOSE_HELP = `appsvc-triage diagnose — rank the hypotheses for one app and window

Usage:
  appsvc-triage diagnose --source <spec> [--from ISO --to ISO] [--bin 1m] [--format text|markdown|json]

Options:
  --source <spec>   where the logs come from:
                      lab:<scenario>       a bundled lab recording (e.g. lab:h1-exhaustion)
                      files:<folder>       exported Log Analytics JSON / CSV / raw log files, plus
                                           optionally the site config (az webapp config show),
                                           az webapp config appsettings list output and
                                           az monitor metrics list JSON (CPU, memory, requests)
                      azure:<resource-id>  Log Analytics, platform metrics (Azure Monitor), and the
                                           site's config and app settings through Resource Manager
                                           (needs Azure settings)
  --from <ISO>      window start, e.g. 2026-04-04T05:30:00Z (with --to; default: all data)
  --to <ISO>        window end
  --bin <size>      bin width: 30s, 1m (default), 5m, 1h …
  --format <fmt>    text (default, for a terminal), markdown (for an incident doc),
                    json (the report contract)
  --auth <kind>     azure: azure-cli, managed-identity, workload-identity or client-secret
                    (default: picked from AZURE_CLIENT_SECRET / AZURE_FEDERATED_TOKEN_FILE /
                    IDENTITY_ENDPOINT in the environment, else your az login)
  --help            show this help

Files that cannot be used are listed with the reason; the rest is still diagnosed.
App settings: only GUNICORN_CMD_ARGS, PYTHON_ENABLE_GUNICORN_MULTIWORKERS,
PYTHON_GUNICORN_CUSTOM_WORKER_NUM, PYTHON_GUNICORN_CUSTOM_THREAD_NUM,
WEBSITES_CONTAINER_START_TIME_LIMIT, WEBSITES_PORT, WEBSITE_HEALTHCHECK_MAXPINGFAILURES and
WEBSITE_HEALTHCHECK_MAXUNHEALTHYWORKERPERCENT are read; no other value is kept or printed.
Exit codes: 0 diagnosed, 2 bad input (missing folder, no usable rows, empty window,
unknown scenario, bad option), 1 Azure query failure or unexpected failure.
`;
