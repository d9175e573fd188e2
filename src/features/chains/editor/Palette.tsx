import { Box, ButtonBase, Stack, Typography } from '@mui/material';
import StickyNote2Icon from '@mui/icons-material/StickyNote2Outlined';
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { outPorts, type NodeKind } from '../../../domain/chains';
import { freeSpot } from '../canvas/chainEdits';
import { addNodeAt, addNoteAt, insertNodeAtPort } from '../canvas/editorActions';
import { useChainEditor } from '../canvas/editorStore';
import { NODE_KIND_MIME, NODE_LOOK, PALETTE_KINDS } from '../canvas/nodeLook';

/**
 * Node kinds to drag onto the canvas. Keyboard: Enter on a kind adds it after the selected
 * step's first free exit (so a chain can be built without a mouse), or at a free spot.
 */
function addByKeyboard(kind: NodeKind): void {
  const { chain, selectedIds } = useChainEditor.getState();
  if (!chain) return;
  const selected = chain.nodes.find((node) => selectedIds.has(node.id));
  const freePort = selected && kind !== 'trigger' ? outPorts(selected).find((port) => !chain.edges.some((edge) => edge.source === selected.id && edge.sourcePort === port.id)) : undefined;
  if (selected && freePort) insertNodeAtPort(selected.id, freePort.id, kind);
  else addNodeAt(kind, freeSpot(chain));
}

export function Palette({ direction }: { direction: 'row' | 'column' }) {
  const { t } = useTranslation();
  const { screenToFlowPosition } = useReactFlow();
  function onDragStart(event: DragEvent, kind: NodeKind): void {
    event.dataTransfer.setData(NODE_KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  }
  function addNote(): void {
    const canvas = document.querySelector('[data-testid="chain-canvas"]')?.getBoundingClientRect();
    addNoteAt(canvas ? screenToFlowPosition({ x: canvas.left + canvas.width / 2 - 110, y: canvas.top + canvas.height / 2 - 60 }) : { x: 0, y: 0 });
  }
  return (
    <Box component="section" aria-labelledby="palette-title" data-testid="palette">
      <Typography id="palette-title" variant="subtitle2" component="h2" sx={{ mb: 0.5 }}>{t('chains.editor.palette')}</Typography>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>{t('chains.editor.paletteHelp')}</Typography>
      <Stack direction={direction} sx={{ gap: 1, flexWrap: 'wrap' }}>
        {PALETTE_KINDS.map((kind) => {
          const Icon = NODE_LOOK[kind].icon;
          return (
            <ButtonBase
              key={kind}
              draggable
              onDragStart={(event) => onDragStart(event, kind)}
              onClick={() => addByKeyboard(kind)}
              data-testid={`palette-${kind}`}
              sx={{ justifyContent: 'flex-start', gap: 1, px: 1, py: 0.75, borderRadius: 1.5, border: '1px solid #d5d9e3', borderLeft: `4px solid ${NODE_LOOK[kind].color}`, bgcolor: 'background.paper', cursor: 'grab', textAlign: 'left', minWidth: direction === 'row' ? 130 : undefined, '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }}
            >
              <Icon fontSize="small" sx={{ color: NODE_LOOK[kind].color }} />
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>{t(`chains.kinds.${kind}`)}</Typography>
                {direction === 'column' && <Typography variant="caption" color="text.secondary">{t(`chains.kindHints.${kind}`)}</Typography>}
              </Box>
            </ButtonBase>
          );
        })}
        <ButtonBase onClick={addNote} data-testid="palette-note" sx={{ justifyContent: 'flex-start', gap: 1, px: 1, py: 0.75, borderRadius: 1.5, border: '1px dashed #c9b84a', bgcolor: '#fff9d6', textAlign: 'left', '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' } }}>
          <StickyNote2Icon fontSize="small" sx={{ color: '#8a7a10' }} />
          <Typography variant="body2" sx={{ fontWeight: 600 }}>{t('chains.editor.addNote')}</Typography>
        </ButtonBase>
      </Stack>
    </Box>
  );
}
