import type { WorkspaceMembership } from '@postplan/contracts';
import { useState } from 'react';
import { useChannels } from '../../../lib/api/queries';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { usePauseState } from '../api/use-crisis';
import { canPause } from '../utils/crisis-rules';
import { PauseDialog } from './pause-dialog';
import '../crisis.css';

/** The crisis stop in the header, for owners and admins: pause the workspace or a channel. */
export function CrisisControl({ workspace }: { workspace: WorkspaceMembership }) {
  const { t } = useI18n();
  const state = usePauseState(workspace.slug);
  const { channels } = useChannels(workspace.slug);
  const [open, setOpen] = useState(false);
  if (!canPause(workspace.role)) return null;
  return (
    <>
      <button
        type="button"
        className="button button--ghost button--small crisis-control"
        onClick={() => setOpen(true)}
        data-testid="crisis-control"
      >
        {t('crisis.control')}
      </button>
      {open && (
        <PauseDialog
          workspace={workspace}
          channels={channels}
          state={state.data}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
