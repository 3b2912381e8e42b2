import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { AuthLayout } from './layout/auth-layout';
import { LoginRoute, SetupRoute } from './routes/auth-routes';
import { CalendarRoute } from './routes/calendar-route';
import { HomeRedirect } from './routes/home-redirect';
import { NotFound } from './routes/not-found';
import { SessionGate } from './routes/session-gate';

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
            { path: 'calendar', element: <CalendarRoute /> },
          ],
        },
      ],
    },
    { path: '*', element: <NotFound /> },
  ]);
}
