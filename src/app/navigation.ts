import StorageIcon from '@mui/icons-material/Storage';
import DonutSmallIcon from '@mui/icons-material/DonutSmall';
import RouteIcon from '@mui/icons-material/Route';
import InsightsIcon from '@mui/icons-material/Insights';
import GroupsIcon from '@mui/icons-material/Groups';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import PlayCircleOutlineIcon from '@mui/icons-material/PlayCircleOutlined';
import type { SvgIconComponent } from '@mui/icons-material';

export interface NavItem {
  path: string;
  /** i18n key of the label */
  label: 'nav.data' | 'nav.segments' | 'nav.journey' | 'nav.metrics' | 'nav.audiences' | 'nav.chains' | 'nav.runs';
  icon: SvgIconComponent;
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/data', label: 'nav.data', icon: StorageIcon },
  { path: '/segments', label: 'nav.segments', icon: DonutSmallIcon },
  { path: '/journey', label: 'nav.journey', icon: RouteIcon },
  { path: '/metrics', label: 'nav.metrics', icon: InsightsIcon },
  { path: '/audiences', label: 'nav.audiences', icon: GroupsIcon },
  { path: '/chains', label: 'nav.chains', icon: AccountTreeIcon },
  { path: '/runs', label: 'nav.runs', icon: PlayCircleOutlineIcon },
];
