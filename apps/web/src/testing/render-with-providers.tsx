import type { Locale } from '@postplan/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ToastProvider } from '../components/ui/toast';
import { I18nProvider } from '../lib/i18n/i18n-context';

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

/** A fetch double that records calls and answers from a list of canned responses, in order. */
export function fakeFetch(responses: { status: number; body?: unknown }[]) {
  const calls: FakeCall[] = [];
  const queue = [...responses];
  const fetch = (input: string, init?: RequestInit): Promise<Response> => {
    calls.push({
      url: input,
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const next = queue.shift() ?? {
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', message: 'no canned response' } },
    };
    const response = {
      ok: next.status >= 200 && next.status < 300,
      status: next.status,
      text: () => Promise.resolve(next.body === undefined ? '' : JSON.stringify(next.body)),
    };
    return Promise.resolve(response as Response);
  };
  // The app only ever calls fetch with a URL string.
  globalThis.fetch = fetch as typeof globalThis.fetch;
  return calls;
}
