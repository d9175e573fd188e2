import { Box } from '@mui/material';
import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { useCanvasText } from './canvasText';
import { updateNote } from './chainEdits';
import { useChainEditor } from './editorStore';
import type { NoteFlowNode } from './flowGraph';

/** A sticky note: free text on the canvas, resizable; typing in it is one undo step per pause. */
function NoteCardView({ data, selected }: NodeProps<NoteFlowNode>) {
  const { t } = useCanvasText();
  const note = data.note;
  const [draft, setDraft] = useState<string | null>(null);
  function change(text: string): void {
    setDraft(text);
    const { chain, edit } = useChainEditor.getState();
    if (chain) edit(updateNote(chain, note.id, { text }), { coalesceKey: `note:${note.id}:text` });
  }
  return (
    <Box data-testid="sticky-note" sx={{ width: '100%', height: '100%', bgcolor: '#fff6c4', border: '1px solid', borderColor: selected ? 'primary.main' : '#e6d77a', borderRadius: 1, boxShadow: '0 1px 3px rgba(0,0,0,.12)', p: 0.5 }}>
      <NodeResizer isVisible={selected} minWidth={120} minHeight={60} />
      <Box
        component="textarea"
        className="nodrag nowheel"
        aria-label={t('chains.editor.noteLabel')}
        placeholder={t('chains.editor.notePlaceholder')}
        value={draft ?? note.text}
        onChange={(event) => change(event.target.value)}
        onBlur={() => {
          setDraft(null);
          useChainEditor.getState().closeStep();
        }}
        sx={{ width: '100%', height: '100%', resize: 'none', border: 'none', outline: 'none', bgcolor: 'transparent', font: 'inherit', fontSize: 14, color: '#3d3500' }}
      />
    </Box>
  );
}

export const NoteCard = memo(NoteCardView);
