import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '../components/ui/states';
import { useI18n } from '../lib/i18n/i18n-context';
import { AppLayout } from './layout/app-layout';
import { AuthLayout } from './layout/auth-layout';
import { LoginRoute, SetupRoute } from './routes/auth-routes';
import { HomeRedirect } from './routes/home-redirect';
import { NotFound } from './routes/not-found';
import { SessionGate } from './routes/session-gate';

// FullCalendar is most of the code: the login page should not wait for it.
const CalendarRoute = lazy(() =>
  import('./routes/calendar-route').then((m) => ({ default: m.CalendarRoute })),
);

function LazyCalendar() {
  const { t } = useI18n();
  return (
    <Suspense fallback={<LoadingState label={t('calendar.loading')} />}>
      <CalendarRoute />
    </Suspense>
  );
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AuthLayout />,
      children: [
        { path: '/login', element: <LoginRoute /> },
        { path: '/setup', element: <SetupRoute /> },
      ],
    },
    {
      element: <SessionGate />,
      children: [
        { path: '/', element: <HomeRedirect /> },
        {
          path: '/w/:slug',
          element: <AppLayout />,
          children: [
            { index: true, element: <Navigate to="calendar" replace /> },
            { path: 'calendar', element: <LazyCalendar /> },
          ],
        },
      ],
    },
    { path: '*', element: <NotFound /> },
  ]);
}
