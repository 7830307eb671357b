import { annotationKindOf, annotationQuery, annotationSupport, ANNOTATION_KINDS } from './annotations';

describe('annotation support', () => {
  it.each(ANNOTATION_KINDS)('%s: the query it builds is recognised as that kind again', (kind) => {
    expect(annotationKindOf(annotationQuery(kind))).toBe(kind);
  });

  it('hypothesis windows are the windows format of the hypotheses query', () => {
    expect(annotationQuery('windows')).toMatchObject({ queryType: 'hypotheses', format: 'windows' });
  });

  it('a new annotation starts with restart and worker markers', () => {
    const prepared = annotationSupport.prepareAnnotation!({ name: 'Restarts', enable: true, iconColor: 'red' } as never);
    expect(prepared.target).toMatchObject({ queryType: 'markers', version: 1 });
  });

  it('migrates a stored unversioned target and refuses non-annotation query types', () => {
    const stored = { name: 'x', enable: true, iconColor: 'red', target: { refId: 'Anno', queryType: 'clusters', paths: '/api/slow' } };
    expect(annotationSupport.prepareQuery!(stored as never)).toMatchObject({ queryType: 'clusters', paths: ['/api/slow'] });
    const series = { ...stored, target: { refId: 'Anno', queryType: 'series', version: 1 } };
    expect(annotationSupport.prepareQuery!(series as never)).toBeUndefined();
  });
});
