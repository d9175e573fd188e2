import { describe, expect, it } from 'vitest';
import { isMinimapShown, MINIMAP_FROM_NODES } from './minimap';

describe('the canvas minimap', () => {
  it('is hidden on a chain seen whole at a glance and shown on a large one', () => {
    expect(isMinimapShown(12, null)).toBe(false);
    expect(isMinimapShown(MINIMAP_FROM_NODES - 1, null)).toBe(false);
    expect(isMinimapShown(MINIMAP_FROM_NODES, null)).toBe(true);
    expect(isMinimapShown(300, null)).toBe(true);
  });

  it('follows the user’s choice whatever the size', () => {
    expect(isMinimapShown(12, true)).toBe(true);
    expect(isMinimapShown(300, false)).toBe(false);
  });
});
