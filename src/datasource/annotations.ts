// Annotation queries: restart/worker markers, 499 clusters and hypothesis windows. The backend's
// frames are already annotation-shaped (time, timeEnd, title, text, tags), so Grafana's default
// frame → event mapping applies unchanged.
import type { AnnotationQuery, AnnotationSupport } from '@grafana/data';
import { AnnotationQueryEditor } from './components/AnnotationQueryEditor';
import { migrateQuery } from './types/migrate';
import type { AppSvcQuery } from './types/query';
import { defaultQuery } from './types/switch-query-type';

export const ANNOTATION_KINDS = ['markers', 'clusters', 'windows'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export function annotationQuery(kind: AnnotationKind, refId = 'Anno'): AppSvcQuery {
  return kind === 'windows' ? { ...defaultQuery('hypotheses', refId), format: 'windows' } : defaultQuery(kind, refId);
}

export function annotationKindOf(query: AppSvcQuery): AnnotationKind | undefined {
  if (query.queryType === 'markers' || query.queryType === 'clusters') {
    return query.queryType;
  }
  return query.queryType === 'hypotheses' && query.format === 'windows' ? 'windows' : undefined;
}

export const annotationSupport: AnnotationSupport<AppSvcQuery> = {
  /** A new annotation starts as restart/worker markers; a stored one is migrated like any query. */
  prepareAnnotation(annotation: AnnotationQuery<AppSvcQuery>) {
    const target = annotation.target ? migrateQuery(annotation.target) : annotationQuery('markers');
    return { ...annotation, target };
  },
  prepareQuery(annotation: AnnotationQuery<AppSvcQuery>) {
    const target = annotation.target && migrateQuery(annotation.target);
    return target && annotationKindOf(target) ? target : undefined;
  },
  QueryEditor: AnnotationQueryEditor,
};
