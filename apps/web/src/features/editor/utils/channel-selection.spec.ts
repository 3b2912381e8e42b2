import { describe, expect, it } from '@jest/globals';
import { tickChannel, untickChannel } from './channel-selection';
import { emptyForm, type PostFormValues } from './post-form';

const form: PostFormValues = {
  ...emptyForm(null, 'draft'),
  text: 'Basis',
  channels: [
    { channelId: 'ig', text: 'Nur für Instagram #hafen' },
    { channelId: 'li', text: '' },
  ],
};
const order = ['ig', 'li', 'fb'];

describe('unticking a channel', () => {
  it('keeps its own text and brings it back when the channel is ticked again', () => {
    const off = untickChannel(form, {}, 'ig');
    expect(off.values.channels.map((c) => c.channelId)).toEqual(['li']);
    expect(off.removed).toEqual({ channelId: 'ig', text: 'Nur für Instagram #hafen' });
    const on = tickChannel(off.values, off.parked, 'ig', order);
    expect(on.values.channels).toEqual(form.channels);
    expect(on.parked).toEqual({});
  });

  it('offers no undo for a channel without its own text, and starts new channels empty', () => {
    expect(untickChannel(form, {}, 'li').removed).toBeNull();
    const on = tickChannel(form, {}, 'fb', order);
    expect(on.values.channels.at(-1)).toEqual({ channelId: 'fb', text: '' });
  });

  it('keeps a channel’s own media selection too, even an empty one', () => {
    const withOwn: PostFormValues = {
      ...form,
      channels: [{ channelId: 'li', text: '', media: [] }],
    };
    const off = untickChannel(withOwn, {}, 'li');
    expect(off.parked['li']).toEqual({ channelId: 'li', text: '', media: [] });
    expect(tickChannel(off.values, off.parked, 'li', order).values.channels).toEqual(
      withOwn.channels,
    );
  });
});
