// Icons load SVG over HTTP in Grafana; in jsdom render an empty svg with the same props.
import React from 'react';

type Props = React.SVGProps<SVGSVGElement> & { src?: string; innerRef?: unknown; cacheRequests?: boolean };

export default function InlineSVG({ src, innerRef: _innerRef, cacheRequests: _cache, ...rest }: Props) {
  return <svg data-src={src} {...rest} />;
}
