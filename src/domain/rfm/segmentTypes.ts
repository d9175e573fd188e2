/** The shapes of a segment map's segments (segmentMaps.ts), apart so the presets can use them too. */
export interface ScoreRange {
  from: number;
  to: number;
}

export interface SegmentRule {
  r?: ScoreRange;
  f?: ScoreRange;
  m?: ScoreRange;
  fm?: ScoreRange;
}

export interface SegmentDefinition {
  /** Stable key (presets use e.g. 'champions'); unique within the map. */
  id: string;
  name: string;
  /** '#rrggbb' */
  color: string;
  strategy: string;
  rules: SegmentRule[];
}
