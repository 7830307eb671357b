// Runs one query with the Azure CLI credential in a child process, so the test can give it a
// PATH holding a stand-in `az` (jest's sandboxed process.env never reaches grandchildren).
// Usage: tsx azure-cli-probe.ts '<json: {url, ca, workspaceId, tenantId}>'
import { clientFromSettings } from './azure-cli-probe-client';

const { url, ca, workspaceId, tenantId } = JSON.parse(process.argv[2]) as Record<string, string>;

clientFromSettings(url, ca, workspaceId, tenantId)
  .query({ name: 'probe', query: 'AppServiceHTTPLogs | take 1', window: { from: 0, to: 60_000 } })
  .then(
    (outcome) => process.stdout.write(JSON.stringify({ ok: true, rows: outcome.table.rows.length })),
    (error: Error) => process.stdout.write(JSON.stringify({ ok: false, error: error.message }))
  );
