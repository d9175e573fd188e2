import { ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import { memo, useState, type MouseEvent } from 'react';
import type { NodeKind } from '../../../domain/chains';
import { useCanvasText } from './canvasText';
import { NODE_LOOK } from './nodeLook';

/**
 * The "+" on a link or a free exit: a plain button (hundreds of them on a big chain) that opens
 * the kinds that can go there; the menu is mounted only while open. `nodrag nopan` keep React
 * Flow from starting a drag or pan on it.
 */
function stop(event: { stopPropagation(): void }): void {
  event.stopPropagation();
}

export const InsertMenu = memo(function InsertMenu({ kinds, label, testId, onPick }: { kinds: readonly NodeKind[]; label: string; testId: string; onPick(kind: NodeKind): void }) {
  const { t } = useCanvasText();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  function open(event: MouseEvent<HTMLElement>): void {
    event.stopPropagation();
    setAnchor(event.currentTarget);
  }
  return (
    <>
      <button type="button" className="cl-plus nodrag nopan" aria-label={label} title={label} aria-haspopup="menu" data-testid={testId} onClick={open} onKeyDown={stop}>
        +
      </button>
      {anchor && (
        // React events bubble out of the portal into the node or link the "+" sits on: stop them, or
        // React Flow would select that node or link after the pick.
        <Menu anchorEl={anchor} open onClose={() => setAnchor(null)} onClick={stop} onKeyDown={stop} onMouseDown={stop} slotProps={{ list: { 'aria-label': t('chains.editor.insertMenu'), dense: true } }}>
          {kinds.map((kind) => {
            const Icon = NODE_LOOK[kind].icon;
            return (
              <MenuItem
                key={kind}
                data-testid={`insert-${kind}`}
                onClick={() => {
                  setAnchor(null);
                  onPick(kind);
                }}
              >
                <ListItemIcon>
                  <Icon fontSize="small" sx={{ color: NODE_LOOK[kind].color }} />
                </ListItemIcon>
                <ListItemText primary={t(`chains.kinds.${kind}`)} secondary={t(`chains.kindHints.${kind}`)} />
              </MenuItem>
            );
          })}
        </Menu>
      )}
    </>
  );
});
