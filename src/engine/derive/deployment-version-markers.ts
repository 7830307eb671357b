// Deployment markers from the platform's deployment ids: the first row on an instance that names a
// different deployment than the row before it. The first id seen is the state the export began in,
// not a deployment inside it.
import { Marker } from '../model/findings';
import { DeploymentSighting } from '../parse/deployment-version';

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** One marker per change of deployment id on an instance; sightings must be time-ordered. */
export function deploymentVersionMarkers(sightings: DeploymentSighting[]): Marker[] {
  const current = new Map<string, string>();
  const markers: Marker[] = [];
  for (const sighting of sightings) {
    const previous = current.get(sighting.instance);
    current.set(sighting.instance, sighting.deploymentId);
    if (previous === undefined || previous === sighting.deploymentId) {
      continue;
    }
    const via = sighting.via === 'DeploymentId' ? 'DeploymentId column' : 'platform version line';
    markers.push({
      time: sighting.time,
      kind: 'deployment',
      instance: sighting.instance,
      generation: 0,
      title: `site now runs deployment ${shortId(sighting.deploymentId)} (was ${shortId(previous)}; ${via})`,
      source: { table: 'platform', row: sighting.row, line: sighting.line },
    });
  }
  return markers;
}
