import type { WordingFinding as ServerFinding } from '@postplan/contracts';
import { fixesOf, type WordingFinding as EngineFinding } from '@postplan/domain';

export type Severity = 'error' | 'warning' | 'hint';
export type LocalizedText = { de: string; en: string };

export type UiFix = { start: number; end: number; replacement: string; label: LocalizedText };

/**
 * One finding as the editor shows it, whether the engine in the browser or the server found it.
 * `channelIds` says which targets it applies to: a base text checked for X and Instagram may be
 * too long for one of them only.
 */
export type UiFinding = {
  key: string;
  rule: string;
  severity: Severity;
  message: LocalizedText;
  start: number;
  end: number;
  fixes: UiFix[];
  source: 'local' | 'server';
  channelIds: string[];
};

/**
 * Rules only the server can decide: it has the dictionaries (spelling, and splitting hashtags
 * into words) and the workspace's stored posts (duplicates). The browser leaves them out and
 * takes them from the check endpoint; everything else it decides itself, on every keystroke.
 */
export const SERVER_RULES: ReadonlySet<string> = new Set([
  'spelling.unknown-word',
  'hashtags.camel-case',
  'duplicate.recent',
  'duplicate.x-identical',
]);

export function findingKey(f: Pick<UiFinding, 'rule' | 'start' | 'end' | 'message'>): string {
  return `${f.rule}:${f.start}:${f.end}:${f.message.en}`;
}

export function fromEngine(finding: EngineFinding, channelId: string | null): UiFinding {
  const base = {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    start: finding.start,
    end: finding.end,
  };
  return {
    ...base,
    key: findingKey(base),
    fixes: fixesOf(finding).map((fix) => ({
      start: fix.start,
      end: fix.end,
      replacement: fix.replacement,
      label: fix.label,
    })),
    source: 'local',
    channelIds: channelId ? [channelId] : [],
  };
}

export function fromServer(finding: ServerFinding, channelId: string | null): UiFinding {
  const base = {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.messages,
    start: finding.start,
    end: finding.end,
  };
  const fixes = finding.fixes ?? (finding.fix ? [finding.fix] : []);
  return {
    ...base,
    key: findingKey(base),
    fixes: fixes.map((fix) => ({
      start: fix.start,
      end: fix.end,
      replacement: fix.replacement,
      label: fix.labels,
    })),
    source: 'server',
    channelIds: channelId ? [channelId] : [],
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, hint: 2 };

function byPosition(a: UiFinding, b: UiFinding): number {
  return (
    a.start - b.start ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.end - b.end ||
    a.rule.localeCompare(b.rule)
  );
}

/**
 * One list from several checks of the same text (one per channel that uses it): the same finding
 * reported for two channels appears once, naming both.
 */
export function combineFindings(lists: readonly (readonly UiFinding[])[]): UiFinding[] {
  const byKey = new Map<string, UiFinding>();
  for (const list of lists) {
    for (const finding of list) {
      const seen = byKey.get(finding.key);
      if (!seen) {
        byKey.set(finding.key, { ...finding, channelIds: [...finding.channelIds] });
        continue;
      }
      for (const id of finding.channelIds)
        if (!seen.channelIds.includes(id)) seen.channelIds.push(id);
    }
  }
  return [...byKey.values()].sort(byPosition);
}

/**
 * The browser's findings for everything it can decide, plus the server's for what only the
 * server knows. The server's answer may be for an older text: `mapThroughEdit` has moved its
 * ranges onto the current one before they get here.
 */
export function mergeLocalAndServer(
  local: readonly UiFinding[],
  server: readonly UiFinding[],
): UiFinding[] {
  return combineFindings([
    local.filter((f) => !SERVER_RULES.has(f.rule)),
    server.filter((f) => SERVER_RULES.has(f.rule)),
  ]);
}

export type FindingCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Pick<UiFinding, 'severity'>[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
