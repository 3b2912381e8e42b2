import type { CalendarCampaign } from '@postplan/contracts';

export type CampaignBandInput = {
  id: string;
  title: string;
  start: string;
  /** FullCalendar's end is exclusive: the day after the campaign's last day. */
  end: string;
  allDay: true;
  display: 'background';
  color: string;
  extendedProps: { kind: 'campaign'; campaign: CalendarCampaign };
};

/** The day after a calendar day (YYYY-MM-DD), computed on the date alone, no zone involved. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = new Date(Date.UTC(y!, m! - 1, d! + 1));
  return next.toISOString().slice(0, 10);
}

/** Each campaign's period as a band behind the days it covers, in its colour. */
export function campaignBands(campaigns: readonly CalendarCampaign[]): CampaignBandInput[] {
  return campaigns.map((campaign) => ({
    id: `campaign-${campaign.id}`,
    title: campaign.name,
    start: campaign.startsOn,
    end: nextDay(campaign.endsOn),
    allDay: true,
    display: 'background',
    color: campaign.color,
    extendedProps: { kind: 'campaign', campaign },
  }));
}
