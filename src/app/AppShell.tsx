import {
  AppBar,
  Box,
  Drawer,
  IconButton,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Stack,
  Toolbar,
  Typography,
  useMediaQuery,
  useTheme,
} from '@mui/material';
import HubIcon from '@mui/icons-material/Hub';
import MenuIcon from '@mui/icons-material/Menu';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { DataScreen } from '../features/data/DataScreen';
import { LanguageSwitch } from '../features/settings/LanguageSwitch';
import { StorageIndicator } from '../features/settings/StorageIndicator';
import { useWorkspaceDisplaySync } from '../features/settings/useWorkspaceDisplay';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';
import { NAV_ITEMS } from './navigation';
import { BusyBar } from '../ui/ProgressBars';
import { RunProgressPanel } from '../features/runs/run/RunProgress';
import { InterruptedJobsNotice } from '../features/interruptedJobs/InterruptedJobsNotice';

const DRAWER_WIDTH = 232;

// The heavier screens (charts, the importer, the journey editor) load on first visit, so the
// first paint of the Data screen does not wait for code it does not show.
const ImportScreen = lazy(() => import('../features/import/ImportScreen').then((module) => ({ default: module.ImportScreen })));
const DataQualityScreen = lazy(() => import('../features/dataQuality/DataQualityScreen').then((module) => ({ default: module.DataQualityScreen })));
const SegmentsScreen = lazy(() => import('../features/segments/SegmentsScreen').then((module) => ({ default: module.SegmentsScreen })));
const ChainsScreen = lazy(() => import('../features/chains/list/ChainsScreen').then((module) => ({ default: module.ChainsScreen })));
const SharedChainScreen = lazy(() => import('../features/chains/share/SharedChainScreen').then((module) => ({ default: module.SharedChainScreen })));
const ChainEditorScreen = lazy(() => import('../features/chains/editor/ChainEditorScreen').then((module) => ({ default: module.ChainEditorScreen })));
const MetricsScreen = lazy(() => import('../features/metrics/MetricsScreen').then((module) => ({ default: module.MetricsScreen })));
const RunsScreen = lazy(() => import('../features/runs/list/RunsScreen').then((module) => ({ default: module.RunsScreen })));
const RunResultsScreen = lazy(() => import('../features/runs/results/RunResultsScreen').then((module) => ({ default: module.RunResultsScreen })));
const CompareRunsScreen = lazy(() => import('../features/runs/compare/CompareRunsScreen').then((module) => ({ default: module.CompareRunsScreen })));
const TraceScreen = lazy(() => import('../features/runs/trace/TraceScreen').then((module) => ({ default: module.TraceScreen })));
const AudiencesScreen = lazy(() => import('../features/audiences/AudiencesScreen').then((module) => ({ default: module.AudiencesScreen })));
const JourneyScreen = lazy(() => import('../features/journey/JourneyScreen').then((module) => ({ default: module.JourneyScreen })));

function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <List component="nav" aria-label={t('nav.menu')} sx={{ px: 1 }}>
      {NAV_ITEMS.map((item) => (
        <ListItemButton
          key={item.path}
          component={NavLink}
          to={item.path}
          onClick={onNavigate}
          sx={{ borderRadius: 2, mb: 0.5, '&.active': { bgcolor: 'action.selected', fontWeight: 600 } }}
        >
          <ListItemIcon sx={{ minWidth: 40 }}>
            <item.icon />
          </ListItemIcon>
          <ListItemText primary={t(item.label)} />
        </ListItemButton>
      ))}
    </List>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const theme = useTheme();
  const isWide = useMediaQuery(theme.breakpoints.up('md'));
  const [isMenuOpen, setMenuOpen] = useState(false);
  useWorkspaceDisplaySync();
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" color="inherit" sx={{ zIndex: theme.zIndex.drawer + 1, borderBottom: '1px solid #e3e5ee' }} elevation={0}>
        <Toolbar sx={{ gap: 1 }}>
          {!isWide && (
            <IconButton edge="start" aria-label={t('nav.menu')} onClick={() => setMenuOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mr: 2 }}>
            <HubIcon color="primary" />
            <Typography variant="h6" component="div" color="primary">
              {t('app.name')}
            </Typography>
          </Stack>
          <WorkspaceSwitcher />
          <Box sx={{ flexGrow: 1 }} />
          <StorageIndicator />
          <LanguageSwitch />
        </Toolbar>
      </AppBar>
      <Drawer
        variant={isWide ? 'permanent' : 'temporary'}
        open={isWide || isMenuOpen}
        onClose={() => setMenuOpen(false)}
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <Navigation onNavigate={() => setMenuOpen(false)} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 } }}>
        <Toolbar />
        <InterruptedJobsNotice />
        <Suspense fallback={<BusyBar label={t('app.loadingScreen')} />}>
          <Routes>
            <Route path="/" element={<Navigate to="/data" replace />} />
            <Route path="/data" element={<DataScreen />} />
            <Route path="/data/import" element={<ImportScreen />} />
            <Route path="/data/quality" element={<DataQualityScreen />} />
            <Route path="/segments" element={<SegmentsScreen />} />
            <Route path="/journey" element={<JourneyScreen />} />
            <Route path="/metrics" element={<MetricsScreen />} />
            <Route path="/audiences" element={<AudiencesScreen />} />
            <Route path="/chains" element={<ChainsScreen />} />
            <Route path="/chains/shared" element={<SharedChainScreen />} />
            <Route path="/chains/:chainId" element={<ChainEditorScreen />} />
            <Route path="/runs" element={<RunsScreen />} />
            <Route path="/runs/:runId" element={<RunResultsScreen />} />
            <Route path="/runs/compare/:baseId/:otherId" element={<CompareRunsScreen />} />
            <Route path="/runs/:runId/trace/:customerId?" element={<TraceScreen />} />
            <Route path="*" element={<Navigate to="/data" replace />} />
          </Routes>
        </Suspense>
        <RunProgressPanel />
      </Box>
    </Box>
  );
}
