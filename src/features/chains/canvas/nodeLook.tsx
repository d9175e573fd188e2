import BoltIcon from '@mui/icons-material/Bolt';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import FilterAltIcon from '@mui/icons-material/FilterAlt';
import FlagIcon from '@mui/icons-material/Flag';
import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import MailOutlineIcon from '@mui/icons-material/MailOutlined';
import type { SvgIconComponent } from '@mui/icons-material';
import type { NodeKind } from '../../../domain/chains';

/** How each node kind looks on the canvas and in the palette (one place for icons and colours). */
export const NODE_LOOK: Record<NodeKind, { icon: SvgIconComponent; color: string }> = {
  trigger: { icon: BoltIcon, color: '#7b3fe4' },
  filter: { icon: FilterAltIcon, color: '#0b7a75' },
  split: { icon: CallSplitIcon, color: '#9c4a00' },
  timer: { icon: HourglassBottomIcon, color: '#44617b' },
  message: { icon: MailOutlineIcon, color: '#1d5fbf' },
  goal: { icon: FlagIcon, color: '#2e7d32' },
};

/** The palette's order: how a chain is usually read. */
export const PALETTE_KINDS: readonly NodeKind[] = ['trigger', 'message', 'timer', 'filter', 'split', 'goal'];

/** The MIME type a palette item is dragged with. */
export const NODE_KIND_MIME = 'application/x-chainlab-node-kind';
