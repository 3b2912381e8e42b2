/** @jest-environment jsdom */
import type { Channel, Member } from '@postplan/contracts';
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { EMPTY_FILTERS, type PostFilters } from '../utils/post-filters';
import { FilterBar } from './filter-bar';

const channels: Channel[] = [
  { id: 'c1', name: 'Instagram', platform: 'instagram', color: '#db2777', createdAt: '' },
];
const members: Member[] = [
  { userId: 'u2', email: 'b@x.de', name: 'Bernd', role: 'author', joinedAt: '' },
];

function renderBar(filters: PostFilters, withMembers: boolean) {
  const onChange = jest.fn<(f: PostFilters) => void>();
  renderWithProviders(
    <FilterBar
      filters={filters}
      onChange={onChange}
      channels={channels}
      members={withMembers ? members : null}
      userId="me"
    />,
  );
  return onChange;
}

describe('FilterBar', () => {
  it('filters by channel and status', () => {
    const onChange = renderBar(EMPTY_FILTERS, true);
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'c1' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, channel: ['c1'] });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'idea' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, status: ['idea'] });
  });

  it('searches when the person presses Enter, and after a pause in typing', async () => {
    const onChange = renderBar(EMPTY_FILTERS, true);
    const box = screen.getByLabelText('Search');
    fireEvent.change(box, { target: { value: ' Kisten ' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, q: 'Kisten' });
    fireEvent.change(box, { target: { value: 'Advent' } });
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, q: 'Advent' }),
    );
  });

  it('offers the member list to those who may read it', () => {
    const onChange = renderBar(EMPTY_FILTERS, true);
    fireEvent.change(screen.getByLabelText('Author'), { target: { value: 'u2' } });
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, author: ['u2'] });
    expect(screen.queryByLabelText('Only mine')).toBeNull();
  });

  it('offers "only mine" to everybody else', () => {
    const onChange = renderBar(EMPTY_FILTERS, false);
    fireEvent.click(screen.getByLabelText('Only mine'));
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTERS, author: ['me'] });
  });

  it('applies tags on Enter and clears all filters at once', () => {
    const onChange = renderBar({ ...EMPTY_FILTERS, status: ['draft'] }, false);
    const tag = screen.getByLabelText('Tag');
    fireEvent.change(tag, { target: { value: 'launch, sommer' } });
    fireEvent.submit(tag.closest('form')!);
    expect(onChange).toHaveBeenLastCalledWith({
      ...EMPTY_FILTERS,
      status: ['draft'],
      tag: ['launch', 'sommer'],
    });
    fireEvent.click(screen.getByRole('button', { name: /Clear filters/ }));
    expect(onChange).toHaveBeenLastCalledWith(EMPTY_FILTERS);
  });
});
