import type {
  CampaignDetail,
  CampaignUtm,
  Platform,
  UpdateCampaignRequest,
} from '@postplan/contracts';

/** The settings form: every field as the inputs hold it. */
export type CampaignFormValues = {
  name: string;
  color: string;
  startsOn: string;
  endsOn: string;
  goalText: string;
  goalTarget: string;
  goalUnit: string;
  ownerId: string;
  brief: string;
  channelIds: string[];
  utmOn: boolean;
  sources: Partial<Record<Platform, string>>;
  medium: string;
  utmCampaign: string;
  content: string;
  term: string;
};

/** A readable default for utm_campaign: the name in lower case, words joined by hyphens. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function campaignToForm(c: CampaignDetail): CampaignFormValues {
  return {
    name: c.name,
    color: c.color,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    goalText: c.goal.text,
    goalTarget: c.goal.target === null ? '' : String(c.goal.target),
    goalUnit: c.goal.unit ?? '',
    ownerId: c.ownerId ?? '',
    brief: c.brief,
    channelIds: c.channelIds,
    utmOn: c.utm !== null,
    sources: c.utm?.sources ?? {},
    medium: c.utm?.medium ?? 'social',
    utmCampaign: c.utm?.campaign ?? slugOf(c.name),
    content: c.utm?.content ?? '',
    term: c.utm?.term ?? '',
  };
}

export type FormProblem = 'required' | 'periodOrder' | 'targetInvalid' | 'utmRequired';

/** What the form sends, or what is wrong with it (the server checks again). */
export function campaignUpdate(
  v: CampaignFormValues,
):
  { ok: true; body: Omit<UpdateCampaignRequest, 'version'> } | { ok: false; problem: FormProblem } {
  if (!v.name.trim() || !v.startsOn || !v.endsOn) return { ok: false, problem: 'required' };
  if (v.endsOn < v.startsOn) return { ok: false, problem: 'periodOrder' };
  const target = v.goalTarget.trim() === '' ? null : Number(v.goalTarget.replace(',', '.'));
  if (target !== null && !Number.isFinite(target)) return { ok: false, problem: 'targetInvalid' };
  let utm: CampaignUtm | null = null;
  if (v.utmOn) {
    if (!v.medium.trim() || !v.utmCampaign.trim()) return { ok: false, problem: 'utmRequired' };
    const sources: Partial<Record<Platform, string>> = {};
    for (const [platform, source] of Object.entries(v.sources) as [Platform, string][]) {
      if (source.trim()) sources[platform] = source.trim();
    }
    utm = {
      sources,
      medium: v.medium.trim(),
      campaign: v.utmCampaign.trim(),
      content: v.content.trim() || null,
      term: v.term.trim() || null,
    };
  }
  return {
    ok: true,
    body: {
      name: v.name.trim(),
      color: v.color,
      startsOn: v.startsOn,
      endsOn: v.endsOn,
      goal: { text: v.goalText.trim(), target, unit: v.goalUnit.trim() || null },
      ...(v.ownerId ? { ownerId: v.ownerId } : {}),
      brief: v.brief,
      channelIds: v.channelIds,
      utm,
    },
  };
}
