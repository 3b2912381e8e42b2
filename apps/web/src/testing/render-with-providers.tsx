import type { Locale } from '@postplan/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ToastProvider } from '../components/ui/toast';
import { I18nProvider } from '../lib/i18n/i18n-context';
import { routedFetch } from './routed-fetch';

/** Renders with the app's providers; queries never retry, so failures show at once. */
export function renderWithProviders(ui: ReactElement, { locale = 'en' }: { locale?: Locale } = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const result = render(
    <QueryClientProvider client={client}>
      <I18nProvider initialLocale={locale}>
        <ToastProvider>{ui}</ToastProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...result, client };
}

export type FakeCall = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
};

/**
 * The fetch double for specs that expect calls in a known order: answers from a list of canned
 * responses, in order, whatever was asked (see `routedFetch` for answers by route).
 */
export function fakeFetch(responses: { status: number; body?: unknown }[]) {
  const queue = [...responses];
  return routedFetch(
    [],
    () =>
      queue.shift() ?? {
        status: 500,
        body: { error: { code: 'INTERNAL_ERROR', message: 'no canned response' } },
      },
  );
}
