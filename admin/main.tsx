/**
 * The workbench's entry: antd with the zh-CN locale and an accessible theme, the session, and the
 * routes (under /admin/), each screen loaded on demand.
 */
import { StrictMode, lazy, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, useRouteError } from 'react-router';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { SessionProvider, useSession } from './components/session.tsx';
import { AppLayout, Centered } from './components/AppLayout.tsx';
import { canSee, homePath } from './components/navigation.ts';
import { t } from './i18n/index.ts';
import './styles.css';

// Login and 修改密码 are in the main bundle: while a one-time password is pending the server refuses
// every other request of the session, chunk downloads included.
import LoginScene from './scenes/Login/LoginScene.tsx';
import ChangePasswordScene from './scenes/ChangePassword/ChangePasswordScene.tsx';

const MyTasksScene = lazy(() => import('./scenes/MyTasks/MyTasksScene.tsx'));
const LeadReviewScene = lazy(() => import('./scenes/LeadReview/LeadReviewScene.tsx'));
const OverviewScene = lazy(() => import('./scenes/Overview/OverviewScene.tsx'));
const ImportScene = lazy(() => import('./scenes/Import/ImportScene.tsx'));
const UnitsScene = lazy(() => import('./scenes/Units/UnitsScene.tsx'));
const UsersScene = lazy(() => import('./scenes/Users/UsersScene.tsx'));
const RequestsScene = lazy(() => import('./scenes/Requests/RequestsScene.tsx'));
const RequestDetailScene = lazy(() => import('./scenes/Requests/RequestDetailScene.tsx'));
const PublicationsScene = lazy(() => import('./scenes/Publications/PublicationsScene.tsx'));
const PublicationScene = lazy(() => import('./scenes/Publications/PublicationScene.tsx'));
const CatalogueScene = lazy(() => import('./scenes/Catalogue/CatalogueScene.tsx'));
const NormativeScene = lazy(() => import('./scenes/Normative/NormativeScene.tsx'));
const NormativeDetailScene = lazy(() => import('./scenes/Normative/NormativeDetailScene.tsx'));
const GazetteScene = lazy(() => import('./scenes/Gazette/GazetteScene.tsx'));
const InterpretationsScene = lazy(() => import('./scenes/Interpretations/InterpretationsScene.tsx'));
const InterpretationScene = lazy(() => import('./scenes/Interpretations/InterpretationScene.tsx'));
const ConsultationsScene = lazy(() => import('./scenes/Consultations/ConsultationsScene.tsx'));
const ConsultationScene = lazy(() => import('./scenes/Consultations/ConsultationScene.tsx'));
const InspectionsScene = lazy(() => import('./scenes/Inspections/InspectionsScene.tsx'));
const InspectionScene = lazy(() => import('./scenes/Inspections/InspectionScene.tsx'));
const RectificationsScene = lazy(() => import('./scenes/Inspections/RectificationsScene.tsx'));
const AnnualReportsScene = lazy(() => import('./scenes/AnnualReports/AnnualReportsScene.tsx'));
const AnnualReportScene = lazy(() => import('./scenes/AnnualReports/AnnualReportScene.tsx'));
const EvaluationsScene = lazy(() => import('./scenes/Evaluations/EvaluationsScene.tsx'));

function Loading() {
  return <Centered><Spin aria-label={t.common.loading} /></Centered>;
}

/** Signed-in screens: to the login when signed out; to 修改密码 while a one-time password is pending. */
function RequireAuth({ children, passwordScreen = false }: { children: ReactNode; passwordScreen?: boolean }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword && !passwordScreen) return <Navigate to="/password" replace />;
  return <>{children}</>;
}

function RequireRole({ screen, children }: { screen: string; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !canSee(user.role, screen)) return <Result status="403" title="403" subTitle={t.errors.forbidden} />;
  return <>{children}</>;
}

function Home() {
  const { user } = useSession();
  return user ? <Navigate to={homePath(user.role)} replace /> : <Loading />;
}

function NotFound() {
  return <Result status="404" title="404" subTitle={t.errors.notFound} />;
}

/** A screen failed to render or load: after an update its old chunk may be gone; reloading fetches the new one. */
function RouteError() {
  const error = useRouteError();
  const text = error instanceof Error ? error.message : String(error);
  const stale = /dynamically imported module|Importing a module script failed|Loading chunk/i.test(text);
  return (
    <Result
      status={stale ? 'info' : 'error'}
      title={stale ? t.errors.updated : t.errors.unknown}
      subTitle={stale ? undefined : text}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t.errors.reload}</Button>}
    />
  );
}

const screen = (key: string, node: ReactNode) => <RequireRole screen={key}>{node}</RequireRole>;

const router = createBrowserRouter(
  [
    { path: '/login', errorElement: <RouteError />, element: <Suspense fallback={<Loading />}><LoginScene /></Suspense> },
    { path: '/password', errorElement: <RouteError />, element: <RequireAuth passwordScreen><Suspense fallback={<Loading />}><ChangePasswordScene /></Suspense></RequireAuth> },
    {
      path: '/',
      element: <RequireAuth><AppLayout /></RequireAuth>,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Home /> },
        { path: 'tasks', element: screen('tasks', <MyTasksScene />) },
        { path: 'reviews', element: screen('review', <LeadReviewScene />) },
        { path: 'review', element: <Navigate to="/reviews" replace /> },
        { path: 'overview', element: screen('overview', <OverviewScene />) },
        { path: 'import', element: screen('import', <ImportScene />) },
        { path: 'units', element: screen('units', <UnitsScene />) },
        { path: 'users', element: screen('users', <UsersScene />) },
        { path: 'requests', element: screen('requests', <RequestsScene />) },
        { path: 'requests/:id', element: screen('requests', <RequestDetailScene />) },
        { path: 'publications', element: screen('publications', <PublicationsScene />) },
        { path: 'publications/new', element: screen('publications', <PublicationScene />) },
        { path: 'publications/:id', element: screen('publications', <PublicationScene />) },
        { path: 'catalogue', element: screen('catalogue', <CatalogueScene />) },
        { path: 'normative', element: screen('normative', <NormativeScene />) },
        { path: 'normative/:id', element: screen('normative', <NormativeDetailScene />) },
        { path: 'gazette', element: screen('gazette', <GazetteScene />) },
        { path: 'interpretations', element: screen('interpretations', <InterpretationsScene />) },
        { path: 'interpretations/new', element: screen('interpretations', <InterpretationScene />) },
        { path: 'interpretations/:id', element: screen('interpretations', <InterpretationScene />) },
        { path: 'consultations', element: screen('consultations', <ConsultationsScene />) },
        { path: 'consultations/new', element: screen('consultations', <ConsultationScene />) },
        { path: 'consultations/:id', element: screen('consultations', <ConsultationScene />) },
        { path: 'inspections', element: screen('inspections', <InspectionsScene />) },
        { path: 'inspections/:id', element: screen('inspections', <InspectionScene />) },
        { path: 'rectifications', element: screen('rectifications', <RectificationsScene />) },
        { path: 'annual-reports', element: screen('annualReports', <AnnualReportsScene />) },
        { path: 'annual-reports/:id', element: screen('annualReports', <AnnualReportScene />) },
        { path: 'evaluations', element: screen('evaluations', <EvaluationsScene />) },
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  { basename: '/admin' },
);

const theme = {
  token: {
    // Darker than antd's default blue so white-on-primary text meets WCAG AA contrast
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.5)',
    borderRadius: 4,
    fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
