// Small SVG icons for markers, drawn inline (no icon fetch), centred on (0, 0), about 12 px.
import React from 'react';
import type { MarkerFamily } from '../draw/palette';

export function MarkerGlyph({ family, color, background }: { family: MarkerFamily; color: string; background: string }) {
  const common = { stroke: color, strokeWidth: 1.6, fill: 'none', strokeLinecap: 'round' as const };
  return (
    <g aria-hidden="true">
      <circle r={7.5} fill={background} stroke={color} strokeWidth={1.2} />
      {family === 'restart' && <path d="M3.5,-1.5 A3.8,3.8 0 1 0 3,2.6 M3.8,-4.2 L3.6,-1.2 L0.8,-1.6" {...common} />}
      {family === 'kill' && <path d="M-3,-3 L3,3 M3,-3 L-3,3" {...common} />}
      {family === 'timeout' && <path d="M0,-4 L0,0 L2.8,2" {...common} />}
      {/* Scale-out: arrows pointing apart (an instance added); scale-in: arrows pointing together. */}
      {family === 'scale-out' && <path d="M-1,0 L-4.5,0 M-3,-1.8 L-4.8,0 L-3,1.8 M1,0 L4.5,0 M3,-1.8 L4.8,0 L3,1.8" {...common} />}
      {family === 'scale-in' && <path d="M-4.8,0 L-1.2,0 M-2.8,-1.8 L-1,0 L-2.8,1.8 M4.8,0 L1.2,0 M2.8,-1.8 L1,0 L2.8,1.8" {...common} />}
      {family === 'boot' && <path d="M-2,-3.5 L3.2,0 L-2,3.5 Z" {...common} fill={color} />}
      {family === 'other' && <circle r={2} fill={color} />}
    </g>
  );
}
