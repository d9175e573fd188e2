import { Button } from '@mui/material';
import ScienceIcon from '@mui/icons-material/Science';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chain } from '../../../domain/chains';
import { whatIfSettingsOf } from '../../../domain/runs';
import { WhatIfDialog } from './WhatIfDialog';

/** "Try values…" in the inspector: a what-if on the selected node (nodeId) or on the chain's settings (null). Nothing for nodes without a setting to vary. */
export function TryValuesButton({ workspaceId, chain, nodeId }: { workspaceId: string; chain: Chain; nodeId: string | null }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const node = nodeId === null ? null : chain.nodes.find((item) => item.id === nodeId);
  if (node === undefined || (node && whatIfSettingsOf(node).length === 0)) return null;
  return (
    <>
      <Button variant="outlined" size="small" startIcon={<ScienceIcon />} onClick={() => setOpen(true)} sx={{ alignSelf: 'flex-start' }} data-testid="try-values">{t('runWhatIf.tryValues')}</Button>
      {isOpen && <WhatIfDialog workspaceId={workspaceId} chain={chain} nodeId={nodeId} onClose={() => setOpen(false)} />}
    </>
  );
}
