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
import { Suspense, useEffect, useState } from 'react';
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
import { lazyScreen, preloadWhenIdle } from './lazyScreen';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';

const DRAWER_WIDTH = 232;

// The heavier screens (charts, the importer, the journey editor) load on first visit, so the
// first paint of the Data screen does not wait for code it does not show; once the app is idle
// the rest is loaded ahead (lazyScreen.ts).
const ImportScreen = lazyScreen(() => import('../features/import/ImportScreen').then((module) => module.ImportScreen));
const DataQualityScreen = lazyScreen(() => import('../features/dataQuality/DataQualityScreen').then((module) => module.DataQualityScreen));
const SegmentsScreen = lazyScreen(() => import('../features/segments/SegmentsScreen').then((module) => module.SegmentsScreen));
const ChainsScreen = lazyScreen(() => import('../features/chains/list/ChainsScreen').then((module) => module.ChainsScreen));
const SharedChainScreen = lazyScreen(() => import('../features/chains/share/SharedChainScreen').then((module) => module.SharedChainScreen));
const ChainEditorScreen = lazyScreen(() => import('../features/chains/editor/ChainEditorScreen').then((module) => module.ChainEditorScreen));
const MetricsScreen = lazyScreen(() => import('../features/metrics/MetricsScreen').then((module) => module.MetricsScreen));
const RunsScreen = lazyScreen(() => import('../features/runs/list/RunsScreen').then((module) => module.RunsScreen));
const RunResultsScreen = lazyScreen(() => import('../features/runs/results/RunResultsScreen').then((module) => module.RunResultsScreen));
const CompareRunsScreen = lazyScreen(() => import('../features/runs/compare/CompareRunsScreen').then((module) => module.CompareRunsScreen));
const TraceScreen = lazyScreen(() => import('../features/runs/trace/TraceScreen').then((module) => module.TraceScreen));
const AudiencesScreen = lazyScreen(() => import('../features/audiences/AudiencesScreen').then((module) => module.AudiencesScreen));
const JourneyScreen = lazyScreen(() => import('../features/journey/JourneyScreen').then((module) => module.JourneyScreen));
const LAZY_SCREENS = [
  ImportScreen,
  DataQualityScreen,
  SegmentsScreen,
  ChainsScreen,
  SharedChainScreen,
  ChainEditorScreen,
  MetricsScreen,
  RunsScreen,
  RunResultsScreen,
  CompareRunsScreen,
  TraceScreen,
  AudiencesScreen,
  JourneyScreen,
];

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
  useEffect(() => preloadWhenIdle(LAZY_SCREENS), []);
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
        <ScreenErrorBoundary>
          <Suspense fallback={<BusyBar label={t('app.loadingScreen')} />}>
            <Routes>
              <Route path="/" element={<Navigate to="/data" replace />} />
              <Route path="/data" element={<DataScreen />} />
              <Route path="/data/import" element={<ImportScreen.Screen />} />
              <Route path="/data/quality" element={<DataQualityScreen.Screen />} />
              <Route path="/segments" element={<SegmentsScreen.Screen />} />
              <Route path="/journey" element={<JourneyScreen.Screen />} />
              <Route path="/metrics" element={<MetricsScreen.Screen />} />
              <Route path="/audiences" element={<AudiencesScreen.Screen />} />
              <Route path="/chains" element={<ChainsScreen.Screen />} />
              <Route path="/chains/shared" element={<SharedChainScreen.Screen />} />
              <Route path="/chains/:chainId" element={<ChainEditorScreen.Screen />} />
              <Route path="/runs" element={<RunsScreen.Screen />} />
              <Route path="/runs/:runId" element={<RunResultsScreen.Screen />} />
              <Route path="/runs/compare/:baseId/:otherId" element={<CompareRunsScreen.Screen />} />
              <Route path="/runs/:runId/trace/:customerId?" element={<TraceScreen.Screen />} />
              <Route path="*" element={<Navigate to="/data" replace />} />
            </Routes>
          </Suspense>
        </ScreenErrorBoundary>
        <RunProgressPanel />
      </Box>
    </Box>
  );
}
