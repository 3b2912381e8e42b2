import { type ConnectField, type ConnectChannelRequest } from '@postplan/contracts';

/** The form's values split into what is stored as is and what is stored encrypted. */
export function toConnectRequest(
  fields: readonly ConnectField[],
  values: Readonly<Record<string, string>>,
): ConnectChannelRequest {
  const settings: Record<string, string> = {};
  const credentials: Record<string, string> = {};
  for (const f of fields) {
    const v = (values[f.name] ?? '').trim();
    if (v === '') continue;
    (f.kind === 'secret' ? credentials : settings)[f.name] = v;
  }
  return { settings, credentials };
}

/** Which field an issue path (`settings.chatId`, `credentials.botToken`) belongs to. */
export function fieldOfIssue(path: string): string | null {
  const m = /^(?:settings|credentials)\.([A-Za-z]+)/.exec(path);
  return m ? m[1]! : null;
}

/** Days until an instant, rounded down; negative once it has passed. */
export function daysUntil(iso: string, now: number): number {
  return Math.floor((new Date(iso).getTime() - now) / 86_400_000);
}
