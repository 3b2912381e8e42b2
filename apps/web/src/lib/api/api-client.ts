import type { z } from 'zod';
import { ImportJobSchema } from '@postplan/contracts';
import { ApiError, errorFromBody } from './api-error';

export const CSRF_COOKIE = 'postplan_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export type QueryValue = string | number | boolean | string[] | undefined | null;

/** Comma lists for arrays (as the API expects), and nothing for empty values. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
      continue;
    }
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type RequestOptions<T> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its content type (a file's bytes): instead of `body`. */
  raw?: { contentType: string; data: Blob | string };
  query?: Record<string, QueryValue>;
  /** The version the change is based on (optimistic concurrency). */
  ifMatch?: number;
  signal?: AbortSignal;
  /** Validates and types the response; without it the response is ignored. */
  schema?: z.ZodType<T>;
};

/**
 * The single way the app talks to the API: same origin, session cookie, CSRF header on every
 * mutation, and error bodies turned into ApiError with the contract's code.
 */
export async function apiRequest<T = void>(
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = String(options.ifMatch);
  if (MUTATING.has(method)) {
    const token = readCookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw
        ? options.raw.data
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      cause instanceof Error ? cause.message : 'Network error',
    );
  }

  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  if (!options.schema) return undefined as T;
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'INVALID_RESPONSE',
      `Unexpected response from ${method} ${path}`,
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** A file as the request body (imports): same origin, CSRF header, the file's own type. */
export async function uploadFile(path: string, file: File) {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': file.type || 'application/octet-stream',
  };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString({ name: file.name })}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch (cause) {
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      cause instanceof Error ? cause.message : 'Network error',
    );
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  return ImportJobSchema.parse(body);
}

/**
 * A multipart form (a media upload): same origin, CSRF header; the browser sets the boundary.
 * `onProgress` is left to a later XHR-based version; uploads show a busy state meanwhile.
 */
export async function postForm<T>(path: string, form: FormData, schema: z.ZodType<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: form,
    });
  } catch (cause) {
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      cause instanceof Error ? cause.message : 'Network error',
    );
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw errorFromBody(response.status, body);
  return schema.parse(body);
}
