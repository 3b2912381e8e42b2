import { describe, expect, it } from '@jest/globals';
import type { CampaignDetail } from '@postplan/contracts';
import { campaignToForm, campaignUpdate, slugOf } from './campaign-form';

const campaign: CampaignDetail = {
  id: 'c',
  version: 3,
  name: 'Frühjahrs-Aktion',
  color: '#16a34a',
  startsOn: '2026-03-01',
  endsOn: '2026-03-31',
  goal: { text: 'Besuche', target: null, unit: null },
  ownerId: 'u',
  channelIds: ['ch'],
  brief: '',
  utm: null,
  postCount: 0,
  createdAt: '',
  updatedAt: '',
  posts: [],
};

describe('the campaign settings form', () => {
  it('offers UTM defaults from the name when there are none yet', () => {
    const form = campaignToForm(campaign);
    expect(form).toMatchObject({ utmOn: false, medium: 'social', utmCampaign: 'fruhjahrs-aktion' });
    expect(slugOf('Sommer 2026: Kisten & Körbe')).toBe('sommer-2026-kisten-korbe');
  });

  it('sends UTM defaults only when switched on, without empty sources', () => {
    const form = { ...campaignToForm(campaign), utmOn: true, sources: { instagram: 'ig', x: ' ' } };
    const result = campaignUpdate(form);
    expect(result.ok && result.body.utm).toEqual({
      sources: { instagram: 'ig' },
      medium: 'social',
      campaign: 'fruhjahrs-aktion',
      content: null,
      term: null,
    });
    expect(
      campaignUpdate({ ...form, utmOn: false }).ok && campaignUpdate({ ...form, utmOn: false }),
    ).toMatchObject({ body: { utm: null } });
  });

  it('refuses a period in the wrong order and a target that is no number', () => {
    const form = campaignToForm(campaign);
    expect(campaignUpdate({ ...form, endsOn: '2026-02-01' })).toEqual({
      ok: false,
      problem: 'periodOrder',
    });
    expect(campaignUpdate({ ...form, goalTarget: 'viele' })).toEqual({
      ok: false,
      problem: 'targetInvalid',
    });
    const decimal = campaignUpdate({ ...form, goalTarget: '2,5' });
    expect(decimal.ok && decimal.body.goal).toEqual({ text: 'Besuche', target: 2.5, unit: null });
  });
});
